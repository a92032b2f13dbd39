using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Settings;
using DjangoSettings.Runtime.Tests.Cors.Support;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// Settings resolution (spec/cors.md §4.4, django-cors-headers' conf tests) and the precomputation
/// done by <see cref="DjangoCorsPolicy.Create"/>.
/// </summary>
public sealed class CorsPolicyFactoryTests
{
    [Fact]
    public void Overridden_allow_headers_are_used_as_given()
    {
        var p = DjangoCorsPolicy.Create(new() { AllowHeaders = new[] { "foo" } });
        Assert.Equal("foo", p.AllowHeadersValue.ToString());
    }

    // Alias precedence lives in one place, the binder; the runtime sees it through the loader.
    private static DjangoCorsPolicy FromFile(string text)
        => DjangoCorsPolicy.Create(DjangoSettings.Settings.SettingsLoader.Load(new[] { ("cors.settings", text) },
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), AppContext.BaseDirectory).ToCorsSettings());

    [Fact]
    public void Legacy_allow_all_name_alone_is_honoured()
    {
        Assert.True(FromFile("CORS_ORIGIN_ALLOW_ALL = True\n").AllowAllOrigins);
    }

    [Fact]
    public void New_allow_all_name_wins_even_when_false()
    {
        Assert.False(FromFile("CORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_ALLOW_ALL = True\n").AllowAllOrigins);
    }

    [Fact]
    public void Legacy_origin_whitelist_alone_is_honoured()
    {
        var p = FromFile("CORS_ORIGIN_WHITELIST = ['https://example.com']\n");
        Assert.Equal(new[] { "https://example.com" }, p.AllowedOrigins);
    }

    [Fact]
    public void New_allowed_origins_win_even_when_empty()
    {
        var p = FromFile("CORS_ALLOWED_ORIGINS = []\nCORS_ORIGIN_WHITELIST = ['https://example.com']\n");
        Assert.Empty(p.AllowedOrigins);
        Assert.False(p.MatchesPair("https", "example.com"));
    }

    [Fact]
    public void Legacy_regex_whitelist_alone_is_honoured()
    {
        var p = FromFile("CORS_ORIGIN_REGEX_WHITELIST = [r'^https://.*$']\n");
        Assert.Equal(new[] { "^https://.*$" }, p.OriginRegexPatterns);
    }

    [Fact]
    public void New_regex_name_wins_over_the_legacy_one()
    {
        var p = FromFile("CORS_ALLOWED_ORIGIN_REGEXES = [r'^a$']\nCORS_ORIGIN_REGEX_WHITELIST = [r'^b$']\n");
        Assert.Equal(new[] { "^a$" }, p.OriginRegexPatterns);
    }

    [Fact]
    public void Defaults_are_the_4x_ones()
    {
        var p = DjangoCorsPolicy.Create(new());
        Assert.Equal("accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with", p.AllowHeadersValue.ToString());
        Assert.Equal("DELETE, GET, OPTIONS, PATCH, POST, PUT", p.AllowMethodsValue.ToString());
        Assert.Equal("86400", p.MaxAgeValue.ToString());
        Assert.Equal(0, p.ExposeHeadersValue.Count);
        Assert.Equal("^.*$", p.UrlsRegexPattern);
        Assert.False(p.AllowAllOrigins || p.AllowCredentials || p.AllowPrivateNetwork);
    }

    [Fact]
    public void Lists_are_joined_verbatim_and_empty_lists_behave_like_django()
    {
        var p = DjangoCorsPolicy.Create(new() { ExposeHeaders = new[] { "X-A", "x-b", "X-A" }, AllowHeaders = Array.Empty<string>(), AllowMethods = Array.Empty<string>(), PreflightMaxAge = 0 });
        Assert.Equal("X-A, x-b, X-A", p.ExposeHeadersValue.ToString());
        Assert.Equal(1, p.AllowHeadersValue.Count);
        Assert.Equal("", p.AllowHeadersValue.ToString());
        Assert.Equal("", p.AllowMethodsValue.ToString());
        Assert.Equal(0, p.MaxAgeValue.Count);
        Assert.Equal("-5", DjangoCorsPolicy.Create(new() { PreflightMaxAge = -5 }).MaxAgeValue.ToString());
    }

    [Fact]
    public void Configured_origins_become_urlsplit_pairs()
    {
        var p = DjangoCorsPolicy.Create(new() { AllowedOrigins = new[] { "HTTPS://Example.com:443/", "null", "localhost:3000", "file://" } });
        Assert.Equal(new[] { ("https", "Example.com:443"), ("", ""), ("localhost", ""), ("file", "") }, p.AllowedOriginPairs);
        Assert.True(p.NullInAllowedOrigins);
        Assert.True(p.MatchesPair("https", "Example.com:443"));
        Assert.False(p.MatchesPair("https", "example.com:443"));
        Assert.True(p.MatchesPair("", ""));
    }

    [Fact]
    public void Generated_pair_matcher_replaces_the_set()
    {
        var p = DjangoCorsPolicy.Create(
            new() { AllowedOrigins = new[] { "https://a.com" } },
            originPairMatcher: (scheme, netloc) => scheme.SequenceEqual("https") && netloc.SequenceEqual("b.com"));
        Assert.NotNull(p.OriginPairMatcher);
        Assert.True(p.MatchesPair("https", "b.com"));
        Assert.False(p.MatchesPair("https", "a.com"));
    }

    [Fact]
    public async Task Precompiled_regexes_are_used_as_given()
    {
        var rx = new Regex(@"\Ahttps://pre\.test", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        var p = DjangoCorsPolicy.Create(new() { AllowedOriginRegexes = new[] { @"^https://pre\.test" } }, compiledOriginRegexes: new[] { rx });
        Assert.Same(rx, p.OriginRegexes[0]);
        await using var server = await CorsTestServer.StartAsync(p, UpstreamStyleApp.Configure);
        var r = await server.SendAsync("GET", "/", new System.Collections.Generic.Dictionary<string, string> { ["Origin"] = "https://pre.test" });
        Assert.Equal("https://pre.test", r["access-control-allow-origin"]);
    }

    [Fact]
    public void Untranslatable_regexes_and_unparseable_origins_are_all_reported()
    {
        var ok = DjangoCorsPolicy.TryCreate(
            new() { AllowedOrigins = new[] { "https://good.com", "https://bad.com]" }, AllowedOriginRegexes = new[] { "^a*+$", @"^\p{L}$" }, UrlsRegex = "(" },
            out var policy, out var errors);
        Assert.False(ok);
        Assert.Null(policy);
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("https://bad.com]", StringComparison.Ordinal) && e.Contains("CORS_ALLOWED_ORIGINS", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("possessive", StringComparison.Ordinal) && e.Contains("[0]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(@"\p", StringComparison.Ordinal) && e.Contains("[1]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("CORS_URLS_REGEX", StringComparison.Ordinal));
        var thrown = Assert.Throws<DjangoCorsConfigurationException>(() => DjangoCorsPolicy.Create(new() { AllowedOriginRegexes = new[] { "(?P<1>x)" } }));
        Assert.Contains("CORS_ALLOWED_ORIGIN_REGEXES[0]", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translated_regexes_carry_a_timeout_and_culture_invariance()
    {
        var p = DjangoCorsPolicy.Create(new() { AllowedOriginRegexes = new[] { "(?i)^https://x$" } }, regexMatchTimeout: TimeSpan.FromMilliseconds(250));
        var rx = p.OriginRegexes.Single();
        Assert.Equal(TimeSpan.FromMilliseconds(250), rx.MatchTimeout);
        Assert.True(rx.Options.HasFlag(RegexOptions.CultureInvariant));
        Assert.True(rx.Options.HasFlag(RegexOptions.IgnoreCase));
        Assert.Equal(TimeSpan.FromMilliseconds(250), p.UrlsRegex.MatchTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(100), DjangoCorsPolicy.Create(new()).UrlsRegex.MatchTimeout);
    }
}
