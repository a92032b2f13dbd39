using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using DjangoSettings.UserModels.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Jwt;

/// <summary>
/// JWK_URL against a JWKS server the test starts (Kestrel on a free port): keys by kid, the cache,
/// refetch on an unknown kid at most once per interval, key rotation, and every JWKS problem a
/// refusal (where PyJWT's client answers 500 for some). Also our own JWKS endpoint, read by PyJWT's
/// PyJWKClient and by Django's simplejwt configured with JWK_URL.
/// </summary>
public sealed class JwksTests
{
    private static readonly (string Private, string Public) KeyOne = RsaPair();
    private static readonly (string Private, string Public) KeyTwo = RsaPair();

    [Fact]
    public async Task Keys_are_found_by_kid_cached_and_refetched_at_a_bounded_rate()
    {
        await using var server = await JwksServer.StartAsync();
        server.Document = Jwks(("k1", KeyOne.Public));
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var codec = Verifier(server, clock);
        string k1 = Mint(KeyOne.Private, "k1", clock.Now);

        Assert.True((await codec.DecodeAsync(k1, clock.Now)).Succeeded);
        Assert.Equal(1, server.Requests);
        Assert.True((await codec.DecodeAsync(k1, clock.Now)).Succeeded);
        Assert.True(codec.Decode(k1, clock.Now).Succeeded);
        Assert.Equal(1, server.Requests);

        // An unknown kid: one refetch, then none within the interval, however many tokens ask.
        string unknown = Mint(KeyTwo.Private, "k2", clock.Now);
        Assert.Equal(JwtDecodeFailure.Signature, (await codec.DecodeAsync(unknown, clock.Now)).Failure);
        Assert.Equal(2, server.Requests);
        for (int i = 0; i < 20; i++) Assert.False((await codec.DecodeAsync(unknown, clock.Now)).Succeeded);
        Assert.Equal(2, server.Requests);

        // The provider rotates in k2: found at the first fetch after the interval.
        server.Document = Jwks(("k1", KeyOne.Public), ("k2", KeyTwo.Public));
        clock.Now += TimeSpan.FromSeconds(11);
        Assert.True((await codec.DecodeAsync(Mint(KeyTwo.Private, "k2", clock.Now), clock.Now)).Succeeded);
        Assert.Equal(3, server.Requests);

        // The cache ages out after five minutes: one fetch, then cached again.
        clock.Now += TimeSpan.FromMinutes(6);
        string fresh = Mint(KeyOne.Private, "k1", clock.Now);
        Assert.True((await codec.DecodeAsync(fresh, clock.Now)).Succeeded);
        Assert.True((await codec.DecodeAsync(fresh, clock.Now)).Succeeded);
        Assert.Equal(4, server.Requests);

        // A token without kid, or with a kid that is not a string, finds no key and costs no fetch.
        Assert.False((await codec.DecodeAsync(Mint(KeyOne.Private, null, clock.Now), clock.Now)).Succeeded);
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public async Task Concurrent_misses_share_one_fetch()
    {
        await using var server = await JwksServer.StartAsync();
        server.Document = Jwks(("k1", KeyOne.Public));
        server.Delay = TimeSpan.FromMilliseconds(300);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var codec = Verifier(server, clock);
        string token = Mint(KeyOne.Private, "k1", clock.Now);
        var results = await Task.WhenAll(Enumerable(50, () => codec.DecodeAsync(token, clock.Now).AsTask()));
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData(404, "{\"detail\":\"Not found\"}")]
    [InlineData(200, "<html>not json</html>")]
    [InlineData(200, "{\"keys\":[]}")]
    [InlineData(200, "[]")]
    [InlineData(200, "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}")]
    [InlineData(200, "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}")]
    [InlineData(200, "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k1\",\"crv\":\"P-256\",\"x\":\"AQAB\",\"y\":\"AQAB\"}]}")]
    public async Task Every_JWKS_problem_is_a_refusal_and_is_not_cached(int status, string body)
    {
        await using var server = await JwksServer.StartAsync();
        server.Status = status;
        server.Document = body;
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var codec = Verifier(server, clock);
        string token = Mint(KeyOne.Private, "k1", clock.Now);
        Assert.Equal(JwtDecodeFailure.Signature, (await codec.DecodeAsync(token, clock.Now)).Failure);
        Assert.Equal(1, server.Requests);
        // Fixed at the provider: usable at the next allowed fetch (nothing bad was cached).
        server.Status = 200;
        server.Document = Jwks(("k1", KeyOne.Public));
        clock.Now += TimeSpan.FromSeconds(11);
        Assert.True((await codec.DecodeAsync(token, clock.Now)).Succeeded);
    }

    [Fact]
    public async Task An_unreachable_provider_is_a_refusal()
    {
        int port = OracleServer.FreePort();
        var options = SimpleJwtOptions.Defaults("") with { Algorithm = "RS256", JwkUrl = $"http://127.0.0.1:{port}/jwks.json", JwksFetchTimeout = TimeSpan.FromSeconds(2) };
        using var codec = new SimpleJwtTokenCodec(options);
        Assert.Equal(JwtDecodeFailure.Signature, (await codec.DecodeAsync(Mint(KeyOne.Private, "k1", DateTimeOffset.UtcNow), DateTimeOffset.UtcNow)).Failure);
    }

    [Fact]
    public async Task Our_JWKS_endpoint_serves_the_verifying_key_and_another_service_verifies_with_it()
    {
        var issuer = SimpleJwtOptions.Defaults(KeyOne.Private) with { Algorithm = "RS256", VerifyingKey = KeyOne.Public, SigningKeyId = "ours-1" };
        await using var app = await JwksServer.StartIssuerAsync(issuer);
        using var http = new HttpClient();
        JsonNode jwks = JsonNode.Parse(await http.GetStringAsync(app.Url))!;
        JsonNode key = jwks["keys"]![0]!;
        Assert.Equal("RSA", key["kty"]!.GetValue<string>());
        Assert.Equal("ours-1", key["kid"]!.GetValue<string>());
        Assert.Equal("sig", key["use"]!.GetValue<string>());
        Assert.Equal("RS256", key["alg"]!.GetValue<string>());

        using var mintingCodec = new SimpleJwtTokenCodec(issuer);
        var now = DateTimeOffset.UtcNow;
        string token = mintingCodec.Encode(Claims(now));
        Assert.StartsWith(Base64("{\"alg\":\"RS256\",\"kid\":\"ours-1\",\"typ\":\"JWT\"}"), token, StringComparison.Ordinal);
        var verifier = SimpleJwtOptions.Defaults("") with { Algorithm = "RS256", JwkUrl = app.Url };
        using var verifyingCodec = new SimpleJwtTokenCodec(verifier);
        Assert.True((await verifyingCodec.DecodeAsync(token, now)).Succeeded);
    }

    [Fact]
    public void Without_a_SigningKeyId_the_kid_is_the_RFC_7638_thumbprint()
    {
        // RFC 7638 §3.1's example key and thumbprint.
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["n"] = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            ["e"] = "AQAB",
        };
        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", JwkSet.Thumbprint(jwk));
        var options = SimpleJwtOptions.Defaults(KeyOne.Private) with { Algorithm = "RS256", VerifyingKey = KeyOne.Public };
        using var codec = new SimpleJwtTokenCodec(options);
        JsonNode document = JsonNode.Parse(JwkSet.Document(codec, options))!;
        JsonObject published = document["keys"]![0]!.AsObject();
        Assert.Equal(JwkSet.Thumbprint(published), published["kid"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => JwkSet.Document(new SimpleJwtTokenCodec(SimpleJwtOptions.Defaults("secret")), SimpleJwtOptions.Defaults("secret")));
    }

    [SkippableFact]
    public async Task PyJWTs_client_and_Djangos_simplejwt_verify_our_tokens_through_our_JWKS()
    {
        PyJwt.Require();
        var issuer = SimpleJwtOptions.Defaults(KeyOne.Private) with { Algorithm = "RS256", VerifyingKey = KeyOne.Public, SigningKeyId = "ours-1" };
        await using var app = await JwksServer.StartIssuerAsync(issuer);
        using var codec = new SimpleJwtTokenCodec(issuer);
        string token = codec.Encode(Claims(DateTimeOffset.UtcNow));
        JsonNode pyjwt = PyJwt.Run("verify-jwks", app.Url, "RS256", token);
        Assert.True(pyjwt["ok"]!.GetValue<bool>(), pyjwt.ToJsonString());

        // simplejwt 5.2.2 with ALGORITHM RS256 and JWK_URL pointing at us: JWTAuthentication finds the user.
        using DjangoProject django = DjangoProject.OnSqlite("bigauto_table").Migrate();
        JsonNode bob = django.Run("create-user", "--password", "pw", "username=bob", "email=bob@example.com");
        var claims = Claims(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1)).Set("user_id", bob["id"]!.GetValue<long>());
        JsonNode accepted = django.Run("--simple-jwt", "ALGORITHM=\"RS256\"", "--simple-jwt", "JWK_URL=" + new JsonArray(app.Url)[0]!.ToJsonString(),
            "--simple-jwt", "SIGNING_KEY=" + new JsonArray(KeyOne.Private)[0]!.ToJsonString(), "authenticate", codec.Encode(claims));
        Assert.True(accepted["ok"]!.GetValue<bool>(), accepted.ToJsonString());
        Assert.Equal("bob", accepted["login"]!.GetValue<string>());
    }

