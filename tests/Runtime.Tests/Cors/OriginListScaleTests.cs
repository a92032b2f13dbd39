using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Cors.Support;
using DjangoSettings.Shared;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// Issue 16.4: a white-label platform lists thousands of customer origins. The generated wiring
/// used to emit the origin decision as one switch, which the C# compiler could not compile at
/// 100,000 entries (killed at 23 GB). Up to <c>OriginMatcherEmitter.MaxSwitchPairs</c> distinct
/// pairs it still is a switch; beyond, the runtime's frozen dictionary answers. Both must answer
/// exactly what the list answers.
/// </summary>
public sealed class OriginListScaleTests
{
    private const int SwitchLimit = 256;

    // Customer origins, with a few other schemes, ports, IPv6 and userinfo mixed in.
    private static string Origin(int i) => (i % 10) switch
    {
        3 => $"http://customer{i}.example-platform.com",
        5 => $"https://customer{i}.example-platform.com:8443",
        7 when i % 1000 == 7 => $"http://[2001:db8::{i % 0xffff:x}]:3000",
        9 when i % 1000 == 9 => $"https://user@customer{i}.example-platform.com",
        _ => $"https://customer{i}.example-platform.com",
    };

    private static List<string> Origins(int count) => Enumerable.Range(0, count).Select(Origin).ToList();

    private static string SettingsText(IEnumerable<string> origins)
    {
        var sb = new StringBuilder("CORS_ALLOWED_ORIGINS = [\n");
        foreach (string o in origins) sb.Append("    \"").Append(o).Append("\",\n");
        return sb.Append("]\n").ToString();
    }

    // Spellings of each origin that a browser or a client might send: itself, and variants that
    // split to the same pair (allowed) or to another one (refused).
    private static IEnumerable<string> Probes(string origin)
    {
        yield return origin;
        yield return origin + "/";
        yield return origin.ToUpperInvariant();
        yield return origin.Replace("https://", "HTTPS://", System.StringComparison.Ordinal);
        yield return origin.Replace("https://", "http://", System.StringComparison.Ordinal);
        yield return origin + ":443";
        yield return origin + "0";
    }

    // The decision the middleware takes from the list (the "null" case and regexes aside).
    private static bool Listed(DjangoCorsPolicy policy, string origin)
    {
        if (policy.IsConfiguredOrigin(origin)) return true;
        return PythonUrlSplit.TrySplit(origin, out var split) && policy.MatchesPair(split.Scheme, split.Netloc);
    }

    private static void AssertSameAnswers(DjangoCorsPolicy generated, IReadOnlyList<string> origins, IEnumerable<string> probes)
    {
        var reference = DjangoCorsPolicy.Create(new DjangoCorsSettings { AllowedOrigins = origins.ToArray() });
        var differ = probes.Where(p => Listed(generated, p) != Listed(reference, p)).Take(10).ToList();
        Assert.True(differ.Count == 0, "the generated matcher and the list disagree on: " + string.Join(", ", differ));
    }

    [Fact]
    public void A_short_list_is_a_switch_that_answers_like_the_list()
    {
        var origins = Origins(SwitchLimit);
        var wiring = GeneratedWiring.Compile(SettingsText(origins));
        Assert.Contains("switch (netloc)", wiring.Source, System.StringComparison.Ordinal);
        var policy = wiring.CreateCorsPolicy();
        Assert.NotNull(policy.OriginPairMatcher);
        AssertSameAnswers(policy, origins, origins.SelectMany(Probes));
    }

    [Fact]
    public void Duplicates_do_not_count_toward_the_switch_limit()
    {
        var origins = Origins(SwitchLimit).Concat(Origins(SwitchLimit)).ToList();
        var wiring = GeneratedWiring.Compile(SettingsText(origins));
        Assert.NotNull(wiring.CreateCorsPolicy().OriginPairMatcher);
    }

    [Fact]
    public void One_pair_past_the_limit_is_answered_by_the_frozen_dictionary_with_the_same_answers()
    {
        var origins = Origins(SwitchLimit + 1);
        var wiring = GeneratedWiring.Compile(SettingsText(origins));
        Assert.DoesNotContain("switch (netloc)", wiring.Source, System.StringComparison.Ordinal);
        Assert.Contains($"originPairMatcher: null, // {SwitchLimit + 1} origins", wiring.Source, System.StringComparison.Ordinal);
        var policy = wiring.CreateCorsPolicy();
        Assert.Null(policy.OriginPairMatcher);
        AssertSameAnswers(policy, origins, origins.SelectMany(Probes));
    }

    [Fact]
    public async Task A_hundred_thousand_origins_compile_and_answer_through_the_middleware()
    {
        var origins = Origins(100_000);
        var wiring = GeneratedWiring.Compile(SettingsText(origins));
        Assert.DoesNotContain("switch (", wiring.Source, System.StringComparison.Ordinal);
        var policy = wiring.CreateCorsPolicy();
        Assert.Null(policy.OriginPairMatcher);
        Assert.Equal(100_000, policy.AllowedOrigins.Count);
        AssertSameAnswers(policy, origins, Enumerable.Range(0, 200).Select(i => origins[i * 499]).SelectMany(Probes));

        await using var server = await CorsTestServer.StartAsync(policy, UpstreamStyleApp.Configure);
        var cases = new (string Origin, bool Allowed)[]
        {
            (origins[0], true),
            (origins[50_000], true),
            (origins[99_999], true),
            ("HTTPS://customer99009.example-platform.com", false), // listed as https://user@customer99009...
            ("HTTPS://customer99998.example-platform.com", true),  // urlsplit lowercases the scheme
            ("https://customer99998.example-platform.com/", true), // a path is outside the netloc
            ("https://customer99998.example-platform.com:443", false),
            ("https://Customer99998.example-platform.com", false),
            ("http://customer99998.example-platform.com", false),
            ("https://customer100000.example-platform.com", false),
        };
        foreach (var (origin, allowed) in cases)
        {
            var r = await server.SendAsync("GET", "/", new Dictionary<string, string> { ["Origin"] = origin });
            Assert.True((r["access-control-allow-origin"] == origin) == allowed, $"{origin}: expected allowed={allowed}, got '{r["access-control-allow-origin"]}'");
        }
    }
}
