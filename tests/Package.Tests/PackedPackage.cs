using System;
using System.IO;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Package.Tests;

/// <summary>
/// The DjangoSettings package packed once per test run into a temp folder feed, under a version of
/// its own (0.1.0-test.*) so a package cached by an earlier run can never stand in for this build;
/// that version is removed from the NuGet cache afterwards.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The package id.</summary>
    public const string Id = "DjangoSettings";

    /// <summary>This run's package version.</summary>
    public string Version { get; } = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The local folder feed holding the .nupkg.</summary>
    public string Feed { get; } = Path.Combine(Path.GetTempPath(), "djangosettings-feed-" + Guid.NewGuid().ToString("N"));

    /// <summary>The packed file.</summary>
    public string PackagePath => Path.Combine(Feed, $"{Id}.{Version}.nupkg");

    /// <summary>Packs the runtime project already built with this test project (no second build).</summary>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var (code, output) = await DotnetCli.RunAsync(SharedDirectory.RepositoryRoot,
            "pack", "src/Runtime", "-c", Configuration, "--no-build", "--no-restore", "-o", Feed, "-p:Version=" + Version);
        if (code != 0 || !File.Exists(PackagePath)) throw new InvalidOperationException("dotnet pack failed:\n" + output);
    }

    /// <summary>Removes the feed and this version from the global packages folder.</summary>
    public Task DisposeAsync()
    {
        TryDelete(Feed);
        TryDelete(Path.Combine(GlobalPackagesFolder(), Id.ToLowerInvariant(), Version));
        return Task.CompletedTask;
    }

    /// <summary>NUGET_PACKAGES when set, else the default ~/.nuget/packages.</summary>
    public static string GlobalPackagesFolder() => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
        ? p
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    internal static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
