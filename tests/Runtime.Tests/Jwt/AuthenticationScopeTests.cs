using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Stores;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// Issue 16.2: DRF authenticates in the view, so only endpoints that take part in authorization
/// (and the DRF views marked as such) look at the Authorization header; every failure of that
/// step answers through the app's own pipeline (DRF 401, 503 store_unavailable, or the exception
/// handler's 500), so CORS headers are on it. One authentication log line per request.
/// </summary>
public sealed class AuthenticationScopeTests
{
    private static readonly SimpleJwtOptions Options = SimpleJwtOptions.Defaults("authentication-scope-tests-secret-0123456789");

    private const string Unavailable = "{\"detail\":\"Token store unavailable, try again later.\",\"code\":\"store_unavailable\"}";

    [Fact]
    public async Task Plain_views_not_found_paths_and_token_views_never_touch_the_user_store()
    {
        await using var host = await SampleLikeHost.StartAsync(Options);
        string access = await LoginAsync(host);
        int before = host.Users.Calls;
        int logsBefore = JwtLogLines(host).Length;

        foreach (string bearer in new[] { access, "garbage.token.value", "a b" })
        {
            foreach (var (path, status) in new[] { ("/public/", HttpStatusCode.OK), ("/nope/", HttpStatusCode.NotFound), ("/api/token/unknown/", HttpStatusCode.NotFound) })
            {
                var response = await Send(host, HttpMethod.Get, path, bearer);
                Assert.True(status == response.StatusCode, $"{path} with Bearer {bearer}: {response.StatusCode}");
            }
            // A stale header never blocks the token views (they have no authentication classes).
            var verify = await Send(host, HttpMethod.Post, "/api/token/verify/", bearer, "{\"token\":\"" + access + "\"}");
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        }
        Assert.Equal(before, host.Users.Calls);
        Assert.Equal(logsBefore, JwtLogLines(host).Length);

        // Control: the protected view does look the user up.
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, "/api/me/", access)).StatusCode);
        Assert.Equal(before + 1, host.Users.Calls);
    }

    [Fact]
    public async Task A_throwing_user_lookup_answers_through_the_exception_handler_with_cors_headers()
    {
        await using var host = await SampleLikeHost.StartAsync(Options);
        string access = await LoginAsync(host);
        host.Users.Throw = () => new InvalidOperationException("the user table is gone");
        foreach (string path in new[] { "/api/me/", "/api/" })
        {
            var response = await Send(host, HttpMethod.Get, path, access);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal(SampleLikeHost.ServerError, await response.Content.ReadAsStringAsync());
            Assert.Equal(SampleLikeHost.Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        }
    }

    [Fact]
    public async Task An_unavailable_user_store_answers_503_with_retry_after_and_cors_headers()
    {
        await using var host = await SampleLikeHost.StartAsync(Options);
        string access = await LoginAsync(host);
        host.Users.Throw = () => new TokenStoreUnavailableException("database is locked", null);
        foreach (string path in new[] { "/api/me/", "/api/" })
        {
            var response = await Send(host, HttpMethod.Get, path, access);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(Unavailable, await response.Content.ReadAsStringAsync());
            Assert.Equal("1", response.Headers.RetryAfter?.ToString());
            Assert.Equal(SampleLikeHost.Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
    }

    [Fact]
    public async Task Each_authenticated_request_logs_one_line_at_debug_and_names_the_token_right()
    {
        await using var host = await SampleLikeHost.StartAsync(Options);
        string access = await LoginAsync(host);
        foreach (var (path, bearer, status) in new (string, string?, HttpStatusCode)[]
        {
            ("/api/me/", access, HttpStatusCode.OK),
            ("/api/me/", "garbage.token.value", HttpStatusCode.Unauthorized),
            ("/api/me/", null, HttpStatusCode.Unauthorized),
            ("/api/", "garbage.token.value", HttpStatusCode.Unauthorized),
            ("/api/", null, HttpStatusCode.OK),
        })
        {
            int before = JwtLogLines(host).Length;
            var response = await Send(host, HttpMethod.Get, path, bearer);
            Assert.Equal(status, response.StatusCode);
            var lines = JwtLogLines(host)[before..];
            Assert.True(lines.Length == 1, $"{path} with {bearer ?? "no header"}: {lines.Length} lines:\n" + string.Join("\n", lines.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
            // A client sending garbage must not be able to fill the information log.
            Assert.Equal(LogLevel.Debug, lines[0].Level);
            if (status == HttpStatusCode.OK && bearer is not null) Assert.Contains("with an access token", lines[0].Message);
        }
    }

    // Lines about authenticating a request: the SimpleJwt handler and the authentication step
    // (our categories), and the framework's own per-scheme lines (same category as the handler).
    private static (LogLevel Level, string Category, string Message)[] JwtLogLines(SampleLikeHost host) => host.Logs.Entries
        .Where(e => e.Category.StartsWith("DjangoSettings.Jwt.", StringComparison.Ordinal) && !e.Category.EndsWith("Views", StringComparison.Ordinal))
        .Select(e => (e.Level, e.Category, e.Message))
        .ToArray();

    private static async Task<string> LoginAsync(SampleLikeHost host)
    {
        var response = await Send(host, HttpMethod.Post, "/api/token/", null, "{\"username\":\"alice\",\"password\":\"wonderland-123\"}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access").GetString()!;
    }

    private static Task<HttpResponseMessage> Send(SampleLikeHost host, HttpMethod method, string path, string? bearer, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", SampleLikeHost.Origin);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return host.Client.SendAsync(request);
    }
}
