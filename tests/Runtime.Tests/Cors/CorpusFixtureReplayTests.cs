using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Runtime.Tests.Cors.Support;
using DjangoSettings.Settings;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// The realistic settings files of shared/corpus that Django serves: the oracle's answers to the
/// request corpus (recorded by Fixtures/corpus/record.sh), replayed against the policy our settings
/// compiler builds from the same file, compared field by field after the 3.14 -> 4.x deltas.
/// </summary>
public sealed class CorpusFixtureReplayTests
{
    private static readonly string Directory_ = Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    public static IEnumerable<object[]> Files() => Directory.GetFiles(Directory_, "*.settings")
        .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) })
        .OrderBy(f => (string)f[0], StringComparer.Ordinal);

    [Fact]
    public void At_least_twelve_corpus_files_were_recorded()
    {
        Assert.True(Files().Count() >= 12, "record.sh recorded " + Files().Count());
    }

    // Files Django serves but we refuse, deliberately (the error is the point of the diagnostic).
    private static readonly Dictionary<string, string> RefusedOnPurpose = new(StringComparer.Ordinal)
    {
        ["15-annotation-instead-of-assignment"] = "DJS0103", // `CORS_ALLOW_ALL_ORIGINS: True` sets nothing
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Corpus_file_compiled_by_us_answers_as_django_did(string name)
    {
        if (RefusedOnPurpose.TryGetValue(name, out var id))
        {
            var error = Assert.Throws<SettingsValidationException>(() => SettingsLoader.Load(
                new[] { (name + ".settings", File.ReadAllText(Path.Combine(Directory_, name + ".settings"))) }, new MapEnvironment(new Dictionary<string, string>())));
            Assert.Contains(error.Errors, e => e.Id == id);
            return;
        }
        using var dump = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory_, name + ".dump.json")));
        var root = dump.RootElement;
        // The oracle ran with a clean environment and its base settings' SECRET_KEY (fragments use it).
        var environment = new MapEnvironment(new Dictionary<string, string> { ["SECRET_KEY"] = root.GetProperty("SECRET_KEY").GetString()! });
        var loaded = SettingsLoader.Load(new[] { (name + ".settings", File.ReadAllText(Path.Combine(Directory_, name + ".settings"))) }, environment);
        var policy = DjangoCorsPolicy.Create(loaded.ToCorsSettings());

        string Joined(JsonElement list) => string.Join(", ", list.EnumerateArray().Select(e => e.GetString()));
        var expectation = new FourXExpectation(
            Joined(root.GetProperty("cors").GetProperty("CORS_ALLOW_HEADERS")),
            Joined(root.GetProperty("cors_4x").GetProperty("CORS_ALLOW_HEADERS")),
            root.GetProperty("cors_4x").GetProperty("CORS_ALLOW_PRIVATE_NETWORK").GetBoolean());

        var corpus = ProbeFiles.LoadCorpus(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cors", "basic.corpus.json"));
        var recorded = ProbeFiles.LoadRecords(Path.Combine(Directory_, name + ".jsonl")).ToDictionary(r => r.Id);
        await using var server = await CorsTestServer.StartAsync(policy, OracleMimicApp.Configure);
        var failures = new List<string>();
        foreach (var request in corpus)
        {
            var ours = ProbeFiles.Record(request, await ProbeFiles.SendAsync(server, request));
            var expected = expectation.Apply(recorded[request.Id], request);
            if (OracleMimicApp.StatusDependsOnJwt(request.Method, request.Path, request.HeaderValue("Authorization") is not null))
            {
                // Token outcomes are not mimicked here (the sample tests cover them): compare the CORS fields.
                var headers = new Dictionary<string, string>(expected.Headers, StringComparer.Ordinal);
                headers.Remove("content-type");
                if (ours.Headers.TryGetValue("content-type", out var ct)) headers["content-type"] = ct;
                expected = expected with { Status = ours.Status, Headers = headers };
            }
            var problems = FourXExpectation.Compare(expected, ours);
            if (problems.Count > 0) failures.Add(request.Id + ": " + string.Join("; ", problems));
        }
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} of {corpus.Count} differ:\n" + string.Join("\n", failures));
    }

    private sealed class MapEnvironment(IReadOnlyDictionary<string, string> values) : ISettingsEnvironment
    {
        public string? GetVariable(string key) => values.TryGetValue(key, out var v) ? v : null;

        public string? ReadFile(string path) => null;
    }
}
