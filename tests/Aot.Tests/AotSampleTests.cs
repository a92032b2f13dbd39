using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Aot.Tests;

/// <summary>
/// The sample published as a Native AOT binary: the publish is clean (no trim or AOT warnings) and the
/// binary passes the JIT build's end-to-end smoke path: preflight, login, refresh, protected call.
/// </summary>
public sealed class AotSampleTests : IClassFixture<AotPublish>
{
    private static readonly Dictionary<string, string?> Superuser = new()
    {
        ["DJANGO_SUPERUSER_USERNAME"] = "alice",
        ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123", ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com",
    };

    private readonly AotPublish _publish;
    private readonly ITestOutputHelper _log;

    /// <summary>Gets the shared publish.</summary>
    public AotSampleTests(AotPublish publish, ITestOutputHelper log)
    {
        _publish = publish;
        _log = log;
    }

    [SkippableFact]
    public async Task Publish_has_no_trim_or_AOT_warnings_and_ships_the_native_sqlite()
    {
        var result = await PublishedAsync();
        // -warnaserror would have failed the publish already; this names the offending lines if one slips through.
        var ilWarnings = result.Output.Split('\n').Where(l => Regex.IsMatch(l, @"\b(warning|error) IL[23]\d{3}\b")).ToList();
        Assert.Empty(ilWarnings);
        // Release turns Django's deploy checks on (DjangoDeployChecks): the seed's settings get them
        // as warnings, which the sample's project keeps from failing its -warnaserror build.
        Assert.Contains("warning DJS0704: SECURE_HSTS_SECONDS is not set", result.Output);
        Assert.True(File.Exists(result.Binary), "no native binary in " + result.Directory);
        // An ELF executable, not an apphost beside a managed DjangoStyle.dll.
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, File.ReadAllBytes(result.Binary).Take(4).ToArray());
        Assert.False(File.Exists(Path.Combine(result.Directory, "DjangoStyle.dll")));
        // Microsoft.Data.Sqlite's provider (SQLitePCLRaw bundle_e_sqlite3) loads this library next to the binary.
        Assert.True(File.Exists(Path.Combine(result.Directory, "libe_sqlite3.so")), "libe_sqlite3.so is not next to the binary");
    }

    [SkippableFact]
    public async Task Binary_answers_preflight_login_refresh_and_the_protected_view()
    {
        var result = await PublishedAsync();
        await using var sample = await NativeSample.StartAsync(result.Binary, Superuser, "--create-superuser-from-env");
        var http = sample.Client;

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/token/");
        preflight.Headers.Add("Origin", "http://localhost:5173");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        var p = await http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.OK, p.StatusCode);
        Assert.Equal("http://localhost:5173", p.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", p.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.Equal("600", p.Headers.GetValues("Access-Control-Max-Age").Single());

        // Login: the superuser's password went through the Django hasher into SQLite, and back.
        var login = await http.PostAsync("/api/token/", JsonBody("{\"username\":\"alice\",\"password\":\"wonderland-123\"}"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var pair = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        Assert.Equal(new[] { "refresh", "access" }, pair.RootElement.EnumerateObject().Select(x => x.Name));
        string refresh = pair.RootElement.GetProperty("refresh").GetString()!;

        var refreshed = await http.PostAsync("/api/token/refresh/", JsonBody("{\"refresh\":\"" + refresh + "\"}"));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var rotated = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        string access = rotated.RootElement.GetProperty("access").GetString()!;
        Assert.NotEqual(refresh, rotated.RootElement.GetProperty("refresh").GetString());

        // The rotated-away refresh token is blacklisted in SQLite.
        var replay = await http.PostAsync("/api/token/refresh/", JsonBody("{\"refresh\":\"" + refresh + "\"}"));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", await replay.Content.ReadAsStringAsync());

        var me = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        me.Headers.Add("Origin", "http://localhost:5173");
        var meResponse = await http.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, meResponse.StatusCode);
        Assert.Equal("{\"id\":1,\"username\":\"alice\"}", await meResponse.Content.ReadAsStringAsync());
        Assert.Equal("http://localhost:5173", meResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var anonymous = await http.GetAsync("/api/me/");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("{\"detail\":\"Authentication credentials were not provided.\"}", await anonymous.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(sample.ContentRoot, "db.sqlite3")));
    }

    [SkippableFact]
    public async Task Binary_reevaluates_environment_settings_at_startup_and_stops_on_a_missing_secret()
    {
        var result = await PublishedAsync();
        var (code, output) = await NativeSample.RunToExitAsync(result.Binary, new Dictionary<string, string?> { ["DJANGO_SECRET_KEY"] = null });
        Assert.NotEqual(0, code);
        // The compiler core's own check, run again inside the native binary, names the settings line.
        Assert.Contains("cors.settings(12,", output);
        Assert.Contains("DJANGO_SECRET_KEY", output);
    }

    private async Task<AotPublish.Result> PublishedAsync()
    {
        AotPublish.Require();
        var result = await _publish.Published;
        _log.WriteLine($"dotnet publish (AOT): exit {result.ExitCode} in {result.Elapsed.TotalSeconds:F0} s");
        Assert.True(result.ExitCode == 0, "the AOT publish failed:\n" + result.Output);
        return result;
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}
