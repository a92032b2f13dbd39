using System;
using System.Linq;
using System.Threading;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Project;
using DjangoSettings.Generator.Project.Pins;
using Microsoft.CodeAnalysis;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>What the pin step needs of one compiled settings class (one with the ASP.NET Core wiring); equatable.</summary>
/// <param name="HintName">Hint name of the version source.</param>
/// <param name="Namespace">The settings class's namespace.</param>
/// <param name="ClassName">The settings class's name.</param>
/// <param name="SettingsPath">The main settings file's full path (where the search for manage.py starts).</param>
internal sealed record SimpleJwtPinRequest(string HintName, string Namespace, string ClassName, string SettingsPath);

/// <summary>What the pin step produced for one class: the version source (null without a pin) and the findings.</summary>
internal sealed record SimpleJwtPinResult(string HintName, string? Source, EquatableArray<SettingsDiagnostic> Diagnostics);

/// <summary>
/// The incremental steps that read the simplejwt version pin: the build's requirements files and
/// manage.py paths (as equatable strings, so editing a model or C# code leaves them cached), then,
/// per settings class with wiring, the pin and its generated <c>DescribeSimpleJwtVersion</c> part.
/// </summary>
internal static class SimpleJwtPinPipeline
{
    /// <summary>Adds the steps and their outputs.</summary>
    public static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<CompiledSettingsFile> compiled,
        IncrementalValueProvider<EquatableArray<SettingsFileModel>> files,
        IncrementalValueProvider<ProjectOptions> project)
    {
        var pinFiles = context.AdditionalTextsProvider
            .Where(static f => f.Path is not null && SimpleJwtPinReader.IsPinFile(f.Path))
            .Select(static (f, ct) => new ProjectFile(f.Path, SafeText(f, ct)))
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(TrackingNames.PinFiles);
        // Only the paths of manage.py matter (they locate the project root), not any file's text.
        var manageFiles = files
            .Select(static (all, _) => all
                .Where(f => f.FullPath.EndsWith("manage.py", StringComparison.OrdinalIgnoreCase))
                .Select(f => new ProjectFile(f.FullPath, string.Empty))
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.ManageFiles);
        var pins = compiled
            .Where(static c => c.Pin is not null)
            .Select(static (c, _) => c.Pin!)
            .Combine(manageFiles)
            .Combine(pinFiles)
            .Combine(project)
            .Select(static (input, ct) => SafeRead(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.SimpleJwtPin);
        context.RegisterSourceOutput(pins, static (spc, result) =>
        {
            if (result.Source is not null)
            {
                try
                {
                    spc.AddSource(result.HintName, result.Source);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    spc.ReportDiagnostic(RoslynDiagnostics.Convert(InternalError(string.Empty, ex), EquatableArray<PathMapping>.Empty));
                }
            }
            foreach (var diagnostic in result.Diagnostics)
            {
                try
                {
                    spc.ReportDiagnostic(RoslynDiagnostics.Convert(diagnostic, EquatableArray<PathMapping>.Empty));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    spc.ReportDiagnostic(RoslynDiagnostics.Convert(InternalError(string.Empty, ex), EquatableArray<PathMapping>.Empty));
                }
            }
        });
    }

    /// <summary>MyApp.Settings.g.cs -> MyApp.Settings.SimpleJwtVersion.g.cs.</summary>
    public static string HintName(string hintName)
        => hintName.EndsWith(".g.cs", StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - 5) + ".SimpleJwtVersion.g.cs" : hintName + ".SimpleJwtVersion.g.cs";

    private static SimpleJwtPinResult SafeRead(SimpleJwtPinRequest request, EquatableArray<ProjectFile> manageFiles, EquatableArray<ProjectFile> pinFiles, ProjectOptions options, CancellationToken ct)
    {
        try
        {
            ct.ThrowIfCancellationRequested();
            var pin = SimpleJwtPinReader.Read(request.SettingsPath, options.DjangoProjectRoot, manageFiles, pinFiles);
            string? source = pin.Version is null ? null : Emit.SimpleJwtVersionEmitter.Emit(request.Namespace, request.ClassName, pin);
            return new SimpleJwtPinResult(request.HintName, source, pin.Diagnostics);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SimpleJwtPinResult(request.HintName, null, EquatableArray.From(new[] { InternalError(request.SettingsPath, ex) }));
        }
    }

    private static string SafeText(AdditionalText file, CancellationToken ct)
    {
        try
        {
            return file.GetText(ct)?.ToString() ?? string.Empty;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return string.Empty;
        }
    }

    private static SettingsDiagnostic InternalError(string path, Exception ex)
        => SettingsDiagnostic.Create(DiagnosticDescriptors.InternalError, Text.SourceLocation.None(path), ex.GetType().Name + ": " + ex.Message);
}
