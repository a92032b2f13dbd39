using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Cors.Support;
using DjangoSettings.Cors;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Runtime.Tests.Http.Support;
using DjangoSettings.Settings;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Http;

/// <summary>
/// Django's answers recorded by Fixtures/http/record.py (settings/NAME.settings, corpus/NAME.json,
/// out/NAME.jsonl: host validation, HSTS, redirects, APPEND_SLASH with CORS in three places, the
/// clickjacking header, body and field limits, routing), replayed against the composed pipeline:
/// status, every header and the body must be Django's.
/// </summary>
public sealed class HttpFixtureReplayTests
{
    public static IEnumerable<object[]> Names() => Directory.GetFiles(Path.Combine(HttpProbeFiles.Fixtures, "out"), "*.jsonl")
        .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) })
        .OrderBy(f => (string)f[0], StringComparer.Ordinal);

    [Fact]
    public void Every_recorded_settings_file_has_typed_settings()
    {
        var recorded = Names().Select(n => (string)n[0]).ToList();
        Assert.True(recorded.Count >= 13, "record.py recorded " + recorded.Count);
        Assert.Empty(recorded.Except(FixtureSettings.All.Keys));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Pipeline_answers_as_django_did(string name)
    {
        var (http, cors) = FixtureSettings.All[name];
        await ReplayAsync(name, http, cors);
    }

    /// <summary>
    /// The same recordings, with the settings read from the settings file by the settings compiler
    /// (what the generated <c>AddDjangoSettings()</c> registers: <see cref="LoadedSettingsHttpExtensions.ToHttpSettings"/>
    /// and the CORS policy) instead of the typed ones.
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public async Task Pipeline_built_from_the_settings_file_answers_as_django_did(string name)
    {
        string text = File.ReadAllText(Path.Combine(HttpProbeFiles.Fixtures, "settings", name + ".settings"));
        var loaded = SettingsLoader.Load(new[] { (name + ".settings", text) }, new MapEnvironment(new Dictionary<string, string>()));
        var http = loaded.ToHttpSettings();
        var cors = http.Middleware.Contains(DjangoSettings.Http.DjangoMiddlewarePaths.Cors) ? DjangoCorsPolicy.Create(loaded.ToCorsSettings()) : null;
        Assert.Equal(FixtureSettings.All[name].Cors is not null, cors is not null);
        await ReplayAsync(name, http, cors);
    }

    private static async Task ReplayAsync(string name, DjangoSettings.Http.DjangoHttpSettings http, DjangoCorsPolicy? cors)
    {
        var corpus = HttpProbeFiles.LoadCorpus(Path.Combine(HttpProbeFiles.Fixtures, "corpus", name + ".json"));
        var recorded = HttpProbeFiles.LoadRecords(Path.Combine(HttpProbeFiles.Fixtures, "out", name + ".jsonl")).ToDictionary(r => r.Id);
        await using var app = await DjangoHttpTestApp.StartAsync(http, cors);
        // django-cors-headers 3.14 (the oracle) vs 4.x (ours): the documented deltas.
        var fourX = cors is null ? null : new FourXExpectation(FourXExpectation.AllowHeaders314Default, FourXExpectation.AllowHeaders4xDefault, privateNetwork: false);

        var failures = new List<string>();
        foreach (var request in corpus)
        {
            var ours = await app.SendAsync(request);
            var expected = recorded[request.Id];
            if (fourX is not null) expected = ApplyFourX(fourX, expected, request);
            // With DEBUG, Django's error pages are its technical pages (request details, URL patterns,
            // the server's port): not reproduced, the plain page is sent (docs/middleware.md).
            bool technical = http.Debug && expected.Body is { ValueKind: JsonValueKind.String } b && b.GetString()!.StartsWith("<!DOCTYPE html>", StringComparison.Ordinal);
            var problems = HttpComparison.Compare(expected, ours, compareBody: !technical);
            if (problems.Count > 0) failures.Add(request.Id + ": " + string.Join("; ", problems));
        }
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} of {corpus.Count} differ:\n" + string.Join("\n", failures));
    }

    private static HttpProbeRecord ApplyFourX(FourXExpectation fourX, HttpProbeRecord record, HttpProbeRequest request)
    {
        var probe = new ProbeRequest(request.Id, request.Method, request.Path, request.Headers, null);
        var applied = fourX.Apply(new ProbeRecord(record.Id, record.Status, record.Headers), probe);
        return record with { Headers = applied.Headers };
    }

    private sealed class MapEnvironment(IReadOnlyDictionary<string, string> values) : ISettingsEnvironment
    {
        public string? GetVariable(string key) => values.TryGetValue(key, out var v) ? v : null;

        public string? ReadFile(string path) => null;
    }
}
