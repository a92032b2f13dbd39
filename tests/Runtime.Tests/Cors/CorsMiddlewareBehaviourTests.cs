using System.Collections.Generic;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Cors.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using static DjangoSettings.Runtime.Tests.Cors.Support.UpstreamStyleApp;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// One test per behaviour of django-cors-headers' middleware test suite (spec/cors.md §4.2, the 42
/// tests at HEAD), written against our middleware. Names say the behaviour, not the upstream name.
/// </summary>
public sealed class CorsMiddlewareBehaviourTests
{
    private const string Acao = "access-control-allow-origin";
    private const string Acac = "access-control-allow-credentials";
    private const string Org = "https://example.org";
    private const string Com = "https://example.com";

    private static Dictionary<string, string> Origin(string origin) => new() { ["Origin"] = origin };

    private static Dictionary<string, string> Preflight(string origin, string method = "GET") =>
        new() { ["Origin"] = origin, ["Access-Control-Request-Method"] = method };

    private static readonly DjangoCorsSettings None = new();

    // 1
    [Fact]
    public async Task Request_without_origin_gets_no_allow_origin()
    {
        var r = await SendAsync(None, "GET", "/");
        Assert.Null(r[Acao]);
        Assert.Equal(200, r.Status);
    }

    // 2
    [Fact]
    public async Task Vary_is_exactly_origin_by_default_even_without_an_origin()
    {
        var r = await SendAsync(None, "GET", "/");
        Assert.Equal("origin", r["vary"]);
    }

    // 3
    [Fact]
    public async Task Unparseable_origin_is_ignored_without_error()
    {
        var r = await SendAsync(new() { AllowAllOrigins = true }, "GET", "/", Origin("https://example.com]"));
        Assert.Equal(200, r.Status);
        Assert.Null(r[Acao]);
        Assert.Equal("origin", r["vary"]);
    }

