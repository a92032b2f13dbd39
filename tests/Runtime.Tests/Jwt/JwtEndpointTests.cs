using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>Endpoint and authentication behaviour with 5.5.x settings, over TestServer.</summary>
public class JwtEndpointTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow;

    private static SimpleJwtOptions Rotating => SimpleJwtOptions.Defaults("not very secret in tests") with
    {
        RotateRefreshTokens = true,
        BlacklistAfterRotation = true,
        UpdateLastLogin = true,
    };

    internal static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(HttpClient client, string path, object body)
    {
        var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        var response = await client.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    internal static async Task<(string Access, string Refresh)> LoginAsync(HttpClient client)
    {
        var (status, body, _) = await PostAsync(client, "/api/token/", new { username = "alice", password = "wonderland-123" });
        Assert.Equal(HttpStatusCode.OK, status);
        using var doc = JsonDocument.Parse(body);
        return (doc.RootElement.GetProperty("access").GetString()!, doc.RootElement.GetProperty("refresh").GetString()!);
    }

    private static async Task<(HttpStatusCode, string, HttpResponseMessage)> GetAsync(HttpClient client, string path, string? authorization, string header = "Authorization")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null) request.Headers.TryAddWithoutValidation(header, authorization);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task Login_issues_a_5_5_pair_records_the_refresh_and_updates_last_login()
    {
        await using var host = await JwtTestHost.StartAsync(Rotating, new ManualClock(T0));
        var (access, refresh) = await LoginAsync(host.Client);
        string payload = SpecVectorTests.PayloadJson(access);
        long now = T0.ToUnixTimeSeconds();
        Assert.Matches($"^\\{{\"token_type\":\"access\",\"exp\":{now + 300},\"iat\":{now},\"jti\":\"[0-9a-f]{{32}}\",\"user_id\":\"1\",\"username\":\"alice\"\\}}$", payload);
        var row = Assert.Single(host.Blacklist.Outstanding);
        Assert.Equal(refresh, row.Token);
        Assert.Equal((1L, T0.ToUnixTimeSeconds() + 86400), (row.UserId!.Value, row.ExpiresAt.ToUnixTimeSeconds()));
        Assert.Equal(T0, host.Users.Get(1).LastLogin);

        var (status, body, _) = await GetAsync(host.Client, "/api/me/", "Bearer " + access);
        Assert.Equal((HttpStatusCode.OK, "{\"id\":1,\"username\":\"alice\"}"), (status, body));
    }

    [Fact]
    public async Task Rotation_blacklists_the_old_refresh_and_a_replay_gets_django_body()
    {
        var time = new ManualClock(T0);
        await using var host = await JwtTestHost.StartAsync(Rotating, time);
        var (_, refresh) = await LoginAsync(host.Client);
        time.Advance(TimeSpan.FromMinutes(10));
        var (status, body, _) = await PostAsync(host.Client, "/api/token/refresh/", new { refresh });
        Assert.Equal(HttpStatusCode.OK, status);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(new[] { "access", "refresh" }, doc.RootElement.EnumerateObject().Select(p => p.Name));
        string rotated = doc.RootElement.GetProperty("refresh").GetString()!;
        // The new refresh keeps user and custom claims, renews jti/exp/iat, and is recorded.
        var old = JsonDocument.Parse(SpecVectorTests.PayloadJson(refresh)).RootElement;
        var now = JsonDocument.Parse(SpecVectorTests.PayloadJson(rotated)).RootElement;
        Assert.NotEqual(old.GetProperty("jti").GetString(), now.GetProperty("jti").GetString());
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds() + 86400, now.GetProperty("exp").GetInt64());
        Assert.Equal("alice", now.GetProperty("username").GetString());
        Assert.Contains(host.Blacklist.Outstanding, t => t.Token == rotated);

        var (replayStatus, replayBody, replay) = await PostAsync(host.Client, "/api/token/refresh/", new { refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, replayStatus);
        Assert.Equal("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", replayBody);
        Assert.Equal("Bearer realm=\"api\"", replay.Headers.WwwAuthenticate.ToString());
        Assert.Equal("POST, OPTIONS", string.Join(", ", replay.Content.Headers.Allow));

        var (verifyStatus, verifyBody, _) = await PostAsync(host.Client, "/api/token/verify/", new { token = refresh });
        Assert.Equal((HttpStatusCode.BadRequest, "{\"non_field_errors\":[\"Token is blacklisted\"]}"), (verifyStatus, verifyBody));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Client, "/api/token/refresh/", new { refresh = rotated })).Status);
    }

    [Fact]
    public async Task Concurrent_refreshes_of_one_token_rotate_exactly_once()
    {
        await using var host = await JwtTestHost.StartAsync(Rotating, new ManualClock(T0));
        var (_, refresh) = await LoginAsync(host.Client);
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => PostAsync(host.Client, "/api/token/refresh/", new { refresh })));
        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r =>
            Assert.Equal("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", r.Body));
    }

    [Fact]
    public async Task Without_blacklist_after_rotation_the_old_refresh_keeps_working_and_verify_ignores_the_blacklist()
    {
        await using var host = await JwtTestHost.StartAsync(Rotating with { BlacklistAfterRotation = false }, new ManualClock(T0));
        var (_, refresh) = await LoginAsync(host.Client);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Client, "/api/token/refresh/", new { refresh })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Client, "/api/token/refresh/", new { refresh })).Status);
        Assert.Equal((HttpStatusCode.OK, "{}"), ((await PostAsync(host.Client, "/api/token/blacklist/", new { refresh })).Status, (await PostAsync(host.Client, "/api/token/verify/", new { token = refresh })).Body));
        var again = await PostAsync(host.Client, "/api/token/blacklist/", new { refresh });
        Assert.Equal((HttpStatusCode.Unauthorized, "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}"), (again.Status, again.Body));
    }

    [Fact]
    public async Task Without_a_blacklist_store_blacklisting_is_a_no_op()
    {
        await using var host = await JwtTestHost.StartAsync(Rotating, new ManualClock(T0), withBlacklist: false);
        var (_, refresh) = await LoginAsync(host.Client);
        Assert.Equal((HttpStatusCode.OK, "{}"), ((await PostAsync(host.Client, "/api/token/blacklist/", new { refresh })).Status, (await PostAsync(host.Client, "/api/token/blacklist/", new { refresh })).Body));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Client, "/api/token/refresh/", new { refresh })).Status);
        Assert.Empty(host.Blacklist.Outstanding);
    }

    [Fact]
    public async Task Users_that_are_inactive_deleted_or_changed_their_password_are_refused()
    {
        await using var host = await JwtTestHost.StartAsync(Rotating with { CheckRevokeToken = true }, new ManualClock(T0));
        var (access, refresh) = await LoginAsync(host.Client);

        host.Users.Update(1, u => u with { IsActive = false });
        var inactive = await GetAsync(host.Client, "/api/me/", "Bearer " + access);
        Assert.Equal((HttpStatusCode.Unauthorized, "{\"detail\":\"User is inactive\",\"code\":\"user_inactive\"}"), (inactive.Item1, inactive.Item2));
        var refreshInactive = await PostAsync(host.Client, "/api/token/refresh/", new { refresh });
        Assert.Equal((HttpStatusCode.Unauthorized, "{\"detail\":\"No active account found for the given token.\"}"), (refreshInactive.Status, refreshInactive.Body));
        var login = await PostAsync(host.Client, "/api/token/", new { username = "alice", password = "wonderland-123" });
        Assert.Equal((HttpStatusCode.Unauthorized, "{\"detail\":\"No active account found with the given credentials\"}"), (login.Status, login.Body));

        host.Users.Update(1, u => u with { IsActive = true, Password = new Pbkdf2TestHasher().Hash("new password") });
        var changed = await GetAsync(host.Client, "/api/me/", "Bearer " + access);
        Assert.Equal("{\"detail\":\"The user's password has been changed.\",\"code\":\"password_changed\"}", changed.Item2);

        host.Users.Delete(1);
        var deleted = await GetAsync(host.Client, "/api/me/", "Bearer " + access);
        Assert.Equal("{\"detail\":\"User not found\",\"code\":\"user_not_found\"}", deleted.Item2);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(host.Client, "/api/token/refresh/", new { refresh })).Status);
    }

    [Fact]
    public async Task Token_without_user_id_is_not_recognizable()
    {
        await using var host = await JwtTestHost.StartAsync(Rotating, new ManualClock(T0));
        var tokens = host.Tokens;
        string anonymous = tokens.Encode(tokens.NewToken(TokenType.Access, T0));
        var (status, body, _) = await GetAsync(host.Client, "/api/me/", "Bearer " + anonymous);
        Assert.Equal((HttpStatusCode.Unauthorized, "{\"detail\":\"Token contained no recognizable user identification\",\"code\":\"token_not_valid\"}"), (status, body));
    }

    [Fact]
    public async Task Sliding_tokens_obtain_refresh_authenticate_and_stop_at_refresh_exp()
    {
        var time = new ManualClock(T0);
        var options = Rotating with
        {
            EnableSlidingEndpoints = true,
            AuthTokenClasses = [TokenType.Access, TokenType.Sliding],
            SlidingTokenLifetime = TimeSpan.FromMinutes(5),
            SlidingTokenRefreshLifetime = TimeSpan.FromMinutes(12),
        };
        await using var host = await JwtTestHost.StartAsync(options, time);
        var (status, body, _) = await PostAsync(host.Client, "/api/token/sliding/", new { username = "alice", password = "wonderland-123" });
        Assert.Equal(HttpStatusCode.OK, status);
        string token = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host.Client, "/api/me/", "Bearer " + token)).Item1);
        var first = JsonDocument.Parse(SpecVectorTests.PayloadJson(token)).RootElement;

        time.Advance(TimeSpan.FromMinutes(4));
        var refreshed = await PostAsync(host.Client, "/api/token/sliding/refresh/", new { token });
        string token2 = JsonDocument.Parse(refreshed.Body).RootElement.GetProperty("token").GetString()!;
        var second = JsonDocument.Parse(SpecVectorTests.PayloadJson(token2)).RootElement;
        Assert.Equal(first.GetProperty("jti").GetString(), second.GetProperty("jti").GetString());
        Assert.Equal(first.GetProperty("refresh_exp").GetInt64(), second.GetProperty("refresh_exp").GetInt64());
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds() + 300, second.GetProperty("exp").GetInt64());

        time.Advance(TimeSpan.FromMinutes(4)); // 8 min: token2 valid, first token expired
        var expiredFirst = await GetAsync(host.Client, "/api/me/", "Bearer " + token);
        Assert.Equal("{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\",\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"Token is expired\"},{\"token_class\":\"SlidingToken\",\"token_type\":\"sliding\",\"message\":\"Token is expired\"}]}", expiredFirst.Item2);
        var token3 = JsonDocument.Parse((await PostAsync(host.Client, "/api/token/sliding/refresh/", new { token = token2 })).Body).RootElement.GetProperty("token").GetString()!;

        time.Advance(TimeSpan.FromMinutes(4)); // 12 min: refresh_exp reached
        var late = await PostAsync(host.Client, "/api/token/sliding/refresh/", new { token = token3 });
        Assert.Equal((HttpStatusCode.Unauthorized, "{\"detail\":\"Token 'refresh_exp' claim has expired\",\"code\":\"token_not_valid\"}"), (late.Status, late.Body));
    }

    [Fact]
    public async Task Custom_header_name_and_types_are_honoured()
    {
        var options = Rotating with { AuthHeaderName = "HTTP_X_ACCESS_TOKEN", AuthHeaderTypes = ["JWT", "Bearer"] };
        await using var host = await JwtTestHost.StartAsync(options, new ManualClock(T0));
        var (access, _) = await LoginAsync(host.Client);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host.Client, "/api/me/", "JWT " + access, "X-Access-Token")).Item1);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host.Client, "/api/me/", "Bearer " + access, "X-Access-Token")).Item1);
        var (status, body, response) = await GetAsync(host.Client, "/api/me/", "Bearer " + access);
        Assert.Equal((HttpStatusCode.Unauthorized, "{\"detail\":\"Authentication credentials were not provided.\"}"), (status, body));
        Assert.Equal("JWT realm=\"api\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Plain_endpoints_without_authorization_metadata_ignore_bad_tokens()
    {
        await using var host = await JwtTestHost.StartAsync(Rotating, new ManualClock(T0));
        var (status, body, _) = await GetAsync(host.Client, "/public/", "Bearer garbage");
        Assert.Equal((HttpStatusCode.OK, "plain"), (status, body));
        var (anonStatus, _, _) = await GetAsync(host.Client, "/api/", "Bearer garbage");
        Assert.Equal(HttpStatusCode.Unauthorized, anonStatus);
        var login = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/token/")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "garbage") },
            Content = new StringContent("{\"username\":\"alice\",\"password\":\"wonderland-123\"}", Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Authorize_alone_challenges_with_drf_bodies_but_anonymous_views_stay_open()
    {
        await using var host = await JwtTestHost.StartAsync(Rotating, new ManualClock(T0), drfGate: false);
        var (access, refresh) = await LoginAsync(host.Client);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host.Client, "/api/me/", "Bearer " + access)).Item1);
        var (status, body, response) = await GetAsync(host.Client, "/api/me/", "Bearer " + refresh);
        Assert.Equal((HttpStatusCode.Unauthorized, "{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\",\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"Token has wrong type\"}]}"), (status, body));
        Assert.Equal("Bearer realm=\"api\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("{\"detail\":\"Authentication credentials were not provided.\"}", (await GetAsync(host.Client, "/api/me/", null)).Item2);
        // Without UseSimpleJwtAuthentication() ASP.NET Core does not refuse bad tokens on AllowAnonymous endpoints (documented).
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host.Client, "/api/", "Bearer garbage")).Item1);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    [InlineData("HS256")]
    public async Task Shared_keys_are_safe_under_parallel_use(string alg)
    {
        var svc = TokenCodecTests.Service(TestKeys.For(alg), T0);
        var user = TokenCodecTests.Alice;
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            string token = svc.Encode(svc.ForUser(TokenType.Access, user, T0).Set("n", (long)i));
            var r = await svc.ValidateAsync(token, TokenType.Access, T0);
            return r.IsValid && (long)r.Payload!["n"]! == i;
        })));
        Assert.All(results, Assert.True);
    }

    [Fact]
    public async Task Bodies_over_the_hard_cap_are_refused_without_buffering_them()
    {
        // The port's own cap (DjangoRequestLimitOptions.HardBodyCap), set low here: a 413 Django never sends.
        await using var host = await JwtTestHost.StartAsync(Rotating, new ManualClock(T0),
            configure: s => s.AddSingleton(new DjangoSettings.Http.DjangoRequestLimitOptions { HardBodyCap = 1 << 20 }));
        var content = new StringContent("{\"refresh\":\"" + new string('a', (1 << 20) + 10) + "\"}", Encoding.UTF8, "application/json");
        var response = await host.Client.PostAsync("/api/token/refresh/", content);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "{\"detail\":\"Request body too large.\"}"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_json_body_over_DATA_UPLOAD_MAX_MEMORY_SIZE_is_parsed_as_DRF_parses_it()
    {
        // DRF's JSONParser reads the raw stream: Django's 2.5 MiB limit does not apply (spec §6.3).
        await using var host = await JwtTestHost.StartAsync(Rotating, new ManualClock(T0));
        var content = new StringContent("{\"refresh\":\"" + new string('a', 3_000_000) + "\"}", Encoding.UTF8, "application/json");
        var response = await host.Client.PostAsync("/api/token/refresh/", content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0x7b, 0xff, 0x7d }, 400, "{\"detail\":\"JSON parse error - 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte\"}")]
    [InlineData(new byte[] { 0x7b, 0x7d, 0xe2, 0x82 }, 400, "{\"refresh\":[\"This field is required.\"]}")]
    [InlineData(new byte[] { 0xe2 }, 400, "{\"detail\":\"JSON parse error - Expecting value: line 1 column 1 (char 0)\"}")]
    public async Task Undecodable_bodies_behave_like_drf_stream_reading(byte[] body, int status, string expected)
    {
        await using var host = await JwtTestHost.StartAsync(Rotating, new ManualClock(T0));
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var response = await host.Client.PostAsync("/api/token/refresh/", content);
        Assert.Equal((status, expected), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
    }
}