    private static SimpleJwtTokenCodec Verifier(JwksServer server, TimeProvider clock) => new(
        SimpleJwtOptions.Defaults("") with { Algorithm = "RS256", JwkUrl = server.Url, JwksRefetchInterval = TimeSpan.FromSeconds(10) },
        clock, jwksHandler: null, logger: null);

    private static TokenClaimsBuilder Claims(DateTimeOffset now) => new TokenClaimsBuilder()
        .Set("token_type", "access").Set("exp", now.ToUnixTimeSeconds() + 300).Set("iat", now.ToUnixTimeSeconds()).Set("jti", "j").Set("user_id", 1L);

    private static string Mint(string privatePem, string? kid, DateTimeOffset now)
    {
        using var codec = new SimpleJwtTokenCodec(SimpleJwtOptions.Defaults(privatePem) with
        {
            Algorithm = "RS256",
            VerifyingKey = KeyOne.Public,
            SigningKeyId = kid,
        });
        return codec.Encode(Claims(now));
    }

    private static string Jwks(params (string Kid, string PublicPem)[] keys)
    {
        var list = new JsonArray();
        foreach (var (kid, pem) in keys)
        {
            using var rsa = System.Security.Cryptography.RSA.Create();
            rsa.ImportFromPem(pem);
            var p = rsa.ExportParameters(false);
            list.Add(new JsonObject
            {
                ["kty"] = "RSA",
                ["kid"] = kid,
                ["use"] = "sig",
                ["n"] = System.Buffers.Text.Base64Url.EncodeToString(p.Modulus),
                ["e"] = System.Buffers.Text.Base64Url.EncodeToString(p.Exponent),
            });
        }
        return new JsonObject { ["keys"] = list }.ToJsonString();
    }

