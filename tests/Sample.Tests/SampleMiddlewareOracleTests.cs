using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Sample.Tests;

/// <summary>
/// Issue 13's acceptance, live: the sample and the real Django serving the same settings file with
/// its own MIDDLEWARE and ALLOWED_HOSTS (<c>ORACLE_USER_MIDDLEWARE=1</c>), every response header
/// compared (<c>probe.py --all-headers --body</c>, then <c>compare.py --expect 4x</c> after the
/// documented simplejwt 5.2.2 → 5.5 deltas). The other settings files are replayed in process from
/// recordings (Runtime.Tests/Http), which keeps CI short.
/// </summary>
public sealed class SampleMiddlewareOracleTests
{
    private const string SampleSecretKey = "h13-sample-fixture-secret-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    [SkippableFact]
    public async Task Sample_answers_the_corpus_with_every_header_as_django_with_its_own_middleware()
    {
        Services.RequireDjangoOracle();
        string settings = Path.Combine(SharedDirectory.RepositoryRoot, "samples", "DjangoStyle", "cors.settings");
        var env = new Dictionary<string, string?>
        {
            ["DJANGO_SUPERUSER_USERNAME"] = "alice",
            ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123",
            ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com",
            ["DJANGO_SECRET_KEY"] = SampleSecretKey,
        };
        await using var sample = await SampleProcess.StartAsync(env, null, "--create-superuser-from-env");
        await using var django = await OracleServer.StartAsync(settings, environment: new Dictionary<string, string>
        {
            ["ORACLE_USER_MIDDLEWARE"] = "1",
            ["DJANGO_SECRET_KEY"] = SampleSecretKey,
        });

        string dir = Directory.CreateTempSubdirectory("sample-middleware-").FullName;
        try
        {
            string expected = Path.Combine(dir, "django.jsonl"), actual = Path.Combine(dir, "sample.jsonl");
            await Python("probe.py", django.BaseAddress.ToString().TrimEnd('/'), "corpus/basic.json", "--all-headers", "--body", "-o", expected);
            await Python("probe.py", sample.BaseAddress.ToString().TrimEnd('/'), "corpus/basic.json", "--all-headers", "--body", "-o", actual);
            var (e, a) = SimpleJwtVersionDelta.Apply(expected, actual, dir);
            var (code, output) = await Python("compare.py", e, a, "--expect", "4x", "--settings", settings, "--corpus", "corpus/basic.json");
            Assert.True(code == 0, output);
            Assert.Contains("40 passed, 0 failed", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> Python(params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            WorkingDirectory = SharedDirectory.Oracle,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // compare.py --expect 4x evaluates the settings file, which reads DJANGO_SECRET_KEY.
        psi.Environment["DJANGO_SECRET_KEY"] = SampleSecretKey;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}
