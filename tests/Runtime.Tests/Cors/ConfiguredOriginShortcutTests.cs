using DjangoSettings.Cors;
using DjangoSettings.Shared;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// The middleware admits an Origin spelled exactly as a configured one without splitting it. That
/// is only sound if every configured entry, split as a request Origin would be, matches its own
/// (scheme, netloc) pair: checked here on the spellings Django accepts but normalises.
/// </summary>
public sealed class ConfiguredOriginShortcutTests
{
    public static TheoryData<string> Spellings => new()
    {
        "https://app.example.com",
        "HTTPS://app.example.com",      // urlsplit lowercases the scheme only
        "https://App.Example.com",      // the host keeps its case (DJS0225 warns)
        "https://app.example.com:443",  // the default port stays in netloc (DJS0226)
        "http://[::1]:8000",
        "https://user:pw@app.example.com",
        "null",
        "file://",
        "https://app.example.com/",     // a path (corsheaders E014) is outside netloc
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void A_configured_spelling_matches_its_own_pair(string origin)
    {
        var policy = DjangoCorsPolicy.Create(new DjangoCorsSettings { AllowedOrigins = new[] { origin } });
        Assert.True(policy.IsConfiguredOrigin(origin));
        Assert.True(PythonUrlSplit.TrySplit(origin, out var split));
        bool listed = origin == "null" ? policy.NullInAllowedOrigins : policy.MatchesPair(split.Scheme, split.Netloc);
        Assert.True(listed, $"{origin}: the shortcut would admit what the pair lookup refuses");
    }

    [Fact]
    public void Another_spelling_of_the_same_pair_is_not_a_configured_origin_but_still_matches()
    {
        var policy = DjangoCorsPolicy.Create(new DjangoCorsSettings { AllowedOrigins = new[] { "https://app.example.com" } });
        Assert.False(policy.IsConfiguredOrigin("HTTPS://app.example.com"));
        Assert.True(PythonUrlSplit.TrySplit("HTTPS://app.example.com", out var split));
        Assert.True(policy.MatchesPair(split.Scheme, split.Netloc));
    }
}
