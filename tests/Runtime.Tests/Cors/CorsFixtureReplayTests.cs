using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Cors.Support;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// Differential fixtures: the Django oracle's answers to corpus/basic.json for the four sample
/// settings files (recorded by Fixtures/cors/record.sh), replayed in-process against
/// DjangoCorsMiddleware with the equivalent policy, compared field by field after the 3.14 → 4.x deltas.
/// </summary>
public sealed class CorsFixtureReplayTests
{
    private static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "cors");

    /// <summary>
    /// The settings files (shared/oracle/settings/NAME.cors.settings) as policy arguments: what the
    /// generator will supply. Allow-headers 3.14/4.x are the joined CORS_ALLOW_HEADERS as each
    /// version evaluates the file (dump_settings.py --4x).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (DjangoCorsSettings Settings, string AllowHeaders314, string AllowHeaders4x)> Table =
        new Dictionary<string, (DjangoCorsSettings, string, string)>
        {
            ["allow_all"] = (new DjangoCorsSettings { AllowAllOrigins = true, AllowCredentials = false },
                FourXExpectation.AllowHeaders314Default, FourXExpectation.AllowHeaders4xDefault),
            // legacy.cors.settings writes CORS_ORIGIN_ALLOW_ALL and CORS_ORIGIN_WHITELIST: the binder resolves them to these.
            ["legacy"] = (new DjangoCorsSettings { AllowAllOrigins = true, AllowedOrigins = new[] { "http://localhost:3000" }, AllowCredentials = true },
                FourXExpectation.AllowHeaders314Default, FourXExpectation.AllowHeaders4xDefault),
            ["react"] = (new DjangoCorsSettings
            {
                AllowedOrigins = new[] { "http://localhost:3000", "http://127.0.0.1:3000", "http://localhost:5173", "https://app.example.com" },
                AllowCredentials = true,
                ExposeHeaders = new[] { "Content-Disposition", "X-Total-Count" },
                PreflightMaxAge = 600,
                AllowPrivateNetwork = true,
            }, FourXExpectation.AllowHeaders314Default, FourXExpectation.AllowHeaders4xDefault),
            ["regex"] = (new DjangoCorsSettings
            {
                AllowedOrigins = new[] { "https://www.example.org", "null" },
                AllowedOriginRegexes = new[] { @"^http://localhost:\d+$", @"^https://\w+\.example\.com" },
                UrlsRegex = @"^/(api|public)/.*$",
                AllowHeaders = DjangoCorsDefaults.Headers.Concat(new[] { "x-client-version", "baggage" }).ToArray(),
                AllowMethods = new[] { "GET", "POST", "OPTIONS" },
                ExposeHeaders = new[] { "X-Request-Id" },
                PreflightMaxAge = 0,
            }, FourXExpectation.AllowHeaders314Default + ", x-client-version, baggage", FourXExpectation.AllowHeaders4xDefault + ", x-client-version, baggage"),
        };

    /// <summary>The four recorded settings files.</summary>
    public static IEnumerable<object[]> Names => Table.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public Task Every_recorded_oracle_response_matches_after_the_4x_deltas(string name)
        => ReplayAsync(name, Table[name].Settings);

    /// <summary>
    /// The same replay, but the policy comes from the settings file itself, compiled by our settings
    /// compiler (the evaluator, binder and checks the generator runs): file -> compiler -> middleware
    /// must answer as Django did for that file.
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public Task Settings_file_compiled_by_us_answers_as_django_did(string name)
    {
        string path = Path.Combine(FixtureDirectory, "settings", name + ".cors.settings");
        var loaded = DjangoSettings.Settings.SettingsLoader.Load(new[] { (name + ".cors.settings", File.ReadAllText(path)) }, new EmptyEnvironment());
        return ReplayAsync(name, DjangoSettings.Settings.LoadedSettingsCorsExtensions.ToCorsSettings(loaded));
    }

    private sealed class EmptyEnvironment : DjangoSettings.Generator.Evaluation.ISettingsEnvironment
    {
        public string? GetVariable(string key) => null;

        public string? ReadFile(string path) => null;
    }

    private static async Task ReplayAsync(string name, DjangoCorsSettings settings)
    {
        var (_, h314, h4x) = Table[name];
        var corpus = ProbeFiles.LoadCorpus(Path.Combine(FixtureDirectory, "basic.corpus.json"));
        var recorded = ProbeFiles.LoadRecords(Path.Combine(FixtureDirectory, name + ".jsonl")).ToDictionary(r => r.Id);
        Assert.Equal(corpus.Count, recorded.Count);
        var expectation = new FourXExpectation(h314, h4x, settings.AllowPrivateNetwork ?? false);

        await using var server = await CorsTestServer.StartAsync(DjangoCorsPolicy.Create(settings), OracleMimicApp.Configure);
        var failures = new List<string>();
        int statusCompared = 0;
        foreach (var request in corpus)
        {
            var ours = ProbeFiles.Record(request, await ProbeFiles.SendAsync(server, request));
            var expected = expectation.Apply(recorded[request.Id], request);
            if (OracleMimicApp.StatusDependsOnJwt(request.Method, request.Path, request.HeaderValue("Authorization") is not null))
            {
                // The JWT outcome is not mimicked: keep the CORS fields, take status and body type from ours.
                expected = expected with { Status = ours.Status, Headers = WithContentTypeOf(expected.Headers, ours.Headers) };
            }
            else
            {
                statusCompared++;
            }
            var problems = FourXExpectation.Compare(expected, ours);
            if (problems.Count > 0) failures.Add(request.Id + ": " + string.Join("; ", problems));
        }
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} of {corpus.Count} differ:\n" + string.Join("\n", failures));
        Assert.True(statusCompared >= 25, $"only {statusCompared} statuses were compared");
    }

    private static Dictionary<string, string> WithContentTypeOf(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> ours)
    {
        var h = new Dictionary<string, string>(expected, StringComparer.Ordinal);
        h.Remove("content-type");
        if (ours.TryGetValue("content-type", out var ct)) h["content-type"] = ct;
        return h;
    }
}
