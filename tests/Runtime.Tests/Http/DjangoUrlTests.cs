using DjangoSettings.Http;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Http;

/// <summary>escape_uri_path, iri_to_uri, escape_leading_slashes, path_info, META keys, the referrer-policy forms.</summary>
public sealed class DjangoUrlTests
{
    [Theory]
    [InlineData("/api/items", "/api/items")]
    [InlineData("/caf\u00e9/", "/caf%C3%A9/")]
    [InlineData("/a b/", "/a%20b/")]
    [InlineData("/:@&+$,-_.!~*'()/", "/:@&+$,-_.!~*'()/")]
    [InlineData("/%FF", "/%25FF")]
    [InlineData("/a?b#c", "/a%3Fb%23c")]
    [InlineData("/\U0001F600", "/%F0%9F%98%80")]
    public void Escape_uri_path(string path, string escaped) => Assert.Equal(escaped, DjangoUrl.EscapeUriPath(path));

    [Theory]
    [InlineData("b=%E2%9C%93&c=d", "b=%E2%9C%93&c=d")]
    [InlineData("a=\u2713", "a=%E2%9C%93")]
    [InlineData("a=<x>\"", "a=%3Cx%3E%22")]
    public void Iri_to_uri(string iri, string uri) => Assert.Equal(uri, DjangoUrl.IriToUri(iri));

    [Fact]
    public void Full_path_with_slash_escapes_a_leading_double_slash()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "//evil.com";
        context.Request.QueryString = new QueryString("?x=1");
        Assert.Equal("/%2Fevil.com/?x=1", DjangoUrl.FullPathWithSlash(context.Request));
        context.Request.PathBase = "/app";
        context.Request.Path = "/items";
        Assert.Equal("/app/items?x=1", DjangoUrl.FullPath(context.Request));
    }

    [Theory]
    [InlineData("/api%2Fme/", "/api/me/")]
    [InlineData("/api/./", "/api/./")]
    [InlineData("/api/../api/", "/api/../api/")]
    [InlineData("/api/%2E/", "/api/./")]
    [InlineData("/caf%C3%A9?x=%2F", "/caf\u00e9")]
    [InlineData("/%FF%41", "/%FFA")]
    [InlineData("/%E2%82x", "/%E2%82x")]
    [InlineData("*", null)]
    public void Path_info_from_the_raw_target(string raw, string? pathInfo) => Assert.Equal(pathInfo, DjangoPathInfo.FromRawTarget(raw));

    [Theory]
    [InlineData("/api/items/?a=%2F", false)]
    [InlineData("/api/items/", false)]
    [InlineData("/a%2Fb", true)]
    [InlineData("/a/./b", true)]
    public void Only_targets_with_escapes_or_dots_are_decoded_again(string raw, bool mayDiffer) => Assert.Equal(mayDiffer, DjangoPathInfo.MayDiffer(raw));

    [Theory]
    [InlineData("HTTP_X_FORWARDED_PROTO", "X-Forwarded-Proto")]
    [InlineData("HTTP_X_FORWARDED_SSL", "X-Forwarded-Ssl")]
    [InlineData("CONTENT_TYPE", "Content-Type")]
    [InlineData("wsgi.url_scheme", null)]
    [InlineData("SERVER_PORT", null)]
    [InlineData("HTTP_", null)]
    [InlineData("HTTP_x_lower", null)]
    public void Meta_keys_name_headers(string key, string? header) => Assert.Equal(header, MetaKey.ToHeaderName(key));

    [Fact]
    public void Referrer_policy_forms()
    {
        Assert.Equal("same-origin,strict-origin", ReferrerPolicyValue.FromString(" same-origin ,  strict-origin "));
        Assert.Equal("no-referrer, strict-origin-when-cross-origin", ReferrerPolicyValue.FromSequence(["no-referrer", " strict-origin-when-cross-origin"]));
        Assert.Equal("same-origin", ReferrerPolicyValue.FromString("same-origin"));
        Assert.Null(ReferrerPolicyValue.FromString(""));
        Assert.Null(ReferrerPolicyValue.FromString(null));
        Assert.Null(ReferrerPolicyValue.FromSequence([]));
    }

    [Fact]
    public void Hsts_value_is_formatted_as_django_formats_it()
    {
        Assert.Null(new DjangoSecurityOptions().HstsHeaderValue);
        Assert.Equal("max-age=3600", new DjangoSecurityOptions { HstsSeconds = "3600" }.HstsHeaderValue);
        Assert.Equal("max-age=3600.0; preload", new DjangoSecurityOptions { HstsSeconds = "3600.0", HstsPreload = true }.HstsHeaderValue);
        Assert.Equal("max-age=1; includeSubDomains; preload", new DjangoSecurityOptions { HstsSeconds = "1", HstsIncludeSubdomains = true, HstsPreload = true }.HstsHeaderValue);
    }
}
