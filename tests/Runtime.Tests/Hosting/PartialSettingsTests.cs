using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
            var line = Assert.Single(lines);
            Assert.Equal("Hosting/fragment.settings: SIMPLE_JWT is not set and no SECRET_KEY is known (neither in the file nor configuration's SECRET_KEY): token authentication is off; no token services, user store or database are registered", line);
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
                "Hosting/assumed-apps.settings: SIMPLE_JWT is not set: simplejwt's defaults apply (5-minute access tokens, 1-day refresh tokens, HS256 signed with SECRET_KEY)",
                "Hosting/assumed-apps.settings: INSTALLED_APPS is not set (or cannot be known at build time): the token blacklist is on, as if rest_framework_simplejwt.token_blacklist were installed (set INSTALLED_APPS without it to turn it off)",
            }, Decisions(logs));
            Assert.True(app.Services.GetRequiredService<SimpleJwtOptions>().BlacklistEnabled);
        }
    }

    private static string[] Decisions(TestLogSink logs) => logs.Entries
        .Where(e => e.Category == DecisionEvent && e.EventId == 102)
        .Select(e => e.Message)
        .ToArray();

    private async Task<(WebApplication App, TestLogSink Logs)> StartAsync(Dictionary<string, string?> configuration, Type? settings = null)
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
        await app.StartAsync();
        return (app, logs);
    }
}
