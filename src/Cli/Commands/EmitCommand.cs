using System.Collections.Generic;
using System.IO;
using DjangoSettings.Generator;

namespace DjangoSettings.Cli.Commands;

/// <summary><c>emit [--namespace NS] [--class NAME] FILE...</c>: prints the generated C#, diagnostics to stderr.</summary>
internal static class EmitCommand
{
    /// <summary>The namespace used without <c>--namespace</c>.</summary>
    public const string DefaultNamespace = "DjangoSettings.Generated";

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Compiler compiler)
    {
        var parsed = Arguments.Parse(args, new string[0], new[] { "--namespace", "--class" });
        var sources = SettingsFiles.Load(parsed.Files);
        var options = new CompileOptions(parsed.Get("--namespace") ?? DefaultNamespace, parsed.Get("--class") ?? CompileOptions.DefaultClassName);
        var result = compiler.Compile(sources, options);

        foreach (var diagnostic in DiagnosticOrder.Sort(result.Diagnostics, sources)) stderr.WriteLine(diagnostic.ToString());
        if (result.GeneratedSource is not null) stdout.Write(result.GeneratedSource);
        return result.HasErrors ? CommandLine.SettingsErrors : CommandLine.Success;
    }
}
