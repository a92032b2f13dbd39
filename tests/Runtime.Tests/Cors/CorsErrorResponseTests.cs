using System;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Cors.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// Django turns an exception below CorsMiddleware into a 404/500 response that then passes through
/// it, so error pages carry CORS headers. These tests pin the same outcome in ASP.NET Core with
/// the exception handler on either side of the middleware, re-execution included.
/// </summary>
public sealed class CorsErrorResponseTests
{
    private const string Origin = "https://app.example.com";

    private static readonly DjangoCorsPolicy Policy = DjangoCorsPolicy.Create(new DjangoCorsSettings
    {
        AllowedOrigins = new[] { Origin },
        AllowCredentials = true,
        ExposeHeaders = new[] { "X-Request-Id" },
    });

    private static void Throwing(IApplicationBuilder app) => app.Run(c =>
        c.Request.Path.StartsWithSegments("/error") ? c.Response.WriteAsync("error page") : throw new InvalidOperationException("boom"));

    [Fact]
    public async Task Exception_handler_outside_cors_produces_a_500_with_cors_headers()
    {
        await using var server = await CorsTestServer.StartAsync(Policy, Throwing, before: a => a.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = c =>
        {
            c.Response.StatusCode = 500;
            return c.Response.WriteAsync("handled");
        } }));
        var r = await server.SendAsync("GET", "/api/", new System.Collections.Generic.Dictionary<string, string> { ["Origin"] = Origin });
        Assert.Equal(500, r.Status);
        Assert.Equal("handled", r.Body);
        Assert.Equal(Origin, r["access-control-allow-origin"]);
        Assert.Equal("true", r["access-control-allow-credentials"]);
        Assert.Equal("X-Request-Id", r["access-control-expose-headers"]);
        Assert.Equal("origin", r["vary"]);
    }

    [Fact]
    public async Task Exception_handler_re_executing_a_path_keeps_the_original_decision_and_merges_vary()
    {
        await using var server = await CorsTestServer.StartAsync(Policy, Throwing, before: a => a.UseExceptionHandler("/error"));
        var r = await server.SendAsync("GET", "/api/", new System.Collections.Generic.Dictionary<string, string> { ["Origin"] = Origin });
        Assert.Equal(500, r.Status);
        Assert.Equal("error page", r.Body);
        Assert.Equal(Origin, r["access-control-allow-origin"]);
        Assert.Equal("origin", r["vary"]);
    }

    [Fact]
    public async Task Exception_handler_inside_cors_produces_a_500_with_cors_headers_and_merged_vary()
    {
        await using var server = await CorsTestServer.StartAsync(Policy, app =>
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Write500 });
            Throwing(app);
        });
        var r = await server.SendAsync("POST", "/api/token/", new System.Collections.Generic.Dictionary<string, string> { ["Origin"] = Origin });
        Assert.Equal(500, r.Status);
        Assert.Equal(Origin, r["access-control-allow-origin"]);
        Assert.Equal("Accept-Encoding, origin", r["vary"]);
    }

    [Fact]
    public async Task Refused_origin_on_an_error_gets_only_vary()
    {
        await using var server = await CorsTestServer.StartAsync(Policy, Throwing, before: a => a.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Write500 }));
        var r = await server.SendAsync("GET", "/api/", new System.Collections.Generic.Dictionary<string, string> { ["Origin"] = "https://evil.example.net" });
        Assert.Equal(500, r.Status);
        Assert.Null(r["access-control-allow-origin"]);
        Assert.Null(r["access-control-allow-credentials"]);
        Assert.Equal("Accept-Encoding, origin", r["vary"]);
    }

    [Fact]
    public async Task Not_found_from_routing_carries_cors_headers()
    {
        await using var server = await CorsTestServer.StartAsync(Policy, app =>
        {
            app.UseRouting();
            app.UseEndpoints(e => e.MapGet("/api/", () => "ok"));
        }, services => services.AddRouting());
        var r = await server.SendAsync("GET", "/missing/", new System.Collections.Generic.Dictionary<string, string> { ["Origin"] = Origin });
        Assert.Equal(404, r.Status);
        Assert.Equal(Origin, r["access-control-allow-origin"]);
        Assert.Equal("origin", r["vary"]);
    }

    [Fact]
    public async Task Url_regex_decision_is_not_redone_on_the_error_path()
    {
        // /other/ is outside CORS_URLS_REGEX; the handler re-executes /api/error, which is inside it.
        var policy = DjangoCorsPolicy.Create(new DjangoCorsSettings { AllowedOrigins = new[] { Origin }, UrlsRegex = "^/api/" });
        await using var server = await CorsTestServer.StartAsync(policy, app => app.Run(c =>
            c.Request.Path.StartsWithSegments("/api/error") ? c.Response.WriteAsync("error page") : throw new InvalidOperationException("boom")),
            before: a => a.UseExceptionHandler("/api/error"));
        var r = await server.SendAsync("GET", "/other/", new System.Collections.Generic.Dictionary<string, string> { ["Origin"] = Origin });
        Assert.Equal(500, r.Status);
        Assert.Equal("error page", r.Body);
        Assert.Null(r["access-control-allow-origin"]);
        Assert.Null(r["vary"]);
    }

    private static Task Write500(HttpContext c)
    {
        c.Response.StatusCode = 500;
        c.Response.Headers.Vary = "Accept-Encoding";
        return c.Response.WriteAsync("handled");
    }
}
