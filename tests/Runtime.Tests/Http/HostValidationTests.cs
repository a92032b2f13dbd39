using DjangoSettings.Http;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Http;

/// <summary>
/// Django's split_domain_port / validate_host / is_same_domain (spec §3.5); the cases observed on
/// the oracle are also in Fixtures/http (security_host), these pin the rules one by one.
/// </summary>
public sealed class HostValidationTests
{
    private static readonly string[] Listed = ["api.example.com", ".example.org", "127.0.0.1"];
    private static readonly string[] Star = ["*"];

    [Theory]
    [InlineData("api.example.com", true)]
    [InlineData("API.EXAMPLE.COM:8080", true)]
    [InlineData("api.example.com.", true)]
    [InlineData("example.org", true)]
    [InlineData("www.example.org", true)]
    [InlineData("badexample.org", false)]
    [InlineData("evil.com", false)]
    [InlineData("127.0.0.1:9", true)]
    [InlineData("[::1]", false)]
    [InlineData("api.example.com:abc", false)]
    [InlineData("api.example.com:", false)]
    [InlineData("", false)]
    public void Listed_hosts(string host, bool allowed) => Assert.Equal(allowed, HostValidation.IsValid(host, Listed));

    [Theory]
    [InlineData("api_x.example.org", false)]
    [InlineData("a b", false)]
    [InlineData("ex%41.com", false)]
    [InlineData("münchen.de", false)]
    [InlineData("[fe80::1%eth0]", false)]
    [InlineData("[::1]:", false)]
    [InlineData("a:1:2", false)]
    [InlineData("xn--mnchen-3ya.de", true)]
    [InlineData("...", true)]
    [InlineData("-", true)]
    [InlineData("localhost:99999999999", true)]
    [InlineData("1.2.3.4:0", true)]
    [InlineData("[::1]:8000", true)]
    [InlineData("[::ffff:1.2.3.4]", true)]
    [InlineData("api.example.com:\u0661\u0662", true)] // Python's \d is any Unicode digit
    [InlineData("\u212Aevil.com", true)] // the Kelvin sign lower-cases to "k" in Python
    [InlineData("\u0130nfo.com", false)] // U+0130 lower-cases to two characters, not "i"
    public void Star_still_checks_the_syntax(string host, bool allowed) => Assert.Equal(allowed, HostValidation.IsValid(host, Star));

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("sub.localhost", true)]
    [InlineData("127.0.0.1:80", true)]
    [InlineData("[::1]:8000", true)]
    [InlineData("LOCALHOST.", true)]
    [InlineData("evil.com", false)]
    [InlineData("127.0.0.2", false)]
    public void Debug_defaults_apply_only_to_an_empty_list(string host, bool allowed)
    {
        var debug = new DjangoHostOptions { Debug = true };
        Assert.Equal(allowed, HostValidation.IsValid(host, debug.EffectiveAllowedHosts));
        Assert.False(HostValidation.IsValid(host, new DjangoHostOptions { Debug = false }.EffectiveAllowedHosts));
        Assert.Equal(host == "evil.com", HostValidation.IsValid(host, new DjangoHostOptions { Debug = true, AllowedHosts = ["evil.com"] }.EffectiveAllowedHosts));
    }

    [Theory]
    [InlineData("example.com:8000", "example.com:8000", false)] // a pattern with a port never matches
    [InlineData("example.com", "EXAMPLE.com", true)]
    [InlineData("example.com", "", false)]
    [InlineData("a.b.example.com", ".example.com", true)]
    [InlineData("xexample.com", ".example.com", false)]
    public void Is_same_domain(string domainOrHost, string pattern, bool same)
    {
        Assert.True(HostValidation.TrySplitDomain(domainOrHost, out var domain));
        Assert.Equal(same, HostValidation.IsSameDomain(domain, pattern));
    }

    [Fact]
    public void A_final_newline_is_accepted_by_the_syntax_check_but_stays_in_the_domain()
    {
        // Python's "$" matches before a final "\n"; the newline then never equals a listed name.
        Assert.True(HostValidation.IsValid("api.example.com\n", Star));
        Assert.False(HostValidation.IsValid("api.example.com\n", Listed));
    }

    [Fact]
    public void The_log_message_is_djangos()
    {
        Assert.Equal("Invalid HTTP_HOST header: 'Evil.com:80'. You may need to add 'evil.com' to ALLOWED_HOSTS.", new DisallowedHostException("Evil.com:80").Message);
        Assert.Equal("Invalid HTTP_HOST header: 'a b'. The domain name provided is not valid according to RFC 1034/1035.", new DisallowedHostException("a b").Message);
    }
}
