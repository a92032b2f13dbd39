using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Aot.Tests;

/// <summary>
/// Publishes samples/DjangoStyle once per test run with
/// <c>dotnet publish -c Release -r linux-x64 -p:PublishAot=true -warnaserror</c>. Its bin/obj go to an
/// artifacts folder inside this test project's output, so the publish never touches the tree's Debug
/// outputs that the other test projects run from, and a second run is incremental (restore, build and
/// the native compile are skipped when nothing changed).
/// </summary>
public sealed class AotPublish
{
    private readonly Lazy<Task<Result>> _result = new(PublishAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What one publish produced.</summary>
    /// <param name="ExitCode">dotnet publish's exit code.</param>
    /// <param name="Output">Everything it printed (stdout and stderr).</param>
    /// <param name="Directory">The -o folder.</param>
    /// <param name="Elapsed">Wall time of the publish.</param>
    public sealed record Result(int ExitCode, string Output, string Directory, TimeSpan Elapsed)
    {
        /// <summary>The native executable.</summary>
        public string Binary => Path.Combine(Directory, "DjangoStyle");
    }

    /// <summary>Whether this machine can publish linux-x64 Native AOT: Linux on x64 with a C linker driver.</summary>
    public static bool Possible { get; } = OperatingSystem.IsLinux()
        && RuntimeInformation.OSArchitecture == Architecture.X64
        && OnPath("gcc", "clang", "cc");

    /// <summary>Skips (locally) or fails (CI) when publishing is impossible here.</summary>
    public static void Require() => Services.Require(Possible, "Native AOT publishing (linux-x64 with gcc or clang)");

    /// <summary>The publish, started on first use and shared by every test.</summary>
    public Task<Result> Published => _result.Value;

    private static async Task<Result> PublishAsync()
    {
        string root = SharedDirectory.RepositoryRoot;
        string work = Path.Combine(AppContext.BaseDirectory, "aot");
        string output = Path.Combine(work, "publish");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "publish", Path.Combine(root, "samples", "DjangoStyle", "DjangoStyle.csproj"),
            "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
            // Any trim (IL2xxx) or AOT (IL3xxx) warning fails the publish.
            "-warnaserror",
            "--artifacts-path", Path.Combine(work, "artifacts"),
            "-o", output,
            // No MSBuild node or compiler server may outlive the publish: they would inherit the
            // redirected pipes and keep this test waiting for an end of output that never comes.
            "--disable-build-servers", "-nodeReuse:false",
        })
        {
            psi.ArgumentList.Add(a);
        }
        // The test host may run under `dotnet test`, whose MSBuild variables must not steer this build.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";

        var text = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        // Generous: the native compile alone takes about a minute on two shared cores.
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(10))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish (AOT) did not finish in 10 minutes:\n" + text);
        }
        process.WaitForExit();
        lock (text) return new Result(process.ExitCode, text.ToString(), output, clock.Elapsed);
    }

    private static bool OnPath(params string[] names)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return names.Any(n => dirs.Any(d => File.Exists(Path.Combine(d, n))));
    }
}
