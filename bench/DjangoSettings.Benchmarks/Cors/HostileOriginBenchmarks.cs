using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DjangoSettings.Cors;
using DjangoSettings.Shared;

namespace DjangoSettings.Benchmarks.Cors;

/// <summary>
/// Issue 16.5: one request whose Origin is matched against CORS_ALLOWED_ORIGIN_REGEXES, with the
/// pattern on the backtracking engine (what the port did before: compiled, 100 ms match timeout)
/// and on the linear-time engine (RegexOptions.NonBacktracking, what it does now for every pattern
/// that allows it). HostileNested is the report's <c>(a+)+</c> with a 64-character attack
/// Origin; the Typical cases are the usual subdomain pattern, allowed and refused, to show what
/// the linear-time engine costs where backtracking was harmless.
/// </summary>
[MemoryDiagnoser]
public class HostileOriginBenchmarks
{
    private CorsRequestHarness _backtracking = null!;
    private CorsRequestHarness _linear = null!;

    /// <summary>Pattern and Origin.</summary>
    [Params("HostileNested", "TypicalAllowed", "TypicalRefused")]
    public string Case { get; set; } = "";

    /// <summary>Builds the two policies from the same translated pattern.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (pattern, origin) = Case switch
        {
            "HostileNested" => (@"^https://(a+)+\.example\.com$", "https://" + new string('a', 64) + "!"),
            "TypicalAllowed" => (@"^https://\w+\.example\.com$", "https://tenant42.example.com"),
            "TypicalRefused" => (@"^https://\w+\.example\.com$", "https://evil.example.net"),
            _ => throw new ArgumentException(Case),
        };
        var t = PythonRegex.Translate(pattern);
        if (!t.LinearTime) throw new InvalidOperationException(pattern + " should be linear: " + t.BacktrackingReason);
        var settings = new DjangoCorsSettings { AllowedOriginRegexes = new[] { pattern } };
        var timeout = PythonRegex.DefaultMatchTimeout;
        // The policy compiles a backtracking pattern to IL itself, as it does in a server.
        var backtracking = new Regex(t.AnchoredPattern!, t.Options & ~RegexOptions.NonBacktracking, timeout);
        var linear = new Regex(t.AnchoredPattern!, t.Options, timeout);
        _backtracking = new CorsRequestHarness(DjangoCorsPolicy.Create(settings, compiledOriginRegexes: new[] { backtracking }), origin);
        _linear = new CorsRequestHarness(DjangoCorsPolicy.Create(settings, compiledOriginRegexes: new[] { linear }), origin);
        if (_backtracking.Answer() != _linear.Answer()) throw new InvalidOperationException("the engines disagree on " + origin);
        if ((_linear.Answer() is not null) != (Case == "TypicalAllowed")) throw new InvalidOperationException(Case + ": unexpected answer");
    }

    /// <summary>Backtracking engine, compiled to IL, 100 ms timeout (a timeout is a refusal).</summary>
    [Benchmark(Baseline = true, Description = "backtracking (compiled, 100 ms timeout)")]
    public Task Backtracking() => _backtracking.Run();

    /// <summary>RegexOptions.NonBacktracking.</summary>
    [Benchmark(Description = "linear-time (NonBacktracking)")]
    public Task Linear() => _linear.Run();
}
