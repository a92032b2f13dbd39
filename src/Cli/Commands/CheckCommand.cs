using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DjangoSettings.Cli.Json;
using DjangoSettings.Generator;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Cli.Commands;

/// <summary><c>check [--json] FILE...</c>: compiles without emitting and prints the diagnostics.</summary>
internal static class CheckCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Compiler compiler)
    {
        var parsed = Arguments.Parse(args, new[] { "--json" }, new string[0]);
        var sources = SettingsFiles.Load(parsed.Files);
        var result = compiler.Check(sources);

        if (parsed.Has("--json"))
        {
            stdout.Write(CheckResultJson.Write(result, DiagnosticOrder.Sort(result.Diagnostics, sources)));
            stdout.WriteLine();
        }
        else
        {
            foreach (var diagnostic in DiagnosticOrder.Sort(result.Diagnostics, sources)) stdout.WriteLine(diagnostic.ToString());
            stdout.WriteLine(Summary(result.Diagnostics));
        }
        return result.HasErrors ? CommandLine.SettingsErrors : CommandLine.Success;
    }

    /// <summary><c>2 errors, 1 warning, 0 infos</c>.</summary>
    public static string Summary(IReadOnlyList<SettingsDiagnostic> diagnostics)
    {
        int errors = diagnostics.Count(d => d.Severity == SettingsSeverity.Error);
        int warnings = diagnostics.Count(d => d.Severity == SettingsSeverity.Warning);
        int infos = diagnostics.Count - errors - warnings;
        return Count(errors, "error") + ", " + Count(warnings, "warning") + ", " + Count(infos, "info");
    }

    private static string Count(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? string.Empty : "s");
}
