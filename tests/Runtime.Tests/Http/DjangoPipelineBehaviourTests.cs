using System;
using System.Threading.Tasks;
using DjangoSettings.Http;
using DjangoSettings.Runtime.Tests.Http.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Http;

/// <summary>
/// The composed pipeline where the recordings cannot reach: endpoints written the ASP.NET Core way
/// (Results, JSON writers, streaming), routes Django has no twin for, the 4.0+ header, and the
/// startup checks on middleware order.
/// </summary>
public sealed class DjangoPipelineBehaviourTests
{
    private static readonly DjangoHttpSettings StartProject = new() { Hosts = new DjangoHostOptions { AllowedHosts = ["*"] } };

    private static Task<DjangoHttpTestApp> Start(Action<WebApplication> map, DjangoHttpSettings? settings = null) =>
        DjangoHttpTestApp.StartAsync(settings ?? StartProject, map: map);

    [Fact]
    public async Task Common_measures_bodies_written_without_a_length()
    {
        await using var app = await Start(a =>
        {
            a.MapGet("/json/", () => Results.Json(new { name = "alice", items = new[] { 1, 2, 3 } }));
            a.MapGet("/text/", async (HttpContext c) =>
            {
                await c.Response.WriteAsync("hello ");
                await c.Response.Body.FlushAsync();
                await c.Response.BodyWriter.WriteAsync("world"u8.ToArray());
            });
            a.MapGet("/empty/", () => Results.Ok());
        });
        var json = await app.SendAsync("GET", "/json/");
        Assert.Equal(json.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), json["content-length"]);
        var text = await app.SendAsync("GET", "/text/");
        Assert.Equal(("hello world", "11"), (text.Body, text["content-length"]));
        var empty = await app.SendAsync("GET", "/empty/");
        Assert.Equal("0", empty["content-length"]);
    }

    [Fact]
    public async Task Streaming_responses_get_no_length()
    {
        await using var app = await Start(a =>
        {
            a.MapGet("/stream/", async (HttpContext c) =>
            {
                c.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!.DisableBuffering();
                await c.Response.WriteAsync("chunk");
            });
            a.MapGet("/events/", async (HttpContext c) =>
            {
                c.Response.ContentType = "text/event-stream";
                await c.Response.WriteAsync("data: 1\n\n");
            });
            a.MapGet("/big/", (HttpContext c) => c.Response.Body.WriteAsync(new byte[ContentLengthResponseBody.MaxBufferedBytes + 1]).AsTask());
            a.MapGet("/nocontent/", () => Results.NoContent());
        });
        Assert.Null((await app.SendAsync("GET", "/stream/"))["content-length"]);
        Assert.Null((await app.SendAsync("GET", "/events/"))["content-length"]);
        var big = await app.SendAsync("GET", "/big/");
        Assert.Equal((ContentLengthResponseBody.MaxBufferedBytes + 1, (string?)null), (big.Body.Length, big["content-length"]));
        Assert.Null((await app.SendAsync("GET", "/nocontent/"))["content-length"]);
    }

    [Fact]
    public async Task Without_common_middleware_no_response_has_a_length()
    {
        var settings = StartProject with { Middleware = [DjangoMiddlewarePaths.Security, DjangoMiddlewarePaths.XFrameOptions] };
        await using var app = await Start(a => a.MapGet("/sized/", (HttpContext c) =>
        {
            c.Response.ContentLength = 2;
            return c.Response.WriteAsync("ok");
        }), settings);
        var response = await app.SendAsync("GET", "/sized/");
        Assert.Equal(("ok", (string?)null, "DENY"), (response.Body, response["content-length"], response["x-frame-options"]));
    }

    [Fact]
    public async Task Opener_policy_and_the_32_xss_header_when_configured()
    {
        var settings = StartProject with { Security = new DjangoSecurityOptions { CrossOriginOpenerPolicy = "same-origin-allow-popups", BrowserXssFilter = true } };
        await using var app = await Start(a => a.MapGet("/x/", () => "x"), settings);
        var response = await app.SendAsync("GET", "/x/");
        Assert.Equal(("same-origin-allow-popups", "1; mode=block", "nosniff", "same-origin"),
            (response["cross-origin-opener-policy"], response["x-xss-protection"], response["x-content-type-options"], response["referrer-policy"]));
        var missing = await app.SendAsync("GET", "/missing/");
        Assert.Equal((404, "same-origin-allow-popups", "179"), (missing.Status, missing["cross-origin-opener-policy"], missing["content-length"]));
    }

    [Fact]
    public async Task Headers_the_endpoint_set_are_kept()
    {
        await using var app = await Start(a => a.MapGet("/own/", (HttpContext c) =>
        {
            c.Response.Headers.XContentTypeOptions = "custom";
            c.Response.Headers["Referrer-Policy"] = "no-referrer";
            c.Response.Headers.XFrameOptions = "";
            return "own";
        }));
        var response = await app.SendAsync("GET", "/own/");
        Assert.Equal(("custom", "no-referrer", ""), (response["x-content-type-options"], response["referrer-policy"], response["x-frame-options"]));
    }

    [Fact]
    public async Task Append_slash_asks_the_routing_system_with_constraints_groups_and_methods()
    {
        await using var app = await Start(a =>
        {
            var api = a.MapGroup("/v2");
            api.MapGet("/orders/{id:guid}/", (Guid id) => id.ToString());
            a.MapPost("/upload/", () => "posted");
            a.MapGet("/Mixed/", () => "mixed");
        });
        string id = Guid.Empty.ToString();
        Assert.Equal(("301", "/v2/orders/" + id + "/?x=1"), Location(await app.SendAsync("GET", "/v2/orders/" + id + "?x=1")));
        Assert.Equal(404, (await app.SendAsync("GET", "/v2/orders/not-a-guid")).Status);
        // Django resolves URLs before it looks at methods: a GET finds the POST-only view and is redirected.
        Assert.Equal(("301", "/upload/"), Location(await app.SendAsync("GET", "/upload")));
        // Case counts, in both the redirect decision and the match.
        Assert.Equal(404, (await app.SendAsync("GET", "/mixed")).Status);
        Assert.Equal(404, (await app.SendAsync("GET", "/mixed/")).Status);
        Assert.Equal(200, (await app.SendAsync("GET", "/Mixed/")).Status);
    }

    [Fact]
    public async Task Without_append_slash_a_path_only_aspnet_matches_is_djangos_404()
    {
        // ASP.NET Core matches /upload to "upload/" and, the method not being POST, answers its own
        // 405; to Django /upload does not resolve at all.
        await using var app = await Start(a => a.MapPost("/upload/", () => "posted"), StartProject with { Common = new DjangoCommonOptions { AppendSlash = false } });
        var response = await app.SendAsync("GET", "/upload");
        Assert.Equal((404, "179"), (response.Status, response["content-length"]));
        Assert.Equal(405, (await app.SendAsync("GET", "/upload/")).Status);
    }

    [Fact]
    public async Task A_fallback_endpoint_serves_what_would_have_been_redirected()
    {
        // As in Django with a catch-all URL: the path itself resolves, so APPEND_SLASH never fires.
        await using var app = await Start(a =>
        {
            a.MapGet("/api/", () => "api");
            a.MapFallback(() => "fallback");
        });
        var response = await app.SendAsync("GET", "/api");
        Assert.Equal((200, "fallback"), (response.Status, response.Body));
    }

    [Fact]
    public async Task Django_exceptions_become_its_pages_with_every_response_phase()
    {
        await using var app = await Start(a =>
        {
            a.MapGet("/half/", async (HttpContext c) =>
            {
                await c.Response.WriteAsync("partial body ");
                throw new TooManyFieldsSentException();
            });
            a.MapGet("/denied/", (HttpContext c) => throw new DjangoPermissionDeniedException("no"));
            a.MapGet("/host/", (HttpContext c) => c.RequestServices.GetRequiredService<DjangoRequestHost>().BuildAbsoluteUri(c.Request));
        }, StartProject with { Hosts = new DjangoHostOptions { AllowedHosts = ["api.example.com"] }, Middleware = [DjangoMiddlewarePaths.Security, DjangoMiddlewarePaths.XFrameOptions, DjangoMiddlewarePaths.Common] });
        var half = await app.SendAsync("GET", "/half/", [new("Host", "api.example.com")]);
        Assert.Equal((400, "143", "text/html", "DENY"), (half.Status, half["content-length"], half["content-type"], half["x-frame-options"]));
        Assert.Equal(DjangoErrorPage.BadRequest.Length, half.Body.Length);
        var denied = await app.SendAsync("GET", "/denied/", [new("Host", "api.example.com")]);
        Assert.Equal((403, "135", "nosniff"), (denied.Status, denied["content-length"], denied["x-content-type-options"]));
        var host = await app.SendAsync("GET", "/host/?a=%E2%9C%93", [new("Host", "api.example.com:8080")]);
        Assert.Equal("http://api.example.com:8080/host/?a=%E2%9C%93", host.Body);
    }

    [Fact]
    public async Task Exempt_metadata_on_a_handler_method()
    {
        await using var app = await Start(a => a.MapGet("/frame/", ExemptHandler));
        Assert.Null((await app.SendAsync("GET", "/frame/"))["x-frame-options"]);
    }

    [XFrameOptionsExempt]
    private static string ExemptHandler() => "framed";

    [Fact]
    public async Task The_method_is_upper_cased_before_anything_sees_it()
    {
        await using var app = await Start(a => a.Map("/m/", (HttpContext c) => c.Request.Method));
        Assert.Equal("PATCH", (await app.SendAsync("patch", "/m/")).Body);
    }

    [Fact]
    public async Task Use_routing_before_the_middleware_is_refused()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddDjangoHttp(StartProject);
        await using var app = builder.Build();
        app.UseRouting();
        var error = Assert.Throws<InvalidOperationException>(() => app.UseDjangoMiddleware());
        Assert.Contains("must come before UseRouting() (it routes itself)", error.Message);
    }

    [Fact]
    public async Task A_later_use_routing_call_finds_the_request_routed()
    {
        await using var app = await Start(a =>
        {
            a.UseRouting();
            a.MapGet("/Case/", () => "routed once");
        });
        Assert.Equal(404, (await app.SendAsync("GET", "/case/")).Status);
        Assert.Equal("routed once", (await app.SendAsync("GET", "/Case/")).Body);
    }

    [Fact]
    public async Task Cors_listed_without_a_policy_is_refused()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddDjangoHttp(StartProject with { Middleware = [DjangoMiddlewarePaths.Cors, DjangoMiddlewarePaths.Common] });
        await using var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.UseDjangoMiddleware());
        Assert.Contains("no CORS policy is registered", error.Message);
    }

    [Fact]
    public async Task A_user_agent_pattern_python_cannot_compile_stops_startup_with_its_text()
    {
        var settings = StartProject with { Common = new DjangoCommonOptions { DisallowedUserAgents = [new PythonPattern("bad(")] } };
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Start(a => a.MapGet("/x/", () => "x"), settings));
        Assert.Contains("DISALLOWED_USER_AGENTS: the pattern 'bad('", error.ToString());
    }

    private static (string, string?) Location(HttpExchange response) => (response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), response["location"]);
}
