using System.Collections.Generic;
using System.IO;
using DjangoSettings.Cli.Output;
using DjangoSettings.Generator;

namespace DjangoSettings.Cli.Commands;

/// <summary><c>emit [--namespace NS] [--class NAME] FILE</c>: prints the generated C#, diagnostics to stderr.</summary>
internal static class EmitCommand
{
    /// <summary>The namespace used without <c>--namespace</c>.</summary>
    public const string DefaultNamespace = "DjangoSettings.Generated";

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Compiler compiler)
    {
        var parsed = Arguments.Parse(args, new string[0], new[] { "--namespace", "--class" });
        if (parsed.Files.Count == 0) throw new UsageException("no settings file given");
        // One class comes from one settings module (its imports are found beside it), as in the build.
        if (parsed.Files.Count > 1) throw new UsageException("emit takes one settings file (the modules it imports are found beside it)");
        var module = SettingsModule.Load(parsed.Files[0]);
        var options = new CompileOptions(parsed.Get("--namespace") ?? DefaultNamespace, parsed.Get("--class") ?? CompileOptions.DefaultClassName);
        var result = compiler.Compile(module.Sources, options);

        foreach (var diagnostic in DiagnosticOrder.Sort(result.Diagnostics, module.Sources)) stderr.WriteLine(DiagnosticText.Format(diagnostic));
        if (result.GeneratedSource is not null) stdout.Write(result.GeneratedSource);
        return result.HasErrors ? CommandLine.SettingsErrors : CommandLine.Success;
    }
}
