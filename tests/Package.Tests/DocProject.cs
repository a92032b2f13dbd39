using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Package.Tests;

/// <summary>
/// A fresh ASP.NET Core project made by the README's "local feed" block, run as written (bash, in a
/// temp folder) but for its first line, the <c>dotnet pack</c> that <see cref="PackedPackage"/> has
/// done already: the feed folder and version are this run's. The project is <c>Api</c> in
/// <see cref="Root"/>, as the block names it, so files beside it (<c>../django-backend</c>) can be
/// laid out as the docs show.
/// </summary>
internal sealed class DocProject : IAsyncDisposable
{
    private const string DocumentedFeed = "~/djangosettings-feed";
    private const string DocumentedPack = "dotnet pack src/Runtime -c Release -o " + DocumentedFeed;

    private DocProject(string root) => Root = root;

    /// <summary>The temp folder the block ran in.</summary>
    public string Root { get; }

    /// <summary>The project folder (<c>Api</c>).</summary>
    public string Directory => Path.Combine(Root, "Api");

    /// <summary>The built application.</summary>
    public string Dll => Path.Combine(Directory, "bin", "Debug", "net10.0", "Api.dll");

    /// <summary>Runs the README's local-feed block against <paramref name="package"/>'s feed.</summary>
    public static async Task<DocProject> CreateAsync(PackedPackage package)
    {
        var project = new DocProject(Path.Combine(Path.GetTempPath(), "djangosettings-docs-" + Guid.NewGuid().ToString("N")));
        System.IO.Directory.CreateDirectory(project.Root);
        var lines = DocSnippets.Get("local-feed", "README.md").Split('\n').ToList();
        if (!lines[0].StartsWith(DocumentedPack, StringComparison.Ordinal))
            throw new InvalidOperationException("the README's local-feed block no longer starts with the pack this fixture does: " + lines[0]);
        lines.RemoveAt(0);
        string documentedVersion = Regex.Match(lines[^1], @"--version (\S+)").Groups[1].Value;
        if (documentedVersion != RuntimeVersion())
            throw new InvalidOperationException($"the README installs version '{documentedVersion}', the runtime project packs {RuntimeVersion()}");
        string script = "set -e\n" + string.Join("\n", lines)
            .Replace(DocumentedFeed, package.Feed, StringComparison.Ordinal)
            .Replace("--version " + documentedVersion, "--version " + package.Version, StringComparison.Ordinal);
        var (code, stdout, stderr) = await CommandRunner.RunAsync(project.Root, "bash", new[] { "-c", script });
        if (code != 0) throw new InvalidOperationException("the README's local-feed block failed:\n" + stdout + stderr);
        return project;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> under <see cref="Directory"/> (creating folders).</summary>
    public async Task WriteAsync(string relativePath, string text)
    {
        string path = Path.GetFullPath(Path.Combine(Directory, relativePath));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text.EndsWith('\n') ? text : text + "\n");
    }

    /// <summary>Adds an MSBuild fragment (a <c>&lt;PropertyGroup&gt;</c> block from the docs) to Api.csproj.</summary>
    public async Task AddToProjectFileAsync(string fragment)
    {
        string csproj = Path.Combine(Directory, "Api.csproj");
        string text = await File.ReadAllTextAsync(csproj);
        int end = text.LastIndexOf("</Project>", StringComparison.Ordinal);
        await File.WriteAllTextAsync(csproj, text[..end] + "\n" + fragment + "\n\n" + text[end..]);
    }

    /// <summary><c>dotnet build</c> as a user runs it; returns the exit code and output.</summary>
    public Task<(int ExitCode, string Output)> BuildAsync() =>
        DotnetCli.RunAsync(Directory, "build", "--disable-build-servers", "-nologo", "-v:minimal");

    /// <summary>Runs a bash script in the project folder (a docs block's lines).</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> BashAsync(string script, IReadOnlyDictionary<string, string?>? environment = null) =>
        CommandRunner.RunAsync(Directory, "bash", new[] { "-c", "set -e\n" + script }, environment);

    /// <summary>Runs the built application with <paramref name="args"/> (a management command).</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        CommandRunner.RunAsync(Directory, "dotnet", new[] { Dll }.Concat(args), environment);

    /// <summary>Starts the built application on a free port, content root the project folder.</summary>
    public Task<RunningApp> StartAsync(IReadOnlyDictionary<string, string> environment) =>
        RunningApp.StartAsync(Directory, Dll, environment);

    public ValueTask DisposeAsync()
    {
        PackedPackage.TryDelete(Root);
        return ValueTask.CompletedTask;
    }

    private static string RuntimeVersion()
    {
        string csproj = File.ReadAllText(Path.Combine(SharedDirectory.RepositoryRoot, "src", "Runtime", "DjangoSettings.Runtime.csproj"));
        return Regex.Match(csproj, "<Version>([^<]+)</Version>").Groups[1].Value;
    }
}
