using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Drf;
using DjangoSettings.Http;
using DjangoSettings.Localization;
using DjangoSettings.Runtime.Tests.Cors.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Http;

/// <summary>
/// How <c>UseDjangoMiddleware()</c> composes MIDDLEWARE beyond the security/common/clickjacking
/// entries: SessionMiddleware's Vary and LocaleMiddleware at their positions, entries placed by hand
/// as well refused, the startup warnings, and Django's URL matching only for a pipeline it composed.
/// </summary>
public sealed class DjangoPipelineCompositionTests
{
    private static readonly DjangoHostOptions AnyHost = new() { AllowedHosts = ["*"] };

    private static async Task<(WebApplication App, TestLogSink Logs)> Build(DjangoHttpSettings settings, Action<IServiceCollection>? services = null, Action<WebApplication>? before = null, bool compose = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var logs = new TestLogSink();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        builder.Services.AddDjangoHttp(settings);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        before?.Invoke(app);
        if (compose) app.UseDjangoMiddleware();
        app.MapGet("/session/", (HttpContext c) =>
        {
            // What DRF's SessionAuthentication does when it reads the session.
            c.Features.Set(DjangoSessionAccessFeature.Instance);
            c.Response.Headers.Vary = "Accept";
            return "session";
        });
        app.MapGet("/plain/", () => "plain");
        await app.StartAsync();
        return (app, logs);
    }

    // What UseDjangoMiddleware logged with an event id (10: empty ALLOWED_HOSTS, 11: LocaleMiddleware left out).
    private static IEnumerable<string> Logged(TestLogSink logs, int eventId)
        => logs.Entries.Where(e => e.EventId == eventId && e.Category == "DjangoSettings.Http.DjangoMiddleware").Select(e => e.Message);

    private static async Task<HttpResponseMessage> Get(WebApplication app, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await app.GetTestClient().SendAsync(request);
    }

