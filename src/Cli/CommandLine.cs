using System;
using System.Collections.Generic;
using System.IO;
using DjangoSettings.Cli.Commands;

namespace DjangoSettings.Cli;

/// <summary>Parses the command line and runs <c>check</c> or <c>emit</c>.</summary>
public static class CommandLine
{
    /// <summary>Exit code: no error diagnostics.</summary>
    public const int Success = 0;

    /// <summary>Exit code: the settings have errors.</summary>
    public const int SettingsErrors = 1;

    /// <summary>Exit code: bad usage or a file that cannot be read.</summary>
    public const int UsageError = 2;

    /// <summary>The help text.</summary>
    public const string Usage =
        "usage: djangosettings check [--json] FILE...\n" +
        "       djangosettings emit [--namespace NS] [--class NAME] FILE...\n" +
        "\n" +
        "Compiles Django settings files (cors.settings, settings.py) the way the build does.\n" +
        "Several files form one package: they run in order and the last is the main module.\n" +
        "\n" +
        "commands:\n" +
        "  check   print diagnostics as file(line,col): error DJS0001: message;\n" +
        "          exit 1 when there is an error, else 0\n" +
        "          --json   print {\"diagnostics\": [...], \"settings\": {...}} instead\n" +
        "  emit    print the generated C# class (diagnostics go to stderr)\n" +
        "          --namespace NS   namespace of the class (default: DjangoSettings.Generated)\n" +
        "          --class NAME     class name (default: DjangoProjectSettings, as the build)\n" +
        "\n" +
        "exit codes: 0 no errors, 1 errors in the settings, 2 usage error or unreadable file\n";

    /// <summary>Runs a command, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        => Run(args, stdout, stderr, Compiler.Default);

    /// <summary>Runs a command over the given compiler core (tests pass hand-built ones).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, Compiler compiler)
    {
        if (args.Length == 0)
        {
            stderr.Write(Usage);
            return UsageError;
        }
        if (args[0] is "--help" or "-h" or "help" or "-?")
        {
            stdout.Write(Usage);
            return Success;
        }

        var rest = new List<string>(args);
        rest.RemoveAt(0);
        try
        {
            switch (args[0])
            {
                case "check":
                    return CheckCommand.Run(rest, stdout, stderr, compiler);
                case "emit":
                    return EmitCommand.Run(rest, stdout, stderr, compiler);
                default:
                    stderr.WriteLine("djangosettings: unknown command '" + args[0] + "'");
                    stderr.Write(Usage);
                    return UsageError;
            }
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("djangosettings: " + ex.Message);
            stderr.WriteLine("run 'djangosettings --help' for usage");
            return UsageError;
        }
    }
}
