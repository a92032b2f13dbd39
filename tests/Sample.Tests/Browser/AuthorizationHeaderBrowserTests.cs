using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.Sample.Tests.Browser;

/// <summary>
/// DJS0228 ("CORS_ALLOW_HEADERS drops authorization") against a real browser: the same settings
/// compiler the build runs (SettingsLoader: evaluator, binder, checks) warns about the file, and
/// Chromium then refuses the token-carrying call exactly as predicted. The policy is built at run
/// time from the settings text and served by a small Kestrel app, so no project is rebuilt.
/// </summary>
public sealed class AuthorizationHeaderBrowserTests : IClassFixture<HeadlessChromium>
{
    // {PAGE_ORIGIN} becomes the test page's origin (a free loopback port) before loading.
    private const string WithoutAuthorization = """
        SECRET_KEY = "browser-test-secret-key-0123456789abcdefghij"
        SIMPLE_JWT = {"AUTH_HEADER_TYPES": ("Bearer",)}
        CORS_ALLOWED_ORIGINS = ["{PAGE_ORIGIN}"]
        CORS_ALLOW_CREDENTIALS = True
        CORS_ALLOW_HEADERS = ["content-type", "x-csrftoken"]
        """;

    private const string WithDefaultHeaders = """
        from corsheaders.defaults import default_headers

        SECRET_KEY = "browser-test-secret-key-0123456789abcdefghij"
        SIMPLE_JWT = {"AUTH_HEADER_TYPES": ("Bearer",)}
        CORS_ALLOWED_ORIGINS = ["{PAGE_ORIGIN}"]
        CORS_ALLOW_CREDENTIALS = True
        CORS_ALLOW_HEADERS = (*default_headers, "x-request-id")
        """;

    private readonly HeadlessChromium _chromium;

    public AuthorizationHeaderBrowserTests(HeadlessChromium chromium) => _chromium = chromium;

    [SkippableFact]
    public async Task Dropping_authorization_from_CORS_ALLOW_HEADERS_is_warned_at_build_and_refused_by_the_browser()
    {
        HeadlessChromium.Require();
        var (loaded, pagePort) = Load(WithoutAuthorization);
        var warning = Assert.Single(loaded.Warnings, w => w.Id == "DJS0228");
        Assert.StartsWith("cors.settings(5,1): warning DJS0228: CORS_ALLOW_HEADERS does not include 'authorization' while SIMPLE_JWT is configured", warning.ToString());

        await using var api = await CorsApi.StartAsync(loaded, pagePort);
        var console = new List<string>();
        string result = await FetchMeWithBearerAsync(api, console);

        Assert.Equal("error:TypeError: Failed to fetch", result);
        Assert.True(console.Any(line => line.Contains("Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response", StringComparison.Ordinal)),
            string.Join("\n", console));
        // The browser asked (preflight) and, told no, never sent the GET.
        Assert.Equal(new[] { $"OPTIONS /api/me/ (no token) origin={api.PageAddress}" }, api.Requests);
    }

    [SkippableFact]
    public async Task With_the_default_headers_the_preflighted_Authorization_call_goes_through()
    {
        HeadlessChromium.Require();
        var (loaded, pagePort) = Load(WithDefaultHeaders);
        Assert.DoesNotContain(loaded.Warnings, w => w.Id == "DJS0228");

        await using var api = await CorsApi.StartAsync(loaded, pagePort);
        var console = new List<string>();
        string result = await FetchMeWithBearerAsync(api, console);

        Assert.Equal("ok:200:{\"username\":\"alice\"}", result);
        Assert.Equal(new[] { $"OPTIONS /api/me/ (no token) origin={api.PageAddress}", $"GET /api/me/ (Bearer token) origin={api.PageAddress}" }, api.Requests);
    }

    private static (LoadedSettings, int PagePort) Load(string text)
    {
        int pagePort = OracleServer.FreePort();
        text = text.Replace("{PAGE_ORIGIN}", $"http://127.0.0.1:{pagePort}", StringComparison.Ordinal);
        return (SettingsLoader.Load(new[] { ("cors.settings", text) }, new ConfigurationBuilder().Build(), AppContext.BaseDirectory), pagePort);
    }

    /// <summary>
    /// The allowed page origin (the test app's second port) fetches /api/me/ on the API port with a
    /// Bearer token. No Playwright routing: with interception on, Playwright answers CORS preflights
    /// itself, and the point here is the browser's own preflight against our answer.
    /// </summary>
    private async Task<string> FetchMeWithBearerAsync(CorsApi api, List<string> console)
    {
        var page = await _chromium.NewPageAsync(console);
        await page.GotoAsync(api.PageAddress + "/page");
        return await page.EvaluateAsync<string>("""
            async (url) => {
              try {
                const r = await fetch(url, { headers: { Authorization: "Bearer header.payload.signature" }, credentials: "include" });
                return "ok:" + r.status + ":" + await r.text();
              } catch (e) {
                return "error:" + e;
              }
            }
            """, api.BaseAddress + "/api/me/");
    }

    /// <summary>Kestrel on a free loopback port with UseDjangoCors first, recording what reaches it.</summary>
    private sealed class CorsApi : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<string> _requests = new();

        private CorsApi(WebApplication app, string baseAddress, string pageAddress)
        {
            _app = app;
            BaseAddress = baseAddress;
            PageAddress = pageAddress;
        }

        /// <summary>Where the API answers.</summary>
        public string BaseAddress { get; }

        /// <summary>The second listener: the page's own origin.</summary>
        public string PageAddress { get; }

        public string[] Requests { get { lock (_requests) return _requests.ToArray(); } }

        public static async Task<CorsApi> StartAsync(LoadedSettings settings, int pagePort)
        {
            string address = $"http://127.0.0.1:{OracleServer.FreePort()}";
            string pageAddress = $"http://127.0.0.1:{pagePort}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(address, pageAddress);
            builder.Logging.ClearProviders();
            builder.Services.AddDjangoCors(DjangoCorsPolicy.Create(settings.ToCorsSettings()));
            var app = builder.Build();
            var api = new CorsApi(app, address, pageAddress);
            app.Use(async (context, next) =>
            {
                string token = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) ? "Bearer token" : "no token";
                if (context.Request.Path.StartsWithSegments("/api"))
                    lock (api._requests) api._requests.Add($"{context.Request.Method} {context.Request.Path} ({token})" + " origin=" + context.Request.Headers.Origin);
                await next(context);
            });
            app.UseDjangoCors();
            app.MapGet("/page", () => Results.Text("<!doctype html><title>token client</title>", "text/html"));
            app.MapGet("/api/me/", (HttpContext context) => context.Request.Headers.Authorization.Count == 0
                ? Results.Unauthorized()
                : Results.Text("{\"username\":\"alice\"}", "application/json"));
            await app.StartAsync();
            return api;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