    [Fact]
    public async Task Session_middleware_adds_vary_cookie_after_the_views_vary_only_where_the_session_was_read()
    {
        var (app, _) = await Build(new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Session, DjangoMiddlewarePaths.Common], Hosts = AnyHost });
        await using (app)
        {
            Assert.Equal(["Accept", "Cookie"], (await Get(app, "/session/")).Headers.Vary);
            Assert.Empty((await Get(app, "/plain/")).Headers.Vary);
        }
    }

    [Fact]
    public async Task Without_session_middleware_no_vary_cookie()
    {
        var (app, _) = await Build(new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Common], Hosts = AnyHost });
        await using (app)
        {
            Assert.Equal(["Accept"], (await Get(app, "/session/")).Headers.Vary);
        }
    }

    [Fact]
    public async Task Locale_middleware_is_composed_when_the_language_services_are_registered()
    {
        var (app, logs) = await Build(
            new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Locale, DjangoMiddlewarePaths.Common], Hosts = AnyHost },
            s => s.AddDjangoLanguage(new DjangoLanguageSettings { LanguageCode = "en-us" }));
        await using (app)
        {
            var response = await Get(app, "/plain/", ("Accept-Language", "fr"));
            Assert.Equal(["fr"], response.Content.Headers.ContentLanguage);
            Assert.Contains("Accept-Language", response.Headers.Vary);
            Assert.Empty(Logged(logs, 11));
        }
    }

    [Fact]
    public async Task Locale_middleware_without_language_services_is_left_out_with_a_warning()
    {
        var (app, logs) = await Build(new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Locale, DjangoMiddlewarePaths.Common], Hosts = AnyHost });
        await using (app)
        {
            var response = await Get(app, "/plain/", ("Accept-Language", "fr"));
            Assert.Empty(response.Content.Headers.ContentLanguage);
            Assert.Contains("django.middleware.locale.LocaleMiddleware", Assert.Single(Logged(logs, 11)));
        }
    }

    public static IEnumerable<object[]> HandPlaced() =>
    [
        [DjangoMiddlewarePaths.Cors, "CorsMiddleware"],
        [DjangoMiddlewarePaths.Locale, "LocaleMiddleware"],
        [DjangoMiddlewarePaths.Session, "SessionMiddleware's Vary: Cookie"],
    ];

    [Theory]
    [MemberData(nameof(HandPlaced))]
    public async Task An_entry_placed_by_hand_and_listed_in_middleware_is_refused(string entry, string what)
    {
        var settings = new DjangoHttpSettings { Middleware = [entry, DjangoMiddlewarePaths.Common], Hosts = AnyHost };
        void Services(IServiceCollection s)
        {
            s.AddDjangoCors(DjangoCorsPolicy.Create(new DjangoCorsSettings { AllowedOrigins = ["http://localhost:3000"] }));
            s.AddDjangoLanguage();
        }
        void ByHand(WebApplication a)
        {
            if (entry == DjangoMiddlewarePaths.Cors) a.UseDjangoCors();
            else if (entry == DjangoMiddlewarePaths.Locale) a.UseDjangoLocale();
            else a.UseDjangoSessionVary();
        }
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Build(settings, Services, ByHand));
        Assert.StartsWith(what + " would run twice", error.Message);
    }

    [Fact]
    public async Task Hand_placed_middleware_not_listed_in_middleware_is_accepted()
    {
        var settings = new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Common], Hosts = AnyHost };
        var (app, _) = await Build(settings, s => s.AddDjangoLanguage(), a => a.UseDjangoLocale());
        await using (app)
        {
            Assert.Equal(200, (int)(await Get(app, "/plain/")).StatusCode);
        }
    }

    [Fact]
    public async Task A_second_call_is_refused()
    {
        var settings = new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Common], Hosts = AnyHost };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Build(settings, before: a => a.UseDjangoMiddleware()));
        Assert.StartsWith("UseDjangoMiddleware() would run twice", error.Message);
    }

    [Fact]
    public async Task Empty_allowed_hosts_without_debug_warns_at_startup_and_answers_400()
    {
        var (app, logs) = await Build(new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Common] });
        await using (app)
        {
            Assert.Contains("ALLOWED_HOSTS is empty and DEBUG is off", Assert.Single(Logged(logs, 10)));
            Assert.Equal(400, (int)(await Get(app, "/plain/")).StatusCode);
        }
    }

    [Fact]
    public async Task Allowed_hosts_or_debug_or_no_common_middleware_give_no_warning()
    {
        foreach (var settings in new[]
        {
            new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Common], Hosts = AnyHost },
            new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Common], Hosts = new DjangoHostOptions { Debug = true } },
            new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Security] },
        })
        {
            var (app, logs) = await Build(settings);
            await using (app) Assert.Empty(Logged(logs, 10));
        }
    }

    [Fact]
    public async Task Djangos_url_matching_applies_only_to_a_pipeline_it_composed()
    {
        // /plain/ is mapped with its slash: ASP.NET Core also matches /plain, Django does not.
        var settings = new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Common], Hosts = AnyHost, Common = new DjangoCommonOptions { AppendSlash = false } };
        var (composed, _) = await Build(settings);
        await using (composed) Assert.Equal(404, (int)(await Get(composed, "/plain")).StatusCode);

        var (plain, _) = await Build(settings, before: a => a.UseRouting(), compose: false);
        await using (plain) Assert.Equal(200, (int)(await Get(plain, "/plain")).StatusCode);
    }

    [Fact]
    public void Settings_registered_first_win()
    {
        var services = new ServiceCollection();
        var mine = new DjangoHttpSettings { Hosts = AnyHost };
        services.AddDjangoHttp(mine);
        services.AddDjangoHttp(new DjangoHttpSettings());
        using var provider = services.BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<DjangoHttpSettings>());
        Assert.Same(mine.Limits, provider.GetRequiredService<DjangoRequestLimitOptions>());
        Assert.Single(services, d => d.ServiceType == typeof(DjangoHttpSettings));
    }
}
