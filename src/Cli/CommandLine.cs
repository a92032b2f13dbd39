using System.IO;

namespace DjangoSettings.Cli;

/// <summary>Parses the command line and runs <c>check</c> or <c>emit</c>.</summary>
public static class CommandLine
{
    /// <summary>Runs a command, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("usage: djangosettings check [--json] FILE... | emit FILE...");
        return 2;
    }
}
