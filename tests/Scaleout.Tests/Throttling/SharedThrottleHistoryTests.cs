using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Sample.Tests;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.Throttling;

/// <summary>
/// The migration scenario issue 14 asks for: the real Django (the oracle's serve.sh) and the sample,
/// built with <c>-p:DjangoSettingsFile=</c> against the same settings file (CACHES on django-redis,
/// REST_FRAMEWORK anon throttle 3/min), on one real redis-server. Requests alternate between the
/// two servers, and the 429 comes on the same request as with Django alone, with Django's body and
/// a Retry-After within one second of Django's: one throttle history, written by both.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SharedThrottleHistoryTests
{
    private const int Requests = 6;
    private static readonly Regex ThrottledBody = new(@"^\{""detail"":""Request was throttled\. Expected available in (\d+) seconds\.""\}$", RegexOptions.CultureInvariant);

    private readonly ServersFixture _servers;

    public SharedThrottleHistoryTests(ServersFixture servers) => _servers = servers;

    private static string SettingsFile => Path.Combine(AppContext.BaseDirectory, "Fixtures", "throttle", "shared-redis.settings");

    private sealed record Answer(string Server, HttpStatusCode Status, string Body, string? RetryAfter);

    [SkippableFact]
    public async Task Django_and_the_sample_on_one_Redis_share_one_throttle_history()
    {
        ThrowawayRedis redis = _servers.RequireRedis();
        Services.RequireDjangoOracle();
        string prefix = "shared" + Guid.NewGuid().ToString("N")[..8];
        var environment = new Dictionary<string, string>
        {
            ["REDIS_URL"] = $"redis://127.0.0.1:{redis.Port}/3",
            ["THROTTLE_KEY_PREFIX"] = prefix,
        };
        string build = Directory.CreateTempSubdirectory("sample-shared-throttle-").FullName;
        try
        {
            string dll = await BuildSampleAsync(build);
            await using var django = await OracleServer.StartAsync(SettingsFile, environment: environment);
            await using var sample = await SampleProcess.StartAsync(dll, environment.ToDictionary(p => p.Key, p => (string?)p.Value), null);
            using var djangoClient = new HttpClient { BaseAddress = django.BaseAddress };
            using var redisClient = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
            var db = redisClient.GetDatabase(3);
            // Both identify an anonymous client by REMOTE_ADDR (no X-Forwarded-For): one key for both.
            string key = prefix + ":1:throttle_anon_127.0.0.1";

            // 1. Django alone: where the 429 comes, and what it says.
            var alone = new List<Answer>();
            for (int i = 0; i < Requests; i++) alone.Add(await GetAsync("django", djangoClient));
            Assert.Equal(new[] { 200, 200, 200, 429, 429, 429 }, alone.Select(a => (int)a.Status));
            Assert.True(await db.KeyExistsAsync(key), "Django wrote no history under " + key);

            // 2. Alternating, starting with either server: the same request is refused.
            foreach (bool djangoFirst in new[] { true, false })
            {
                Assert.True(await db.KeyDeleteAsync(key));
                var shared = new List<Answer>();
                for (int i = 0; i < Requests; i++)
                {
                    bool toDjango = (i % 2 == 0) == djangoFirst;
                    shared.Add(toDjango ? await GetAsync("django", djangoClient) : await GetAsync("sample", sample.Client));
                }
                string trace = string.Join(", ", shared.Select(a => a.Server + " " + (int)a.Status));
                Assert.True(alone.Select(a => a.Status).SequenceEqual(shared.Select(a => a.Status)), "alternating: " + trace);
                // Each server refused at least once, so each read the history the other wrote.
                Assert.Contains(shared, a => a.Server == "sample" && a.Status == HttpStatusCode.TooManyRequests);
                Assert.Contains(shared, a => a.Server == "django" && a.Status == HttpStatusCode.TooManyRequests);

                // The sample's 429 is Django's: the body DRF writes for its own wait, and Retry-After
                // within one second of Django's in the same run.
                foreach (var refused in shared.Where(a => a.Status == HttpStatusCode.TooManyRequests))
                {
                    var match = ThrottledBody.Match(refused.Body);
                    Assert.True(match.Success, refused.Server + " body: " + refused.Body);
                    Assert.Equal(match.Groups[1].Value, refused.RetryAfter);
                }
                int djangoWait = int.Parse(shared.First(a => a.Server == "django" && a.RetryAfter is not null).RetryAfter!, System.Globalization.CultureInfo.InvariantCulture);
                int sampleWait = int.Parse(shared.First(a => a.Server == "sample" && a.RetryAfter is not null).RetryAfter!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(sampleWait, djangoWait - 1, djangoWait + 1);
            }
            // The history is still Django's format: django-redis's DefaultClient reads it back.
            var read = await DjangoPython.RunAsync(DjangoPython.DjangoRedisCaches(redis.Port, db: 3, keyPrefix: prefix), """
                for line in sys.stdin:
                    key = json.loads(line)
                    print(json.dumps(len(cache.get(key))))
                """, new object?[] { "throttle_anon_127.0.0.1" });
            Assert.Equal(3, read[0].GetInt32());
        }
        finally
        {
            try { Directory.Delete(build, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<Answer> GetAsync(string server, HttpClient client)
    {
        using var response = await client.GetAsync("/api/items/");
        string? retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
        return new Answer(server, response.StatusCode, await response.Content.ReadAsStringAsync(), retryAfter);
    }

    // The sample built against the settings file (its own intermediate folder, so the regular build is left alone).
    private static async Task<string> BuildSampleAsync(string build)
    {
        string project = Path.Combine(SharedDirectory.RepositoryRoot, "samples", "DjangoStyle", "DjangoStyle.csproj");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = SharedDirectory.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "build", project, "--no-restore", "-nologo", "-v", "q", "-p:DjangoSettingsFile=" + SettingsFile,
            "-p:IntermediateOutputPath=" + Path.Combine(build, "obj") + "/", "-o", Path.Combine(build, "bin") })
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, await stdout + await stderr);
        return Path.Combine(build, "bin", "DjangoStyle.dll");
    }
}
