using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Cors.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// The Debug hint for a refused Origin names the nearest configured entry (issue 15.6), not the
/// first one that differs somehow, and costs a few lookups however long the list is (issue 16.4);
/// it is computed only for refused Origins, only with Debug logging on.
/// </summary>
public sealed class NearestOriginHintTests
{
    private static async Task<string> HintFor(IReadOnlyList<string> configured, string origin)
    {
        await using var server = await CorsTestServer.StartAsync(DjangoCorsPolicy.Create(new() { AllowedOrigins = configured.ToArray() }), UpstreamStyleApp.Configure);
        var r = await server.SendAsync("GET", "/", new Dictionary<string, string> { ["Origin"] = origin });
        Assert.Null(r["access-control-allow-origin"]);
        return Assert.Single(server.Logs.Messages(2));
    }

    [Theory]
    // A port difference written first must not hide an entry that differs only in host case.
    [InlineData(new[] { "https://app.example.com:8443", "https://App.example.com" }, "https://app.example.com", "https://App.example.com", "differs in host case")]
    // The same netloc under another scheme is nearer than the same scheme on another port.
    [InlineData(new[] { "https://localhost:3001", "http://localhost:3000" }, "https://localhost:3000", "http://localhost:3000", "differs in the scheme (https vs http)")]
    // Same scheme, host and port: only the user info differs.
    [InlineData(new[] { "https://other.test", "https://app.example.com:8443", "https://u@app.example.com" }, "https://app.example.com", "https://u@app.example.com", "differs in the user info ('' vs 'u@')")]
    [InlineData(new[] { "https://other.test", "https://example.com" }, "https://www.example.com", "https://example.com", "differs in the www. prefix (www.example.com vs example.com)")]
    [InlineData(new[] { "https://example.com" }, "http://example.com:8080", "https://example.com", "differs in the scheme (http vs https) and the port (8080 vs no port")]
    [InlineData(new[] { "https://api.exemple.org", "https://app.example.com" }, "https://app.exmple.com", "https://app.example.com", "is 1 edit away")]
    [InlineData(new[] { "https://app.example.com", "https://app.exampel.com" }, "https://app.exampl.com", "https://app.example.com", "is 1 edit away")]
    public async Task Names_the_nearest_entry(string[] configured, string origin, string nearest, string reason)
    {
        string message = await HintFor(configured, origin);
        Assert.Contains("'" + nearest + "'", message, System.StringComparison.Ordinal);
        Assert.Contains(reason, message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unrelated_origins_are_not_called_near()
    {
        string message = await HintFor(new[] { "https://app.example.com" }, "https://evil.example.net");
        Assert.Contains("not in CORS_ALLOWED_ORIGINS (1 entries)", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hundred_thousand_entries_still_get_the_lookups_but_not_the_edit_distance_scan()
    {
        var origins = Enumerable.Range(0, 100_000).Select(i => $"https://customer{i}.example-platform.com").ToList();
        Assert.Contains("'https://customer99999.example-platform.com' differs in the port (443 vs no port",
            await HintFor(origins, "https://customer99999.example-platform.com:443"), System.StringComparison.Ordinal);
        Assert.Contains("not in CORS_ALLOWED_ORIGINS (100000 entries)",
            await HintFor(origins, "https://customer99999.exmple-platform.com"), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogLevel.Information, "https://refused.test", false)]
    [InlineData(LogLevel.Debug, "https://allowed.test", false)]
    [InlineData(LogLevel.Debug, "https://refused.test", true)]
    public async Task The_index_is_built_only_to_explain_a_refusal_in_the_debug_log(LogLevel level, string origin, bool built)
    {
        var policy = DjangoCorsPolicy.Create(new() { AllowedOrigins = new[] { "https://allowed.test" } });
        await using var server = await CorsTestServer.StartAsync(policy, UpstreamStyleApp.Configure,
            services: s => s.Configure<LoggerFilterOptions>(o => o.MinLevel = level));
        await server.SendAsync("GET", "/", new Dictionary<string, string> { ["Origin"] = origin });
        Assert.Equal(built, policy.HasNearMissIndex);
        Assert.Equal(built, server.Logs.Messages(2).Any());
    }

    [Theory]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("kitten", "sitting", 2, 3)]
    [InlineData("abc", "abc", 2, 0)]
    [InlineData("abc", "abxc", 2, 1)]
    [InlineData("abc", "abcdefg", 2, 3)]
    public void Bounded_edit_distance_is_exact_up_to_its_limit(string a, string b, int limit, int expected)
        => Assert.Equal(expected, OriginNearMiss.BoundedEditDistance(a, b, limit));
}
