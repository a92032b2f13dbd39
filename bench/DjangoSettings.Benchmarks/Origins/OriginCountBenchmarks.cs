extern alias generator;

using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DjangoSettings.Benchmarks.Cors;
using DjangoSettings.Cors;
using DjangoSettings.Shared;
using Emit = generator::DjangoSettings.Generator.Emit;

namespace DjangoSettings.Benchmarks.Origins;

/// <summary>
/// Issue 16.4: the origin decision per request as CORS_ALLOWED_ORIGINS grows from 10 to 100,000
/// entries, for both representations the generator can choose: the switch it emits up to
/// <c>OriginMatcherEmitter.MaxSwitchPairs</c> pairs (compiled here from the emitter's own output)
/// and the frozen dictionary the runtime builds beyond. A switch of 100,000 cases cannot be
/// compiled (that is the bug), so that row is NA. One whole request through the middleware.
/// </summary>
[MemoryDiagnoser]
public class OriginCountBenchmarks
{
    private CorsRequestHarness _frozen = null!;
    private CorsRequestHarness? _switch;

    /// <summary>Entries in CORS_ALLOWED_ORIGINS.</summary>
    [Params(10, 1_000, 100_000)]
    public int Origins { get; set; }

    /// <summary>The request's Origin: Configured (exact spelling), OtherSpelling (same pair), Refused.</summary>
    [Params("Configured", "OtherSpelling", "Refused")]
    public string Case { get; set; } = "";

    /// <summary>Builds both policies and checks they answer alike.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var origins = OriginLists.Customers(Origins);
        string origin = OriginLists.OriginFor(Case, origins);
        var settings = new DjangoCorsSettings { AllowedOrigins = origins };
        _frozen = new CorsRequestHarness(DjangoCorsPolicy.Create(settings), origin);
        if (Origins <= 1_000)
        {
            _switch = new CorsRequestHarness(DjangoCorsPolicy.Create(settings, originPairMatcher: CompileSwitch(origins)), origin);
            if (_switch.Answer() != _frozen.Answer()) throw new InvalidOperationException("the switch and the frozen dictionary disagree on " + origin);
        }
        if ((_frozen.Answer() is not null) == (Case == "Refused")) throw new InvalidOperationException(Case + ": unexpected answer for " + origin);
    }

    // The generator's switch for these origins, compiled as a project build would.
    private static OriginPairMatcher CompileSwitch(string[] origins)
    {
        var pairs = origins.Select(o => PythonUrlSplit.TrySplit(o, out var s) ? (s.Scheme, s.Netloc) : throw new InvalidOperationException(o)).ToList();
        var w = new Emit.IndentedWriter();
        w.Line("public static class OriginSwitch");
        w.Line("{");
        Emit.OriginMatcherEmitter.WriteSwitch(w, pairs);
        w.Line("public static bool Match(global::System.ReadOnlySpan<char> scheme, global::System.ReadOnlySpan<char> netloc) => MatchOrigin(scheme, netloc);");
        w.Line("}");
        var type = RoslynLoader.Load(w.ToString()).GetType("OriginSwitch")!;
        return type.GetMethod("Match")!.CreateDelegate<OriginPairMatcher>();
    }

    /// <summary>The runtime's frozen dictionary (what the generator emits beyond the threshold).</summary>
    [Benchmark(Baseline = true, Description = "frozen dictionary")]
    public Task Frozen() => _frozen.Run();

    /// <summary>The generated switch (what the generator emits up to the threshold).</summary>
    [Benchmark(Description = "generated switch")]
    public Task Switch() => (_switch ?? throw new NotSupportedException("a switch of this many cases does not compile")).Run();
}
