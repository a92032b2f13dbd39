using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Package.Tests;

/// <summary>
/// The djangosettings tool packed once into a temp folder feed under a version of its own, installed
/// the two ways docs/cli.md shows: by its install block in a temp copy of a Django repository
/// (DjangoRepo/: a local tool manifest), and into a temp tool path. The version and the folders are
/// removed afterwards, from the NuGet cache too.
/// </summary>
public sealed class PackedTool : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The package id.</summary>
    public const string Id = "DjangoSettings.Tool";

    /// <summary>Where docs/cli.md's install block packs to; the test substitutes its own feed.</summary>
    public const string DocumentedFeed = "~/djangosettings-feed";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "djangosettings-tool-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// This run's version: a release version (the docs install without --version, which picks the
    /// newest release), unique so no cached package can stand in for this build.
    /// </summary>
    public string Version { get; } = "0.0." + RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The local folder feed.</summary>
    public string Feed => Path.Combine(_root, "feed");

    /// <summary>The temp Django repository (a copy of DjangoRepo/), where the install block ran.</summary>
    public string Repository => Path.Combine(_root, "django-repo");

    /// <summary>The tool path the tool was installed into.</summary>
    public string ToolPath => Path.Combine(_root, "tools");

    /// <summary>The installed command.</summary>
    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "djangosettings.exe" : "djangosettings");

    /// <summary>The built CLI assembly that was packed.</summary>
    public string BuiltAssembly => Path.Combine(SharedDirectory.RepositoryRoot, "src", "Cli", "bin", Configuration, "net10.0", "djangosettings.dll");

    /// <summary>What the install block printed, and its exit code.</summary>
    public (int ExitCode, string Stdout, string Stderr) InstallBlock { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var (code, output) = await DotnetCli.RunAsync(SharedDirectory.RepositoryRoot,
            "pack", "src/Cli", "-c", Configuration, "--no-build", "--no-restore", "-o", Feed, "-p:Version=" + Version);
        if (code != 0 || !File.Exists(Path.Combine(Feed, $"{Id}.{Version}.nupkg"))) throw new InvalidOperationException("dotnet pack src/Cli failed:\n" + output);

        CopyDirectory(Path.Combine(SharedDirectory.RepositoryRoot, "tests", "Package.Tests", "DjangoRepo"), Repository);
        // Only the sources the install block names: nothing from any other feed can be installed.
        await File.WriteAllTextAsync(Path.Combine(Repository, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);

        // The docs' block, but for its first line (the pack above, without a second build).
        var lines = new List<string>(DocSnippets.Get("install").Split('\n'));
        string pack = lines[0];
        if (!pack.StartsWith("dotnet pack src/Cli -c Release -o " + DocumentedFeed, StringComparison.Ordinal))
            throw new InvalidOperationException("docs/cli.md's install block no longer starts with the pack this fixture does: " + pack);
        lines.RemoveAt(0);
        string script = "set -e\n" + string.Join("\n", lines).Replace(DocumentedFeed, Feed, StringComparison.Ordinal);
        InstallBlock = await CommandRunner.RunAsync(Repository, "bash", new[] { "-c", script });

        (code, output) = await DotnetCli.RunAsync(_root, "tool", "install", Id, "--tool-path", ToolPath, "--add-source", Feed, "--version", Version, "--configfile", Path.Combine(Repository, "nuget.config"));
        if (code != 0 || !File.Exists(Command)) throw new InvalidOperationException("dotnet tool install --tool-path failed:\n" + output);
    }

    /// <summary>Runs the installed tool in the Django repository.</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
        => CommandRunner.RunAsync(Repository, Command, args, environment);

    public Task DisposeAsync()
    {
        PackedPackage.TryDelete(_root);
        PackedPackage.TryDelete(Path.Combine(PackedPackage.GlobalPackagesFolder(), Id.ToLowerInvariant(), Version));
        return Task.CompletedTask;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
