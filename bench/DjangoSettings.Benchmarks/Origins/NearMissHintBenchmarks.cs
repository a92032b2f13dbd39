using System;
using BenchmarkDotNet.Attributes;
using DjangoSettings.Cors;
using DjangoSettings.Shared;

namespace DjangoSettings.Benchmarks.Origins;

/// <summary>
/// The Debug explanation of a refused Origin (issue 15.6) as the list grows: it runs only for a
/// refused Origin with Debug logging on, and must not grow with the list (its index is built once,
/// in setup here, on the first explained refusal in a server).
/// </summary>
[MemoryDiagnoser]
public class NearMissHintBenchmarks
{
    private DjangoCorsPolicy _policy = null!;
    private string _origin = "";
    private UrlSplitResult _split;

    /// <summary>Entries in CORS_ALLOWED_ORIGINS.</summary>
    [Params(10, 1_000, 100_000)]
    public int Origins { get; set; }

    /// <summary>PortDiffers (a hash lookup finds the entry), NothingNear (every lookup misses; up to 1,000 entries also the edit-distance scan).</summary>
    [Params("PortDiffers", "NothingNear")]
    public string Case { get; set; } = "";

    /// <summary>Builds the policy and its index.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var origins = OriginLists.Customers(Origins);
        _policy = DjangoCorsPolicy.Create(new DjangoCorsSettings { AllowedOrigins = origins });
        _origin = Case == "PortDiffers" ? origins[^1] + ":8443" : "https://evil.example.net";
        if (!PythonUrlSplit.TrySplit(_origin, out _split)) throw new InvalidOperationException(_origin);
        string hint = Describe();
        if (Case == "PortDiffers" != hint.Contains("differs in the port", StringComparison.Ordinal)) throw new InvalidOperationException(hint);
    }

    /// <summary>One explanation, as the middleware logs it.</summary>
    [Benchmark(Description = "near-miss hint (Debug log only)")]
    public string Describe() => OriginNearMiss.Describe(_policy, _origin, _split);
}
