using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Sample.Tests;

/// <summary>
/// The sample against the real Django reference (shared/oracle): the oracle's own probe and compare
/// tools over the request corpus, a database Django created, and tokens crossing both ways.
/// </summary>
[Collection(SampleBuildsCollection.Name)]
public sealed class SampleOracleTests
{
    private const string ReactSettings = "settings/react.cors.settings";
    // The key react.cors.settings gives Django, so tokens can cross between the two services.
    private const string ReactSecretKey = "django-insecure-react-demo-5x$k2!q9z@r7w#b1m^t8v0c6n4p3l2j";

    [SkippableFact]
    public async Task Sample_answers_the_cors_corpus_as_django_4x_does()
    {
        Services.RequireDjangoOracle();
        // Same data as the oracle: user alice / wonderland-123 with id 1.
        var env = new Dictionary<string, string?> { ["DJANGO_SUPERUSER_USERNAME"] = "alice", ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123", ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com" };
        await using var sample = await SampleProcess.StartAsync(env, null, "--create-superuser-from-env");
        await using var django = await OracleServer.StartAsync(Path.Combine(SharedDirectory.Oracle, ReactSettings));

        string dir = Directory.CreateTempSubdirectory("sample-probe-").FullName;
        try
        {
            string expected = Path.Combine(dir, "django.jsonl"), actual = Path.Combine(dir, "sample.jsonl");
            await RunPythonAsync("probe.py", django.BaseAddress.ToString().TrimEnd('/'), "corpus/basic.json", "-o", expected);
            await RunPythonAsync("probe.py", sample.BaseAddress.ToString().TrimEnd('/'), "corpus/basic.json", "-o", actual);
            var (code, output) = await RunPythonAsync("compare.py", expected, actual, "--expect", "4x", "--settings", ReactSettings, "--corpus", "corpus/basic.json");
            Assert.True(code == 0, output);
            Assert.Contains("40 passed, 0 failed", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// `-p:DjangoSettingsFile=PATH`: the sample built against each of the oracle's other settings
    /// files answers the corpus as Django serving that file does (4.x deltas applied).
    /// </summary>
    /// (One file keeps CI short: regex.cors.settings differs most from the sample's own settings --
    /// regexes, a URLs regex, extended headers, methods; the other oracle files are replayed against
    /// compiled policies in Runtime.Tests.)
    [SkippableTheory]
    [InlineData("regex")]
    public async Task Sample_built_against_another_settings_file_answers_as_django_does(string name)
    {
        Services.RequireDjangoOracle();
        string settings = Path.Combine(SharedDirectory.Oracle, "settings", name + ".cors.settings");
        string build = Directory.CreateTempSubdirectory("sample-build-").FullName;
        try
        {
            string project = Path.Combine(SharedDirectory.RepositoryRoot, "samples", "DjangoStyle", "DjangoStyle.csproj");
            // A separate intermediate folder, so the regular build of the sample is left alone.
            var (buildCode, buildOutput) = await RunAsync("dotnet", SharedDirectory.RepositoryRoot, "build", project, "--no-restore", "-nologo", "-v", "q",
                "-p:DjangoSettingsFile=" + settings, "-p:IntermediateOutputPath=" + Path.Combine(build, "obj") + "/", "-o", Path.Combine(build, "bin"));
            Assert.True(buildCode == 0, buildOutput);

            var env = new Dictionary<string, string?> { ["DJANGO_SUPERUSER_USERNAME"] = "alice", ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123", ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com" };
            await using var sample = await SampleProcess.StartAsync(Path.Combine(build, "bin", "DjangoStyle.dll"), env, null, "--create-superuser-from-env");
            await using var django = await OracleServer.StartAsync(settings);
            string expected = Path.Combine(build, "django.jsonl"), actual = Path.Combine(build, "sample.jsonl");
            await RunPythonAsync("probe.py", django.BaseAddress.ToString().TrimEnd('/'), "corpus/basic.json", "-o", expected);
            await RunPythonAsync("probe.py", sample.BaseAddress.ToString().TrimEnd('/'), "corpus/basic.json", "-o", actual);
            var (code, output) = await RunPythonAsync("compare.py", expected, actual, "--expect", "4x", "--settings", "settings/" + name + ".cors.settings", "--corpus", "corpus/basic.json");
            Assert.True(code == 0, output);
            Assert.Contains("40 passed, 0 failed", output);
        }
        finally
        {
            Directory.Delete(build, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Sample_logs_in_a_user_from_a_database_django_created_and_tokens_cross_both_ways()
    {
        Services.RequireDjangoOracle();
        string root = SampleProcess.NewContentRoot();
        await using (var django = await OracleServer.StartAsync(Path.Combine(SharedDirectory.Oracle, ReactSettings), keepDatabase: true))
        {
            // Let Django write a login of its own too (last_login, an outstanding token).
            using var client = new HttpClient { BaseAddress = django.BaseAddress };
            // runserver's WSGI server reads no chunked bodies: send a Content-Length.
            var body = new StringContent("{\"username\": \"alice\", \"password\": \"wonderland-123\"}", System.Text.Encoding.UTF8, "application/json");
            var djangoLogin = await client.PostAsync("/api/token/", body);
            Assert.Equal(HttpStatusCode.OK, djangoLogin.StatusCode);
            await Task.Delay(200);
            File.Copy(django.DatabasePath, Path.Combine(root, "db.sqlite3"));
        }

        await using var sample = await SampleProcess.StartAsync(new Dictionary<string, string?> { ["DJANGO_SECRET_KEY"] = ReactSecretKey }, root);
        var login = await sample.Client.PostAsJsonAsync("/api/token/", new { username = "alice", password = "wonderland-123" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var pair = await login.Content.ReadFromJsonAsync<JsonElement>();

        // Ours -> Django: simplejwt's own classes accept the access and refresh tokens we minted.
        foreach (var (token, type) in new[] { (pair.GetProperty("access").GetString()!, "access"), (pair.GetProperty("refresh").GetString()!, "refresh") })
        {
            var (code, output) = await RunPythonAsync("jwt_tool.py", "--settings", ReactSettings, "verify", token, "--type", type);
            Assert.True(code == 0, output);
            Assert.Contains("\"valid\": true", output);
        }

        // Django -> ours: a token simplejwt minted for user 1 opens /api/me/ on the sample.
        var (mintCode, minted) = await RunPythonAsync("jwt_tool.py", "--settings", ReactSettings, "mint", "--user-id", "1", "--username", "alice");
        Assert.True(mintCode == 0, minted);
        string djangoAccess = JsonDocument.Parse(minted).RootElement.GetProperty("access").GetString()!;
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        me.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", djangoAccess);
        var meResponse = await sample.Client.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, meResponse.StatusCode);
        Assert.Equal("{\"id\":1,\"username\":\"alice\"}", await meResponse.Content.ReadAsStringAsync());
    }

    private static Task<(int Code, string Output)> RunPythonAsync(params string[] args)
        => RunAsync("/usr/bin/python3", SharedDirectory.Oracle, args);

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
