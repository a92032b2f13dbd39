using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Cors.Support;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// Live differential property test: random configurations and requests, each configuration served
/// by the real Django oracle (one server per configuration) and by our middleware in-process; every
/// response compared field by field after the 3.14 → 4.x deltas. Seeded and reproducible:
/// CORS_DIFF_SEED / CORS_DIFF_CONFIGS / CORS_DIFF_REQUESTS override the defaults (20 x 25 = 500; starting an oracle is the cost).
/// </summary>
public sealed class CorsLiveDifferentialTests
{
    private readonly ITestOutputHelper _output;

    /// <summary>xunit output for the seed and the summary.</summary>
    public CorsLiveDifferentialTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task Random_configurations_answer_like_django()
    {
        Services.RequireDjangoOracle();
        int seed = EnvInt("CORS_DIFF_SEED", 20261123);
        int configs = EnvInt("CORS_DIFF_CONFIGS", 20);
        int perConfig = EnvInt("CORS_DIFF_REQUESTS", 25);
        var random = new Random(seed);
        var cases = Enumerable.Range(0, configs).Select(i => RandomCorsCase.Generate(random, i, perConfig)).ToList();

        string work = Directory.CreateTempSubdirectory("cors-diff-").FullName;
        var failures = new ConcurrentBag<string>();
        int compared = 0, allowed = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            // Two oracles at a time: starting one (migrate + runserver) is the cost, ~2.5 s of CPU.
            using var gate = new SemaphoreSlim(2);
            await Task.WhenAll(cases.Select(async (c, i) =>
            {
                await gate.WaitAsync();
                try
                {
                    var recorded = await RecordWithOracleAsync(c, Path.Combine(work, "case" + i));
                    var expectation = new FourXExpectation(
                        c.AllowHeadersDefined ? null : FourXExpectation.AllowHeaders314Default,
                        FourXExpectation.AllowHeaders4xDefault,
                        c.Settings.AllowPrivateNetwork ?? false);
                    await using var server = await CorsTestServer.StartAsync(DjangoCorsPolicy.Create(c.Settings), OracleMimicApp.Configure);
                    foreach (var request in c.Requests)
                    {
                        var ours = ProbeFiles.Record(request, await ProbeFiles.SendAsync(server, request));
                        Assert.True(recorded.TryGetValue(request.Id, out var theirs), $"oracle did not answer {request.Id}");
                        var problems = FourXExpectation.Compare(expectation.Apply(theirs!, request), ours);
                        Interlocked.Increment(ref compared);
                        if (theirs!.Headers.ContainsKey("access-control-allow-origin")) Interlocked.Increment(ref allowed);
                        if (problems.Count > 0)
                        {
                            failures.Add($"{request.Id} {request.Method} {request.Path} {Describe(request)}\n    {string.Join("\n    ", problems)}\n    settings:\n      {c.SettingsFile.Replace("\n", "\n      ")}");
                        }
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }

        _output.WriteLine($"seed {seed}: {compared} cases ({configs} configurations x {perConfig} requests) in {clock.Elapsed.TotalSeconds:F1} s, {failures.Count} differences, {allowed} allowed by Django");
        Assert.True(compared >= configs * perConfig, $"only {compared} cases compared");
        // Not vacuous: a fair share of the random requests must be allowed ones.
        Assert.True(allowed * 10 >= compared, $"only {allowed} of {compared} random requests were allowed by Django");
        Assert.True(failures.IsEmpty, $"seed {seed}: {failures.Count} of {compared} differ:\n" + string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal).Take(15)));
    }

    private static async Task<Dictionary<string, ProbeRecord>> RecordWithOracleAsync(RandomCorsCase c, string directory)
    {
        Directory.CreateDirectory(directory);
        string settings = Path.Combine(directory, "random.cors.settings");
        string corpus = Path.Combine(directory, "corpus.json");
        string output = Path.Combine(directory, "oracle.jsonl");
        await File.WriteAllTextAsync(settings, c.SettingsFile);
        await File.WriteAllTextAsync(corpus, c.CorpusJson());
        await using var oracle = await OracleServer.StartAsync(settings);
        var psi = new ProcessStartInfo("python3")
        {
            WorkingDirectory = SharedDirectory.Oracle,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[] { "probe.py", oracle.BaseAddress.ToString().TrimEnd('/'), corpus, "-o", output }) psi.ArgumentList.Add(a);
        using var probe = Process.Start(psi)!;
        var stderr = probe.StandardError.ReadToEndAsync();
        await probe.StandardOutput.ReadToEndAsync();
        await probe.WaitForExitAsync();
        if (probe.ExitCode != 0) throw new InvalidOperationException("probe.py failed: " + await stderr);
        return ProbeFiles.LoadRecords(output).ToDictionary(r => r.Id);
    }

    private static string Describe(ProbeRequest r) =>
        string.Join(" ", r.Headers.Select(h => $"[{h.Key}: {System.Text.Json.JsonSerializer.Serialize(h.Value)}]"));

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out int v) ? v : fallback;
}