    private static (string Private, string Public) RsaPair()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    private static string Base64(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static System.Collections.Generic.IEnumerable<Task<T>> Enumerable<T>(int count, Func<Task<T>> make)
    {
        for (int i = 0; i < count; i++) yield return Task.Run(make);
    }

    /// <summary>A Kestrel server on a free loopback port: a JWKS the test controls, or an issuer's own JWKS endpoint.</summary>
    private sealed class JwksServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private JwksServer(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public string Document { get; set; } = "{\"keys\":[]}";

        public int Status { get; set; } = 200;

        public TimeSpan Delay { get; set; }

        public int Requests => Volatile.Read(ref _requests);

        public static async Task<JwksServer> StartAsync()
        {
            int port = OracleServer.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            var app = builder.Build();
            var server = new JwksServer(app, $"http://127.0.0.1:{port}/jwks.json");
            app.MapGet("/jwks.json", async (HttpContext context) =>
            {
                Interlocked.Increment(ref server._requests);
                if (server.Delay > TimeSpan.Zero) await Task.Delay(server.Delay);
                context.Response.StatusCode = server.Status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(server.Document);
            });
            await app.StartAsync();
            return server;
        }

        public static async Task<JwksServer> StartIssuerAsync(SimpleJwtOptions options)
        {
            int port = OracleServer.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Services.AddSimpleJwt(options);
            var app = builder.Build();
            app.MapSimpleJwtJwks("/api/token/jwks/");
            await app.StartAsync();
            return new JwksServer(app, $"http://127.0.0.1:{port}/api/token/jwks/");
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
