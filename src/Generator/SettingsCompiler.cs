using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Emit;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator;

/// <summary>
/// The compiler core's front door: evaluate, bind, check, emit. Used by the Roslyn generator, the
/// CLI and the tests. Never throws (but for cancellation): a bug becomes diagnostic DJS0900.
/// </summary>
internal static class SettingsCompiler
{
    /// <summary>Evaluates, binds and checks; no code is emitted.</summary>
    public static CompilationResult Check(IReadOnlyList<SettingsSource> files, CancellationToken cancellationToken = default)
        => Run(files, null, cancellationToken);

    /// <summary>Evaluates, binds and checks, with Django's deploy checks when <paramref name="deployChecks"/> is set; no code is emitted.</summary>
    public static CompilationResult Check(IReadOnlyList<SettingsSource> files, bool deployChecks, CancellationToken cancellationToken = default)
        => Run(files, null, cancellationToken, deployChecks);

    /// <summary>Evaluates, binds, checks and emits the generated C#.</summary>
    public static CompilationResult Compile(IReadOnlyList<SettingsSource> files, CompileOptions options, CancellationToken cancellationToken = default)
        => Run(files, options, cancellationToken);

    /// <summary>
    /// Runs the file again as Django would on a machine with no environment variables set, and
    /// reports what the written defaults break (for example <c>os.environ.get("X", "").split(",")</c>
    /// giving <c>['']</c>, an origin without scheme). A literal fallback secret is a deliberate
    /// development default, so only an insecure one is reported.
    /// </summary>
    private static void CheckDefaults(IReadOnlyList<SettingsSource> files, List<SettingsDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var scenario = new List<SettingsDiagnostic>();
        SettingsPipeline.Run(files, UnsetEnvironment.Instance, scenario, cancellationToken);
        var known = new HashSet<(string, string, int)>(diagnostics.Select(d => (d.Id, d.Message, d.Location.Span.Start)));
        foreach (var d in scenario)
        {
            if (d.Id == DiagnosticDescriptors.LiteralSecret.Id || d.Severity == SettingsSeverity.Info) continue;
            // The build run already reported the file's syntax; missing variables are the scenario itself.
            if (d.Descriptor.Category is "Syntax" or "Evaluation") continue;
            if (d.Id == DiagnosticDescriptors.SettingNotEvaluable.Id || d.Id == DiagnosticDescriptors.DependsOnMissingModule.Id || d.Id == DiagnosticDescriptors.SettingAssumed.Id) continue;
            if (!known.Add((d.Id, d.Message, d.Location.Span.Start))) continue;
            diagnostics.Add(new SettingsDiagnostic(DiagnosticDescriptors.FailsWhenEnvironmentUnset,
                SettingsDiagnostic.Create(DiagnosticDescriptors.FailsWhenEnvironmentUnset, d.Location, d.Id, d.Message).Message,
                d.Location, d.AdditionalLocations));
        }
    }

    // Warnings that say what the application does instead of what the file says (an assumed value,
    // a default kept for a module that was not given, a serializer answered by the default one):
    // the application logs them again at startup, where the people running it look.
    private static readonly HashSet<string> StartupNoteIds = new(StringComparer.Ordinal)
    {
        DiagnosticDescriptors.DependsOnMissingModule.Id,
        DiagnosticDescriptors.SettingAssumed.Id,
        DiagnosticDescriptors.CustomTokenObtainSerializer.Id,
    };

    private static IReadOnlyList<string> StartupNotes(List<SettingsDiagnostic> diagnostics)
        => InSourceOrder(diagnostics).Where(d => StartupNoteIds.Contains(d.Id)).Select(d => d.ToString()).Distinct(StringComparer.Ordinal).ToList();

    // Stable sort: diagnostics at the same place keep the order the stages reported them in.
    private static List<SettingsDiagnostic> InSourceOrder(List<SettingsDiagnostic> diagnostics)
        => diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.Path, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Span.Start)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToList();

    private static CompilationResult Run(IReadOnlyList<SettingsSource> files, CompileOptions? options, CancellationToken cancellationToken, bool deployChecks = false)
    {
        var diagnostics = new List<SettingsDiagnostic>();
        try
        {
            var bound = SettingsPipeline.Run(files, null, diagnostics, cancellationToken, deployChecks || options is { DeployChecks: true });
            if (bound.HasDeferred) CheckDefaults(files, diagnostics, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            string? source = options is null ? null : SettingsEmitter.Emit(bound, options, StartupNotes(diagnostics));
            return new CompilationResult(bound, InSourceOrder(diagnostics), source);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            string path = files.Count > 0 ? files[files.Count - 1].Path : "settings";
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.InternalError, SourceLocation.None(path), ex.GetType().Name + ": " + ex.Message));
            return new CompilationResult(null, diagnostics, null);
        }
    }
}
