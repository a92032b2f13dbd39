using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace DjangoSettings.Sample.Tests;

/// <summary>The seed backend's flows against the sample process: login, protected view, refresh with rotation, logout.</summary>
public sealed class SampleFlowTests
{
    private static readonly Dictionary<string, string?> Superuser = new()
    {
        ["DJANGO_SUPERUSER_USERNAME"] = "alice",
        ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123", ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com",
    };

    [Fact]
    public async Task Login_me_refresh_rotation_replay_and_logout()
    {
        await using var sample = await SampleProcess.StartAsync(Superuser, null, "--create-superuser-from-env");
        var http = sample.Client;

        var login = await http.PostAsJsonAsync("/api/token/", new { username = "alice", password = "wonderland-123" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var pair = await login.Content.ReadFromJsonAsync<JsonElement>();
        string access = pair.GetProperty("access").GetString()!;
        string refresh = pair.GetProperty("refresh").GetString()!;
        Assert.Equal(new[] { "refresh", "access" }, pair.EnumerateObject().Select(p => p.Name));
        // The seed's custom claim, in the access token's payload.
        string payload = System.Text.Encoding.UTF8.GetString(Base64Url(access.Split('.')[1]));
        Assert.Contains("\"username\":\"alice\"", payload);

        var me = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        me.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        var meResponse = await http.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, meResponse.StatusCode);
        Assert.Equal("{\"id\":1,\"username\":\"alice\"}", await meResponse.Content.ReadAsStringAsync());

        var anonymous = await http.GetAsync("/api/me/");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer realm=\"api\"", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal("{\"detail\":\"Authentication credentials were not provided.\"}", await anonymous.Content.ReadAsStringAsync());

        var refreshed = await http.PostAsJsonAsync("/api/token/refresh/", new { refresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var rotated = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        string newRefresh = rotated.GetProperty("refresh").GetString()!;
        Assert.NotEqual(refresh, newRefresh);

        // ROTATE_REFRESH_TOKENS + BLACKLIST_AFTER_ROTATION: the old refresh token is dead.
        var replay = await http.PostAsJsonAsync("/api/token/refresh/", new { refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", await replay.Content.ReadAsStringAsync());

        var logout = await http.PostAsJsonAsync("/api/token/blacklist/", new { refresh = newRefresh });
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal("{}", await logout.Content.ReadAsStringAsync());
        var afterLogout = await http.PostAsJsonAsync("/api/token/refresh/", new { refresh = newRefresh });
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);

        var wrong = await http.PostAsJsonAsync("/api/token/", new { username = "alice", password = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("{\"detail\":\"No active account found with the given credentials\"}", await wrong.Content.ReadAsStringAsync());

        // The outstanding and blacklisted tokens are in Django's own tables of the sample's db.sqlite3.
        Assert.True(System.IO.File.Exists(System.IO.Path.Combine(sample.ContentRoot, "db.sqlite3")));
    }

    [Fact]
    public async Task Preflight_from_an_allowed_origin_and_a_refused_one()
    {
        await using var sample = await SampleProcess.StartAsync();
        var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/token/");
        allowed.Headers.Add("Origin", "http://localhost:5173");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        allowed.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        var r = await sample.Client.SendAsync(allowed);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("http://localhost:5173", r.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", r.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.Equal("600", r.Headers.GetValues("Access-Control-Max-Age").Single());
        Assert.Equal(0, r.Content.Headers.ContentLength);

        var refused = new HttpRequestMessage(HttpMethod.Options, "/api/token/");
        refused.Headers.Add("Origin", "https://evil.example.net");
        refused.Headers.Add("Access-Control-Request-Method", "POST");
        var q = await sample.Client.SendAsync(refused);
        Assert.Equal(HttpStatusCode.OK, q.StatusCode);
        Assert.False(q.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("origin", q.Headers.Vary.Single());

        // A 404 still carries the CORS headers, as Django's responses do.
        var missing = new HttpRequestMessage(HttpMethod.Get, "/nope/");
        missing.Headers.Add("Origin", "http://localhost:3000");
        var m = await sample.Client.SendAsync(missing);
        Assert.Equal(HttpStatusCode.NotFound, m.StatusCode);
        Assert.Equal("http://localhost:3000", m.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task A_missing_secret_stops_the_sample_with_the_settings_line()
    {
        string root = SampleProcess.NewContentRoot();
        try
        {
            var (code, output) = await SampleProcess.RunToExitAsync(new Dictionary<string, string?> { ["DJANGO_SECRET_KEY"] = null }, root);
            Assert.NotEqual(0, code);
            Assert.Contains("cors.settings(12,", output);
            Assert.Contains("DJANGO_SECRET_KEY", output);
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    private static byte[] Base64Url(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return System.Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
