using System;
using System.Collections.Generic;
using DjangoSettings.Generator;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Cli.Commands;

/// <summary>The compiler core the commands call (a seam so tests can run the commands over hand-built modules).</summary>
/// <param name="Check">
/// Without an environment: what the build does (evaluate, bind, check; values read from the
/// environment stay deferred, and the file's written defaults are checked too). With one: what the
/// runtime does at startup (<c>SettingsLoader</c>): the same stages with the environment's values.
/// </param>
/// <param name="Compile">Evaluate, bind, check, emit.</param>
internal sealed record Compiler(
    Func<IReadOnlyList<SettingsSource>, ISettingsEnvironment?, CompilationResult> Check,
    Func<IReadOnlyList<SettingsSource>, CompileOptions, CompilationResult> Compile)
{
    /// <summary>The real compiler core.</summary>
    public static Compiler Default { get; } = new(
        (files, environment) => environment is null ? SettingsCompiler.Check(files) : AtStartup(files, environment),
        (files, options) => SettingsCompiler.Compile(files, options));

    // The runtime's SettingsLoader.Load runs exactly this pipeline; it throws on the errors, we report them.
    private static CompilationResult AtStartup(IReadOnlyList<SettingsSource> files, ISettingsEnvironment environment)
    {
        var diagnostics = new List<SettingsDiagnostic>();
        try
        {
            var bound = SettingsPipeline.Run(files, environment, diagnostics);
            // As the host does at startup (DjangoSettingsHostApplicationBuilderExtensions): every value
            // is a constant then, so "written literally" cannot be told from "read from the
            // environment"; literal secrets are the build's finding (check without --env reports them).
            diagnostics.RemoveAll(d => d.Id == DiagnosticDescriptors.LiteralSecret.Id);
            return new CompilationResult(bound, diagnostics, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // As the build does (SettingsCompiler): a bug in the core is a diagnostic, not a crash.
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.InternalError, SourceLocation.None(files[files.Count - 1].Path), ex.GetType().Name + ": " + ex.Message));
            return new CompilationResult(null, diagnostics, null);
        }
    }
}
