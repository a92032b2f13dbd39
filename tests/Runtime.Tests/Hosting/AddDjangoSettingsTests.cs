using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Jwt;
using DjangoSettings.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Hosting;

/// <summary>
/// builder.AddDjangoSettings&lt;T&gt;() over a class the real generator filled: the deferred values
/// belong to the host that evaluated them (two hosts in one process never see each other's),
/// the user's own registrations win, and a bad environment stops the host with the file's line.
/// </summary>
public sealed class AddDjangoSettingsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "djangosettings-hosting-" + Guid.NewGuid().ToString("N"));

    public AddDjangoSettingsTests() => Directory.CreateDirectory(_folder);

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

    private WebApplication Build(string origins, string minutes, Action<IServiceCollection>? before = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DJANGO_SECRET_KEY"] = "a-secret-from-configuration-0123456789-abcdefghijklmnop",
            ["CORS_ORIGINS"] = origins,
            ["ACCESS_MINUTES"] = minutes,
            ["DB_FILE"] = "db-" + Guid.NewGuid().ToString("N") + ".sqlite3",
        });
        before?.Invoke(builder.Services);
        builder.AddDjangoSettings<EnvironmentSettings>();
        var app = builder.Build();
        app.UseDjangoCors();
        app.MapGet("/api/ping/", () => "pong");
        return app;
    }

    [Fact]
    public async Task Two_hosts_in_one_process_keep_their_own_values()
    {
        await using var first = Build("https://first.example", "10");
        await using var second = Build("https://second.example,https://other.example", "20");
        await first.StartAsync();
        await second.StartAsync();

        var a = first.Services.GetRequiredService<EnvironmentSettings>();
        var b = second.Services.GetRequiredService<EnvironmentSettings>();
        Assert.NotSame(a, b);
        Assert.Equal(new[] { "https://first.example" }, a.Cors.AllowedOrigins);
        Assert.Equal(new[] { "https://second.example", "https://other.example" }, b.Cors.AllowedOrigins);
        Assert.Equal(TimeSpan.FromMinutes(10), a.SimpleJwt.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromMinutes(20), b.SimpleJwt.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromMinutes(10), first.Services.GetRequiredService<IOptions<SimpleJwtOptions>>().Value.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromMinutes(20), second.Services.GetRequiredService<SimpleJwtOptions>().AccessTokenLifetime);

        // And the compiled CORS policies answer from each host's own origins.
        Assert.Equal("https://first.example", await AllowedOrigin(first, "https://first.example"));
        Assert.Null(await AllowedOrigin(first, "https://second.example"));
        Assert.Equal("https://second.example", await AllowedOrigin(second, "https://second.example"));
        Assert.Null(await AllowedOrigin(second, "https://first.example"));
        Assert.Equal("600", (await Preflight(second, "https://other.example")).Headers.GetValues("Access-Control-Max-Age").Single());
        await first.StopAsync();
        await second.StopAsync();
    }

    [Fact]
    public async Task A_policy_registered_first_wins_over_the_compiled_one()
    {
        var own = DjangoCorsPolicy.Create(new DjangoCorsSettings { AllowAllOrigins = true });
        await using var app = Build("https://first.example", "5", services => services.AddDjangoCors(own));
        Assert.Same(own, app.Services.GetRequiredService<DjangoCorsPolicy>());
        Assert.Single(app.Services.GetServices<DjangoCorsPolicy>());
        await app.StartAsync();
        Assert.Equal("*", await AllowedOrigin(app, "https://anything.example"));
        await app.StopAsync();
    }

    [Fact]
    public void A_bad_environment_value_stops_the_host_with_the_settings_line()
    {
        var error = Assert.Throws<SettingsValidationException>(() => Build("https://first.example/", "5"));
        var origin = Assert.Single(error.Errors, e => e.Id == "DJS0213");
        Assert.Equal("Hosting/from-environment.settings", origin.Path);
        Assert.Equal(5, origin.Line);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, origin.Level);
        Assert.Contains("Hosting/from-environment.settings(5,", error.Message);
    }

    [Fact]
    public void The_generated_class_has_no_settable_static_state()
    {
        var statics = typeof(EnvironmentSettings).GetProperties(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);
        Assert.DoesNotContain(statics, p => p.CanWrite);
        Assert.DoesNotContain(typeof(EnvironmentSettings).GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic),
            f => !f.IsInitOnly && !f.IsLiteral);
        Assert.True(EnvironmentSettings.HasDeferredValues);
        Assert.Equal(new[] { "ACCESS_MINUTES", "CORS_ORIGINS", "DB_FILE", "DJANGO_SECRET_KEY" }, EnvironmentSettings.ConfigurationKeys);
    }

    private static async Task<string?> AllowedOrigin(WebApplication app, string origin)
    {
        var response = await Preflight(app, origin);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }

    private static Task<HttpResponseMessage> Preflight(WebApplication app, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/ping/");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        return app.GetTestClient().SendAsync(request);
    }
}
