using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DjangoSettings.Cli;

namespace DjangoSettings.Generator.Tests.Cli;

/// <summary>A temp folder for settings and .env files, and the CLI run in-process over it.</summary>
public sealed class CliTestFolder : IDisposable
{
    /// <summary>The folder.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "djangosettings-cli-" + Guid.NewGuid().ToString("N"));

    public CliTestFolder() => Directory.CreateDirectory(Root);

    /// <summary>Writes a file (creating folders); returns its path.</summary>
    public string Write(string relative, string text)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs <c>djangosettings args</c> in-process.</summary>
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The diagnostic lines of a text report (the summary line excluded).</summary>
    public static List<string> Lines(string stdout)
        => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": ", StringComparison.Ordinal) && l.Contains(" DJS", StringComparison.Ordinal)).ToList();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
