using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Roslyn;
using DjangoSettings.Generator.Text;
using Microsoft.CodeAnalysis;

namespace DjangoSettings.Generator;

/// <summary>
/// The Roslyn edge: selects the settings file from AdditionalFiles, runs the compiler core and
/// reports its diagnostics. Everything else lives in the core folders. Every step carries only
/// equatable strings and records, so edits to C# code leave the pipeline cached; nothing escapes
/// as an exception (that would be CS8785 and drop all output): failures become DJS0900.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SettingsGenerator : IIncrementalGenerator
{
    private readonly Func<IReadOnlyList<SettingsSource>, CompileOptions, CancellationToken, CompilationResult> _compile;

    /// <summary>Creates the generator over the real compiler core.</summary>
    public SettingsGenerator()
        : this(static (files, options, ct) => SettingsCompiler.Compile(files, options, ct))
    {
    }

    /// <summary>Test seam: the same pipeline over another compile function.</summary>
    internal SettingsGenerator(Func<IReadOnlyList<SettingsSource>, CompileOptions, CancellationToken, CompilationResult> compile)
        => _compile = compile;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var project = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => SettingsFileReader.ReadProjectOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.ProjectOptions);

        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(project)
            .Select(static (input, ct) => SafeRead(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.SettingsFiles)
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.SelectedFiles);

        // Only a bool leaves the compilation, so C# edits re-run this cheap step and nothing after it.
        var hasRuntime = context.CompilationProvider
            .Select(static (compilation, _) => compilation.ReferencedAssemblyNames.Any(a => a.Name == RuntimeAssemblyName))
            .WithTrackingName(TrackingNames.RuntimeReference);

        var compiled = files
            .Combine(hasRuntime)
            .Select((input, ct) => Compile(input.Left, input.Right, ct))
            .WithTrackingName(TrackingNames.Compiled);

        // Two outputs, as dotnet/runtime's generators do: a change that only moves a diagnostic
        // leaves the generated source step Unchanged.
        var sources = compiled
            .Select(static (c, _) => new GeneratedSourceFile(c.HintName, c.Source))
            .WithTrackingName(TrackingNames.Source);
        var diagnostics = compiled
            .Select(static (c, _) => new SettingsFileDiagnostics(c.FullPath, c.DisplayPath, c.Diagnostics))
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(sources, static (spc, file) =>
        {
            if (file.Source is null) return;
            try
            {
                spc.AddSource(file.HintName, file.Source);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                spc.ReportDiagnostic(RoslynDiagnostics.Convert(InternalError(file.HintName, ex), file.HintName, file.HintName));
            }
        });
        context.RegisterSourceOutput(diagnostics, static (spc, file) =>
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                try
                {
                    spc.ReportDiagnostic(RoslynDiagnostics.Convert(diagnostic, file.FullPath, file.DisplayPath));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A location Roslyn rejects must not cost the user the other diagnostics.
                    spc.ReportDiagnostic(RoslynDiagnostics.Convert(InternalError(file.DisplayPath, ex), file.FullPath, file.DisplayPath));
                }
            }
        });
    }

    private static SettingsFileModel? SafeRead(AdditionalText file, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider provider, ProjectOptions project, CancellationToken ct)
    {
        try
        {
            return SettingsFileReader.Read(file, provider, project, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unreadable options or path: still a settings file candidate only if its name says so.
            string name = System.IO.Path.GetFileName(file.Path ?? string.Empty);
            return string.Equals(name, ProjectOptions.DefaultSettingsFile, StringComparison.OrdinalIgnoreCase)
                ? new SettingsFileModel(file.Path ?? name, name, null, project.RootNamespace, "CorsSettings", ProjectPaths.HintName(name))
                : null;
        }
    }

    /// <summary>The runtime library; when referenced, the ASP.NET Core wiring is generated too.</summary>
    internal const string RuntimeAssemblyName = "DjangoSettings.Runtime";

    private CompiledSettingsFile Compile(SettingsFileModel file, bool emitWiring, CancellationToken ct)
    {
        try
        {
            if (file.Text is null)
            {
                var unreadable = InternalError(file.DisplayPath, new InvalidOperationException("the file could not be read"));
                return new CompiledSettingsFile(file.HintName, file.FullPath, file.DisplayPath, null, EquatableArray.From(new[] { unreadable }));
            }
            var sources = new[] { new SettingsSource(file.DisplayPath, file.Text) };
            var result = _compile(sources, new CompileOptions(file.Namespace, file.ClassName, emitWiring), ct);
            return new CompiledSettingsFile(file.HintName, file.FullPath, file.DisplayPath, result.GeneratedSource, result.Diagnostics.ToEquatableArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new CompiledSettingsFile(file.HintName, file.FullPath, file.DisplayPath, null, EquatableArray.From(new[] { InternalError(file.DisplayPath, ex) }));
        }
    }

    private static SettingsDiagnostic InternalError(string path, Exception ex)
        => SettingsDiagnostic.Create(DiagnosticDescriptors.InternalError, SourceLocation.None(path), ex.GetType().Name + ": " + ex.Message);
}
