using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using DjangoSettings.Cli.Output;
using DjangoSettings.Cli.Variables;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Cli.Commands;

/// <summary>
/// <c>check [--env KEY=VALUE]... [--env-file FILE]... [--format text|json|sarif] [--warnaserror] FILE...</c>:
/// compiles each settings file (with the modules it imports) without emitting and reports the
/// diagnostics. With no environment option the values read from the environment stay deferred, as
/// in the build; with <c>--env</c>/<c>--env-file</c> they are evaluated with exactly those variables
/// through the runtime's startup path, so a production value that breaks a check is reported at its
/// settings line before deploying.
/// </summary>
internal static class CheckCommand
{
    private static readonly string[] Flags = { "--json", "--warnaserror" };
    private static readonly string[] Valued = { "--format", "--env", "--env-file" };

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Compiler compiler)
    {
        var parsed = Arguments.Parse(args, Flags, Valued);
        string format = Format(parsed);
        if (parsed.Files.Count == 0) throw new UsageException("no settings file given");
        bool warnAsError = parsed.Has("--warnaserror");

        var variables = ReadVariables(parsed, stderr);
        var modules = parsed.Files.Select(SettingsModule.Load).ToList();
        var checkedFiles = new List<CheckedFile>();
        foreach (var module in modules)
        {
            var result = compiler.Check(module.Sources, variables?.ToEnvironment(module.Folder));
            var diagnostics = DiagnosticOrder.Sort(result.Diagnostics, module.Sources);
            if (warnAsError) diagnostics = diagnostics.Select(RaiseWarning).ToList();
            checkedFiles.Add(new CheckedFile(module, result, diagnostics));
        }
        var all = Distinct(checkedFiles);

        switch (format)
        {
            case "json":
                stdout.WriteLine(CheckResultJson.Write(checkedFiles));
                break;
            case "sarif":
                stdout.WriteLine(SarifLog.Write(all, ToolVersion(), Directory.GetCurrentDirectory(),
                    variables is null ? "build" : "startup",
                    variables?.Ordered.Select(v => v.Key).Distinct(StringComparer.Ordinal).ToList() ?? new List<string>()));
                break;
            default:
                foreach (var diagnostic in all) stdout.WriteLine(DiagnosticText.Format(diagnostic));
                stdout.WriteLine(DiagnosticText.Summary(all));
                break;
        }
        return all.Any(d => d.Severity == SettingsSeverity.Error) ? CommandLine.SettingsErrors : CommandLine.Success;
    }

    /// <summary>The tool's version (the package version it was packed with).</summary>
    public static string ToolVersion()
    {
        var assembly = typeof(CheckCommand).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // The SDK appends "+<commit>" when it knows the source revision; the package version is the part before.
        if (version is not null && version.IndexOf('+') is int plus and > 0) version = version.Substring(0, plus);
        return version ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
    }

    private static string Format(Arguments parsed)
    {
        string? format = parsed.Get("--format");
        if (parsed.Has("--json"))
        {
            if (format is not null and not "json") throw new UsageException("--json is --format json; it cannot be combined with --format " + format);
            return "json";
        }
        return format switch
        {
            null or "text" => "text",
            "json" or "sarif" => format,
            _ => throw new UsageException("unknown format '" + format + "' (text, json or sarif)"),
        };
    }

    // --env and --env-file in command-line order; null when neither is given (build-time check).
    private static VariableSet? ReadVariables(Arguments parsed, TextWriter stderr)
    {
        VariableSet? variables = null;
        foreach (var (name, value) in parsed.Valued)
        {
            if (name == "--env") (variables ??= new VariableSet()).AddAssignment(value, System.Environment.GetEnvironmentVariable);
            else if (name == "--env-file") (variables ??= new VariableSet()).AddFile(value, stderr);
        }
        return variables;
    }

    // -warnaserror, as the build has it: a warning fails the check and is printed as an error.
    private static SettingsDiagnostic RaiseWarning(SettingsDiagnostic d)
        => d.Severity == SettingsSeverity.Warning ? d with { Descriptor = d.Descriptor with { Severity = SettingsSeverity.Error } } : d;

    // A module imported by several files checked together (base.py) reports its findings once.
    private static List<SettingsDiagnostic> Distinct(IEnumerable<CheckedFile> files)
    {
        var seen = new HashSet<(string, string, int, int, string)>();
        var result = new List<SettingsDiagnostic>();
        foreach (var d in files.SelectMany(f => f.Diagnostics))
        {
            if (seen.Add((d.Id, d.Location.Path, d.Location.Span.Start, d.Location.Span.Length, d.Message))) result.Add(d);
        }
        return result;
    }
}