    // 4
    [Fact]
    public async Task Origin_outside_the_list_gets_nothing()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com } }, "GET", "/", Origin(Org));
        Assert.Null(r[Acao]);
    }

    // 5
    [Fact]
    public async Task Scheme_must_match()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { "http://example.org" } }, "GET", "/", Origin(Org));
        Assert.Null(r[Acao]);
    }

    // 6
    [Fact]
    public async Task Listed_origin_is_echoed()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com, Org } }, "GET", "/", Origin(Org));
        Assert.Equal(Org, r[Acao]);
    }

    // 7
    [Fact]
    public async Task Listed_origin_is_echoed_on_an_asynchronous_endpoint()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com, Org } }, "GET", "/async/", Origin(Org));
        Assert.Equal("Asynchronous", r.Body);
        Assert.Equal(Org, r[Acao]);
    }

    // 8
    [Fact]
    public async Task Literal_null_in_the_list_allows_origin_null()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { "null" } }, "GET", "/", Origin("null"));
        Assert.Equal("null", r[Acao]);
    }

    // 9
    [Fact]
    public async Task File_scheme_entry_allows_file_origin()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { "file://" } }, "GET", "/", Origin("file://"));
        Assert.Equal("file://", r[Acao]);
    }

    // 10
    [Fact]
    public async Task Expose_headers_are_joined_in_order()
    {
        var r = await SendAsync(new() { AllowAllOrigins = true, ExposeHeaders = new[] { "accept", "content-type" } }, "GET", "/", Origin(Com));
        Assert.Equal("accept, content-type", r["access-control-expose-headers"]);
    }

    // 11
    [Fact]
    public async Task No_expose_headers_configured_means_no_header()
    {
        var r = await SendAsync(new() { AllowAllOrigins = true }, "GET", "/", Origin(Com));
        Assert.Equal("*", r[Acao]);
        Assert.Null(r["access-control-expose-headers"]);
    }

    // 12
    [Fact]
    public async Task Credentials_header_for_an_allowed_origin()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com }, AllowCredentials = true }, "GET", "/", Origin(Com));
        Assert.Equal("true", r[Acac]);
    }

    // 13
    [Fact]
    public async Task No_credentials_header_for_a_refused_origin()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com }, AllowCredentials = true }, "GET", "/", Origin(Org));
        Assert.Null(r[Acac]);
        Assert.Null(r[Acao]);
    }

    // 14
    [Fact]
    public async Task No_credentials_header_when_the_setting_is_off()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com } }, "GET", "/", Origin(Com));
        Assert.Equal(Com, r[Acao]);
        Assert.Null(r[Acac]);
    }

    // 15
    [Fact]
    public async Task Private_network_answered_when_enabled_and_requested()
    {
        var h = Origin(Com);
        h["Access-Control-Request-Private-Network"] = "true";
        var r = await SendAsync(new() { AllowAllOrigins = true, AllowPrivateNetwork = true }, "GET", "/", h);
        Assert.Equal("true", r["access-control-allow-private-network"]);
    }

    // 16
    [Fact]
    public async Task Private_network_not_answered_when_not_requested()
    {
        var r = await SendAsync(new() { AllowAllOrigins = true, AllowPrivateNetwork = true }, "GET", "/", Origin(Com));
        Assert.Equal("*", r[Acao]);
        Assert.Null(r["access-control-allow-private-network"]);
    }

    // 17
    [Fact]
    public async Task Private_network_not_answered_for_a_refused_origin()
    {
        var h = Origin(Org);
        h["Access-Control-Request-Private-Network"] = "true";
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com }, AllowPrivateNetwork = true }, "GET", "/", h);
        Assert.Null(r["access-control-allow-private-network"]);
    }

    // 18
    [Fact]
    public async Task Private_network_not_answered_when_disabled()
    {
        var h = Origin(Com);
        h["Access-Control-Request-Private-Network"] = "true";
        var r = await SendAsync(new() { AllowAllOrigins = true }, "GET", "/", h);
        Assert.Equal("*", r[Acao]);
        Assert.Null(r["access-control-allow-private-network"]);
    }

    // 19, 20
    [Theory]
    [InlineData("/")]
    [InlineData("/async/")]
    public async Task Preflight_from_an_allowed_origin_gets_the_options_headers(string path)
    {
        var settings = new DjangoCorsSettings { AllowAllOrigins = true, AllowHeaders = new[] { "content-type" }, AllowMethods = new[] { "GET", "OPTIONS" }, PreflightMaxAge = 1002 };
        var r = await SendAsync(settings, "OPTIONS", path, Preflight(Com));
        Assert.Equal(200, r.Status);
        Assert.Equal("content-type", r["access-control-allow-headers"]);
        Assert.Equal("GET, OPTIONS", r["access-control-allow-methods"]);
        Assert.Equal("1002", r["access-control-max-age"]);
    }

    // 21
    [Fact]
    public async Task Max_age_zero_omits_only_the_max_age_header()
    {
        var settings = new DjangoCorsSettings { AllowAllOrigins = true, AllowHeaders = new[] { "content-type" }, AllowMethods = new[] { "GET", "OPTIONS" }, PreflightMaxAge = 0 };
        var r = await SendAsync(settings, "OPTIONS", "/", Preflight(Com));
        Assert.Equal(200, r.Status);
        Assert.Equal("content-type", r["access-control-allow-headers"]);
        Assert.Equal("GET, OPTIONS", r["access-control-allow-methods"]);
        Assert.Null(r["access-control-max-age"]);
    }

    // 22
    [Fact]
    public async Task Origin_with_a_port_is_matched_and_echoed()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { "https://localhost:9000" } }, "OPTIONS", "/", Preflight("https://localhost:9000"));
        Assert.Equal("https://localhost:9000", r[Acao]);
    }

    // 23
    [Fact]
    public async Task Regex_match_allows_the_origin()
    {
        var r = await SendAsync(new() { AllowedOriginRegexes = new[] { @"^https://\w+\.example\.com$" } }, "OPTIONS", "/", Preflight("https://foo.example.com"));
        Assert.Equal("https://foo.example.com", r[Acao]);
    }

    // 24
    [Fact]
    public async Task Second_regex_can_allow_the_origin()
    {
        var settings = new DjangoCorsSettings { AllowedOriginRegexes = new[] { @"^https://\w+\.example\.com$", @"^https://\w+\.example\.org$" } };
        var r = await SendAsync(settings, "OPTIONS", "/", Preflight("https://foo.example.org"));
        Assert.Equal("https://foo.example.org", r[Acao]);
    }

    // 25
    [Fact]
    public async Task No_regex_match_means_no_allow_origin()
    {
        var r = await SendAsync(new() { AllowedOriginRegexes = new[] { @"^https://\w+\.example\.com$" } }, "OPTIONS", "/", Preflight("https://foo.example.org"));
        Assert.Equal(200, r.Status);
        Assert.Null(r[Acao]);
    }

    // 26
    [Fact]
    public async Task Empty_request_method_header_still_makes_a_preflight()
    {
        var r = await SendAsync(None, "OPTIONS", "/", Preflight(Com, method: ""));
        Assert.Equal(200, r.Status);
        Assert.Equal("0", r["content-length"]);
    }

    // 27
    [Fact]
    public async Task Options_without_preflight_headers_reaches_the_endpoint()
    {
        var r = await SendAsync(None, "OPTIONS", "/");
        Assert.Equal(405, r.Status);
    }

    // 28
    [Fact]
    public async Task Allow_all_with_credentials_echoes_the_origin_on_get()
    {
        var h = Preflight(Com);
        var r = await SendAsync(new() { AllowAllOrigins = true, AllowCredentials = true }, "GET", "/", h);
        Assert.Equal(200, r.Status);
        Assert.Equal(Com, r[Acao]);
        Assert.Equal("origin", r["vary"]);
        Assert.Null(r["access-control-allow-methods"]);
    }

    // 29
    [Fact]
    public async Task Allow_all_with_credentials_echoes_the_origin_on_preflight()
    {
        var r = await SendAsync(new() { AllowAllOrigins = true, AllowCredentials = true }, "OPTIONS", "/", Preflight(Com));
        Assert.Equal(200, r.Status);
        Assert.Equal(Com, r[Acao]);
        Assert.Equal("origin", r["vary"]);
    }

    // 30
    [Fact]
    public async Task Error_statuses_still_get_cors_headers()
    {
        var r = await SendAsync(new() { AllowAllOrigins = true, AllowCredentials = true }, "GET", "/unauthorized/", Origin(Com));
        Assert.Equal(401, r.Status);
        Assert.Equal(Com, r[Acao]);
    }

    // 31
    [Fact]
    public async Task Preflight_to_an_unrouted_path_is_answered_with_an_empty_200()
    {
        var r = await SendAsync(new() { AllowAllOrigins = true, AllowCredentials = true }, "OPTIONS", "/test-401/", Preflight(Com));
        Assert.Equal(200, r.Status);
        Assert.Equal(Com, r[Acao]);
        Assert.Equal("0", r["content-length"]);
        Assert.Equal("text/html; charset=utf-8", r["content-type"]);
        Assert.Equal("", r.Body);
    }

    // 32
    [Fact]
    public async Task Check_returning_false_allows_nothing()
    {
        var r = await SendAsync(None, "OPTIONS", "/", Preflight(Com), new[] { new PredicateCheck(_ => false) });
        Assert.Equal(200, r.Status);
        Assert.Null(r[Acao]);
    }

    // 33
    [Fact]
    public async Task Check_returning_true_allows_the_origin()
    {
        var r = await SendAsync(None, "OPTIONS", "/", Preflight(Com), new[] { new PredicateCheck(_ => true) });
        Assert.Equal(200, r.Status);
        Assert.Equal(Com, r[Acao]);
    }

    // 34
    [Fact]
    public async Task Check_can_open_some_paths_to_everyone()
    {
        var settings = new DjangoCorsSettings { AllowedOrigins = new[] { Com } };
        var check = new PredicateCheck(c => c.Request.Path.StartsWithSegments("/api"));
        var home = await SendAsync(settings, "OPTIONS", "/", Preflight(Org), new[] { check });
        Assert.Equal(200, home.Status);
        Assert.Null(home[Acao]);
        var api = await SendAsync(settings, "OPTIONS", "/api/something/", Preflight(Org), new[] { check });
        Assert.Equal(200, api.Status);
        Assert.Equal(Org, api[Acao]);
    }

    // 35
    [Fact]
    public async Task Check_is_called_once_for_an_enabled_url_and_a_refused_origin()
    {
        var check = new PredicateCheck(_ => false);
        await SendAsync(new() { AllowedOrigins = new[] { Com } }, "GET", "/", Origin(Org), new[] { check });
        Assert.Equal(1, check.Calls);
    }

    // 36
    [Fact]
    public async Task Response_from_middleware_placed_before_cors_gets_nothing()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com } }, "GET", "/", Origin(Com), before: ShortCircuit);
        Assert.Equal("short-circuit", r.Body);
        Assert.Null(r[Acao]);
        Assert.Null(r["vary"]);
    }

    // 37
    [Fact]
    public async Task Short_circuit_before_cors_gets_nothing_with_a_url_regex_either()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com }, UrlsRegex = "^/foo/$" }, "GET", "/foo/", Origin(Com), before: ShortCircuit);
        Assert.Null(r[Acao]);
    }

    // 38
    [Fact]
    public async Task Url_regex_match_enables_cors_even_on_a_404()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com }, UrlsRegex = "^/foo/$" }, "GET", "/foo/", Origin(Com));
        Assert.Equal(404, r.Status);
        Assert.Equal(Com, r[Acao]);
    }

    // 39
    [Fact]
    public async Task Url_regex_mismatch_leaves_the_response_alone()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com }, UrlsRegex = "^/not-foo/$" }, "GET", "/foo/", Origin(Com));
        Assert.Null(r[Acao]);
        Assert.Null(r["vary"]);
    }

    // 40
    [Fact]
    public async Task Url_regex_matches_the_path_without_the_path_base()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com }, UrlsRegex = "^/foo/$" }, "GET", "/foo/", Origin(Com), pathBase: "/prefix");
        Assert.Equal(Com, r[Acao]);
    }

    // 41. Upstream checks that request._cors_enabled exists and is True. The port keeps the
    // decision in the OnStarting registration instead of on the request; what the flag is for is
    // that the pre-phase decision is made once: the signal enabled the URL before the endpoint
    // and is not asked again after it (Django asks again only to admit an unlisted Origin).
    [Fact]
    public async Task Enabled_decision_is_made_once_before_the_endpoint()
    {
        var check = new CountingCheck();
        var r = await SendAsync(new() { UrlsRegex = "^/nothing/$", AllowedOrigins = new[] { Com } }, "GET", "/", Origin(Com), checks: new[] { check });
        Assert.Equal(Com, r[Acao]);
        Assert.Equal("origin", r["vary"]);
        Assert.Equal(1, check.Calls);
    }

    // 42. Upstream deletes request._cors_enabled in the view and expects ACAO anyway. An endpoint
    // here has no flag to delete and cannot undo the decision: the same answer.
    [Fact]
    public async Task Endpoint_cannot_undo_the_enabled_decision()
    {
        var r = await SendAsync(new() { AllowedOrigins = new[] { Com } }, "GET", "/delete-enabled/", Origin(Com));
        Assert.Equal("Deleted", r.Body);
        Assert.Equal(Com, r[Acao]);
    }

    private sealed class CountingCheck : ICorsRequestEnabledCheck
    {
        public int Calls;

        public bool IsEnabled(HttpContext context)
        {
            Calls++;
            return true;
        }
    }

    private static void ShortCircuit(IApplicationBuilder app) => app.Use((HttpContext c, RequestDelegate _) => c.Response.WriteAsync("short-circuit"));
}
