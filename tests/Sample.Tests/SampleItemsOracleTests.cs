using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Sample.Tests;

/// <summary>
/// The sample's <c>/api/items/</c> against the oracle's: both serve Fixtures/items-paginated-readonly.settings
/// (page-number pagination, IsAuthenticatedOrReadOnly, JWT then HTTP Basic authentication), the sample
/// built with <c>-p:DjangoSettingsFile=</c>, and the corpus (pages, an invalid page, HEAD, OPTIONS,
/// anonymous and Basic writes as JSON and form, 405, 406, a malformed body) is recorded from each with
/// <c>probe.py --all-headers --body</c> and compared with <c>compare.py --expect 4x</c> (the oracle runs
/// django-cors-headers 3.14, whose <c>Vary: Origin</c> 4.x writes <c>origin</c>). A malformed Bearer
/// token is left out of the corpus: its message is one of simplejwt's 5.2/5.5 differences (SimpleJwtVersionDelta).
/// </summary>
public sealed class SampleItemsOracleTests
{
    private static string Fixture(string name) => Path.Combine(SharedDirectory.RepositoryRoot, "tests", "Sample.Tests", "Fixtures", name);

    [SkippableFact]
    public async Task Sample_items_view_answers_as_Djangos_with_pagination_and_IsAuthenticatedOrReadOnly()
    {
        Services.RequireDjangoOracle();
        string settings = Fixture("items-paginated-readonly.settings");
        string corpus = Fixture("items-paginated-readonly.corpus.json");
        string build = Directory.CreateTempSubdirectory("sample-items-").FullName;
        try
        {
            string project = Path.Combine(SharedDirectory.RepositoryRoot, "samples", "DjangoStyle", "DjangoStyle.csproj");
            var (buildCode, buildOutput) = await RunAsync("dotnet", SharedDirectory.RepositoryRoot, "build", project, "--no-restore", "-nologo", "-v", "q",
                "-p:DjangoSettingsFile=" + settings, "-p:IntermediateOutputPath=" + Path.Combine(build, "obj") + "/", "-o", Path.Combine(build, "bin"));
            Assert.True(buildCode == 0, buildOutput);

            // The corpus sends Host: api.example.com (DRF's next/previous links are absolute): the oracle allows every host.
            var env = new Dictionary<string, string?> { ["DJANGO_ALLOWED_HOSTS"] = "api.example.com", ["DJANGO_SUPERUSER_USERNAME"] = "alice", ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123", ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com" };
            await using var sample = await SampleProcess.StartAsync(Path.Combine(build, "bin", "DjangoStyle.dll"), env, null, "--create-superuser-from-env");
            await using var django = await OracleServer.StartAsync(settings);
            string expected = Path.Combine(build, "django.jsonl"), actual = Path.Combine(build, "sample.jsonl");
            var (djangoCode, djangoProbe) = await RunAsync("/usr/bin/python3", SharedDirectory.Oracle, "probe.py", django.BaseAddress.ToString().TrimEnd('/'), corpus, "--all-headers", "--body", "-o", expected);
            Assert.True(djangoCode == 0, djangoProbe);
            var (sampleCode, sampleProbe) = await RunAsync("/usr/bin/python3", SharedDirectory.Oracle, "probe.py", sample.BaseAddress.ToString().TrimEnd('/'), corpus, "--all-headers", "--body", "-o", actual);
            Assert.True(sampleCode == 0, sampleProbe);
            var (code, output) = await RunAsync("/usr/bin/python3", SharedDirectory.Oracle, "compare.py", expected, actual, "--expect", "4x", "--settings", settings, "--corpus", corpus);
            Assert.True(code == 0, output);
            Assert.Contains("23 passed, 0 failed", output);
        }
        finally
        {
            Directory.Delete(build, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}
