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
        "usage: djangosettings check [options] FILE...\n" +
        "       djangosettings emit [--namespace NS] [--class NAME] FILE\n" +
        "       djangosettings --version\n" +
        "\n" +
        "Compiles Django settings files (settings.py, cors.settings) the way the build does. Each FILE is\n" +
        "a settings module; the modules it imports (from .base import *) are read from its folder.\n" +
        "\n" +
        "check   report diagnostics as file(line,col): error DJS0001: message (help link)\n" +
        "  --env KEY=VALUE   evaluate the environment reads with this variable set, as the app does at\n" +
        "                    startup (repeatable; --env KEY copies KEY from this process's environment)\n" +
        "  --env-file FILE   read variables from a .env file (python-dotenv syntax; repeatable)\n" +
        "                    With --env or --env-file only the variables given are set; later ones win.\n" +
        "                    Without them, environment reads stay unknown, as in the build.\n" +
        "  --format FORMAT   text (default), json (diagnostics and evaluated values) or sarif (SARIF\n" +
        "                    2.1.0 for GitHub code scanning); --json is --format json\n" +
        "  --warnaserror     treat warnings as errors\n" +
        "emit    print the generated C# class (diagnostics go to stderr)\n" +
        "  --namespace NS    namespace of the class (default: DjangoSettings.Generated)\n" +
        "  --class NAME      class name (default: DjangoProjectSettings, as the build)\n" +
        "\n" +
        "exit codes: 0 no errors, 1 errors in the settings, 2 usage error or unreadable file\n" +
        "docs: https://github.com/djangosettings/djangosettings/blob/main/docs/cli.md\n";

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
        if (args[0] is "--version")
        {
            stdout.WriteLine("djangosettings " + CheckCommand.ToolVersion());
            return Success;
        }

        var rest = new List<string>(args);
        rest.RemoveAt(0);
        if (args[0] is "check" or "emit" && rest.Count > 0 && rest[0] is "--help" or "-h")
        {
            stdout.Write(Usage);
            return Success;
        }
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
