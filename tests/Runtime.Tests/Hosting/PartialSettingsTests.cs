using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Cors.Support;
using DjangoSettings.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Hosting;

/// <summary>
/// A partial settings file (the CORS lines of settings.py alone) means "the rest lives elsewhere":
/// what the port then does is decided once (docs/porting-guide.md, "What a partial settings file
/// means"), done, and logged at startup with the file's name. Each test checks the log line and
/// that the application really does what the line says.
/// </summary>
public sealed class PartialSettingsTests : IDisposable
{
    private const string DecisionEvent = "DjangoSettings.Hosting.DjangoSettingsStartupLogger";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "djangosettings-partial-" + Guid.NewGuid().ToString("N"));

    public PartialSettingsTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned up by the OS.
        }
    }

    [Fact]
    public async Task Without_SIMPLE_JWT_or_any_SECRET_KEY_token_authentication_is_off_and_the_log_says_so()
    {
        var (app, logs) = await StartAsync(new Dictionary<string, string?>());
        await using (app)
        {
            Assert.Null(app.Services.GetService<SimpleJwtOptions>());
            Assert.Null(app.Services.GetService<ITokenBlacklistStore>());
            var lines = Decisions(logs);
            Assert.Equal(new[] { MiddlewareLine, NoHostsLine, "Hosting/fragment.settings: SIMPLE_JWT is not set and no SECRET_KEY is known (neither in the file nor configuration's SECRET_KEY): token authentication is off; no token services, user store or database are registered" }, lines);
            Assert.False(File.Exists(Path.Combine(_folder, "db.sqlite3")));
        }
    }

    [Fact]
    public async Task With_a_SECRET_KEY_from_configuration_simplejwt_defaults_the_blacklist_and_db_sqlite3_in_the_content_root_apply()
    {
        var (app, logs) = await StartAsync(new Dictionary<string, string?> { ["SECRET_KEY"] = "a-secret-from-configuration-0123456789-abcdefghijklmnop" });
        await using (app)
        {
            var options = app.Services.GetRequiredService<SimpleJwtOptions>();
            Assert.Equal(TimeSpan.FromMinutes(5), options.AccessTokenLifetime);
            Assert.Equal(TimeSpan.FromDays(1), options.RefreshTokenLifetime);
            Assert.True(options.BlacklistEnabled);
            string expected = Path.GetFullPath(Path.Combine(_folder, "db.sqlite3"));
            Assert.Equal(expected, app.Services.GetRequiredService<SqliteDjangoDatabase>().DatabasePath);
            Assert.NotNull(app.Services.GetService<ITokenBlacklistStore>());

            Assert.Equal(new[]
            {
                MiddlewareLine,
                NoHostsLine,
                "Hosting/fragment.settings: SIMPLE_JWT is not set: simplejwt's defaults apply (5-minute access tokens, 1-day refresh tokens, HS256 signed with SECRET_KEY)",
                "Hosting/fragment.settings: SECRET_KEY is not set in the file: it is read from configuration (SECRET_KEY)",
                "Hosting/fragment.settings: INSTALLED_APPS is not set (or cannot be known at build time): the token blacklist is on, as if rest_framework_simplejwt.token_blacklist were installed (set INSTALLED_APPS without it to turn it off)",
                "Hosting/fragment.settings: DATABASES is not set: users and the token blacklist are in the SQLite file " + expected + " (Django's default NAME db.sqlite3 in the content root; EnsureDjangoDatabase() creates Django's tables in it)",
            }, Decisions(logs));
        }
    }

    [Fact]
    public async Task A_connection_string_without_DATABASES_stops_the_host_with_what_to_write()
    {
        var error = await Assert.ThrowsAsync<DatabaseConfigurationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["SECRET_KEY"] = "a-secret-from-configuration-0123456789-abcdefghijklmnop",
            ["ConnectionStrings:Default"] = "Host=db.internal;Database=app",
        }));
        Assert.StartsWith("DATABASES is not set in the settings file, and ConnectionStrings:Default is: name the database with DATABASES['default']['ENGINE']", error.Message);
    }

    [Fact]
    public async Task A_file_that_sets_everything_logs_no_decision_and_blacklisting_follows_its_INSTALLED_APPS()
    {
        var (app, logs) = await StartAsync(new Dictionary<string, string?>
        {
            ["DJANGO_SECRET_KEY"] = "a-secret-from-configuration-0123456789-abcdefghijklmnop",
        }, typeof(CompleteSettings));
        await using (app)
        {
            Assert.Empty(Decisions(logs));
            Assert.Contains(logs.Entries, e => e.EventId == 100 && e.Message == "Django settings compiled from Hosting/complete.settings are in force");
            Assert.False(app.Services.GetRequiredService<SimpleJwtOptions>().BlacklistEnabled);
            Assert.Equal(Path.GetFullPath(Path.Combine(_folder, "app.sqlite3")), app.Services.GetRequiredService<SqliteDjangoDatabase>().DatabasePath);
        }
    }

    [Fact]
    public async Task INSTALLED_APPS_that_cannot_be_known_is_decided_as_absent_and_logged_beside_the_build_warning()
    {
        var (app, logs) = await StartAsync(new Dictionary<string, string?>
        {
            ["DJANGO_SECRET_KEY"] = "a-secret-from-configuration-0123456789-abcdefghijklmnop",
            ["DB_FILE"] = "db.sqlite3",
        }, typeof(AssumedAppsSettings));
        await using (app)
        {
            Assert.Equal(new[]
            {
                MiddlewareLine.Replace("fragment", "assumed-apps", StringComparison.Ordinal),
                NoHostsLine.Replace("fragment", "assumed-apps", StringComparison.Ordinal),
                "Hosting/assumed-apps.settings: SIMPLE_JWT is not set: simplejwt's defaults apply (5-minute access tokens, 1-day refresh tokens, HS256 signed with SECRET_KEY)",
                "Hosting/assumed-apps.settings: INSTALLED_APPS is not set (or cannot be known at build time): the token blacklist is on, as if rest_framework_simplejwt.token_blacklist were installed (set INSTALLED_APPS without it to turn it off)",
            }, Decisions(logs));
            Assert.True(app.Services.GetRequiredService<SimpleJwtOptions>().BlacklistEnabled);
        }
    }

    [Fact]
    public async Task Without_MIDDLEWARE_UseDjangoMiddleware_alone_serves_CORS_first_and_the_hosts_come_from_AllowedHosts()
    {
        var (app, logs) = await StartAsync(new Dictionary<string, string?> { ["AllowedHosts"] = "api.example.com; localhost" }, pipeline: true);
        await using (app)
        {
            Assert.Equal(new[] { MiddlewareLine, "Hosting/fragment.settings: ALLOWED_HOSTS is not set: the hosts come from configuration's AllowedHosts (api.example.com, localhost)" }, Decisions(logs).Take(2));
            var http = app.Services.GetRequiredService<DjangoSettings.Http.DjangoHttpSettings>();
            Assert.Equal(new[] { "corsheaders.middleware.CorsMiddleware" }.Concat(DjangoSettings.Http.DjangoHttpSettings.StartProjectMiddleware), http.Middleware);
            Assert.Equal(new[] { "api.example.com", "localhost" }, http.Hosts.AllowedHosts);
            var client = app.GetTestClient();

            // A preflight from the file's origin, answered by CorsMiddleware before CommonMiddleware's
            // APPEND_SLASH (no route and no slash here) and before the host check, as in Django.
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "http://api.example.com/api/token");
            preflight.Headers.Add("Origin", "http://localhost:3000");
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            var answer = await client.SendAsync(preflight);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("http://localhost:3000", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Equal("true", answer.Headers.GetValues("Access-Control-Allow-Credentials").Single());

            // The rest of startproject's list: the security headers, and a Host outside AllowedHosts is Django's 400.
            using var get = new HttpRequestMessage(HttpMethod.Get, "http://api.example.com/ping/");
            get.Headers.Add("Origin", "http://localhost:3000");
            var ping = await client.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
            Assert.Equal("http://localhost:3000", ping.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Equal("DENY", ping.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", ping.Headers.GetValues("X-Content-Type-Options").Single());
            var refused = await client.GetAsync("http://evil.example.net/ping/");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
    }

    private const string MiddlewareLine = "Hosting/fragment.settings: MIDDLEWARE is not set: app.UseDjangoMiddleware() composes Django 3.2's startproject list with corsheaders.middleware.CorsMiddleware first, as django-cors-headers' README places it (set MIDDLEWARE to choose the order)";

    private const string NoHostsLine = "Hosting/fragment.settings: ALLOWED_HOSTS is not set and configuration has no AllowedHosts: Django's default (none) applies, so CommonMiddleware answers 400 to every request (localhost only with DEBUG); set AllowedHosts (dotnet new templates set \"*\") or ALLOWED_HOSTS";

    private static string[] Decisions(TestLogSink logs) => logs.Entries
        .Where(e => e.Category == DecisionEvent && e.EventId == 102)
        .Select(e => e.Message)
        .ToArray();

    private async Task<(WebApplication App, TestLogSink Logs)> StartAsync(Dictionary<string, string?> configuration, Type? settings = null, bool pipeline = false)
    {
        var logs = new TestLogSink();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(configuration);
        if (settings == typeof(AssumedAppsSettings)) builder.AddDjangoSettings<AssumedAppsSettings>();
        else if (settings == typeof(CompleteSettings)) builder.AddDjangoSettings<CompleteSettings>();
        else builder.AddDjangoSettings<FragmentSettings>();
        var app = builder.Build();
        if (pipeline)
        {
            app.UseDjangoMiddleware();
            app.MapGet("/ping/", () => "pong");
        }
        await app.StartAsync();
        return (app, logs);
    }
}
