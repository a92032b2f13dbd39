using System;
using System.Collections.Generic;
using DjangoSettings.Generator;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Cli.Commands;

/// <summary>The compiler core the commands call (a seam so tests can run the commands over hand-built modules).</summary>
/// <param name="Check">Evaluate, bind, check.</param>
/// <param name="Compile">Evaluate, bind, check, emit.</param>
internal sealed record Compiler(
    Func<IReadOnlyList<SettingsSource>, CompilationResult> Check,
    Func<IReadOnlyList<SettingsSource>, CompileOptions, CompilationResult> Compile)
{
    /// <summary>The real compiler core.</summary>
    public static Compiler Default { get; } = new(files => SettingsCompiler.Check(files), (files, options) => SettingsCompiler.Compile(files, options));
}
