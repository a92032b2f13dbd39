using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Localization;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Runtime.Tests.Jwt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// The acceptance scenarios of <see cref="DrfAcceptanceReplayTests"/>, live: each is recorded again from
/// the real Django now (serve_drf.sh with NAME.settings, record_raw.py with NAME.corpus.json, into a
/// temporary file, as record.sh records the fixtures) and replayed on the port, so neither a stale
/// recording nor a changed oracle can hide a difference.
/// </summary>
public class DrfLiveOracleTests
{
    private static string FixtureFolder => Path.Combine(SharedDirectory.RepositoryRoot, "tests", "Runtime.Tests", "Fixtures", "drf");

    public static TheoryData<string, string> Cases() => DrfAcceptanceReplayTests.Cases();

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Scenario_answers_as_django_does_now(string scenario, string variant)
    {
        Services.RequireDjangoOracle();
        string name = variant.Length == 0 ? scenario : scenario + "." + variant;
        var recorded = await RecordAsync(name);
        Assert.NotEmpty(recorded);

        var language = variant == "ko" ? new DjangoLanguageSettings { LanguageCode = "ko-kr" } : null;
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await DrfTestHost.StartAsync(DrfAcceptanceReplayTests.SettingsFor(scenario), DrfAcceptanceReplayTests.SecretKeys[scenario.Split('-')[0]],
            configure: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            language: language, localeMiddleware: variant == "fr");
        var failures = await DrfReplay.RunAsync(host.Server, recorded);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // serve_drf.sh NAME.settings on a free port (NAME.env's variables added), record_raw.py into a temporary file.
    private static async Task<IReadOnlyList<RecordedExchange>> RecordAsync(string name)
    {
        string output = Path.Combine(Path.GetTempPath(), "drf-live-" + Guid.NewGuid().ToString("N") + ".jsonl");
        int port = OracleServer.FreePort();
        var psi = new ProcessStartInfo("bash")
        {
            WorkingDirectory = FixtureFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(FixtureFolder, "serve_drf.sh"));
        psi.ArgumentList.Add(Path.Combine(FixtureFolder, name + ".settings"));
        psi.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.Environment["ORACLE_DIR"] = SharedDirectory.Oracle;
        string env = Path.Combine(FixtureFolder, name + ".env");
        if (File.Exists(env))
        {
            foreach (var line in File.ReadAllLines(env).Where(l => l.Contains('=', StringComparison.Ordinal)))
            {
                psi.Environment[line[..line.IndexOf('=', StringComparison.Ordinal)]] = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
        }
        using var server = Process.Start(psi)!;
        var stderr = server.StandardError.ReadToEndAsync();
        try
        {
            var ready = server.StandardOutput.ReadLineAsync();
            if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(90))) != ready || (await ready)?.StartsWith("ORACLE READY", StringComparison.Ordinal) != true)
            {
                throw new InvalidOperationException("the DRF oracle did not start for " + name);
            }
            var record = new ProcessStartInfo("/usr/bin/python3") { WorkingDirectory = FixtureFolder, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { Path.Combine(FixtureFolder, "record_raw.py"), $"http://127.0.0.1:{port}", Path.Combine(FixtureFolder, name + ".corpus.json"), output }) record.ArgumentList.Add(a);
            using var recorder = Process.Start(record)!;
            var recorderErrors = recorder.StandardError.ReadToEndAsync();
            await recorder.StandardOutput.ReadToEndAsync();
            await recorder.WaitForExitAsync();
            Assert.True(recorder.ExitCode == 0, await recorderErrors);
            return RecordedExchange.LoadFrom(output);
        }
        finally
        {
            // serve_drf.sh's trap stops Django and removes its folder on SIGTERM.
            if (!server.HasExited)
            {
                Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
                if (!server.WaitForExit(20_000)) server.Kill(entireProcessTree: true);
            }
            File.Delete(output);
        }
    }
}
