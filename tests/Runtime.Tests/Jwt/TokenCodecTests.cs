using System;
using System.Buffers.Text;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>Codec and token-class validation: round trips per algorithm and every refusal of spec §3.1.</summary>
public class TokenCodecTests
{
    internal static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    internal static readonly DjangoUser Alice = new() { Pk = DjangoUserKey.FromInt64(1, DjangoUserKeyType.Integer), Username = "alice", Password = "pbkdf2_sha256$1$s$h", Fields = new System.Collections.Generic.Dictionary<string, object?> { ["id"] = 1L, ["username"] = "alice" } };

    internal static SimpleJwtTokenService Service(SimpleJwtOptions options, DateTimeOffset? now = null) =>
        new(options, new SimpleJwtTokenCodec(options), new ManualClock(now ?? T0), new RandomTokenIdGenerator(), new InMemoryTokenBlacklistStore());

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS384")]
    [InlineData("HS512")]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("PS384")]
    [InlineData("PS512")]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("ES512")]
    public async Task Every_algorithm_round_trips_and_rejects_tampering(string alg)
    {
        var svc = Service(TestKeys.For(alg));
        string token = svc.Encode(svc.ForUser(TokenType.Access, Alice, T0));
        Assert.StartsWith(Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{{\"alg\":\"{alg}\",\"typ\":\"JWT\"}}")) + ".", token);

        var ok = await svc.ValidateAsync(token, TokenType.Access, T0);
        Assert.True(ok.IsValid, ok.Error);
        Assert.Equal("1", ok.Payload!.GetIdentifier("user_id"));

        var parts = token.Split('.');
        string tamperedPayload = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(SpecVectorTests.PayloadJson(token).Replace("\"1\"", "\"2\""))) + "." + parts[2];
        var bad = await svc.ValidateAsync(tamperedPayload, TokenType.Access, T0);
        Assert.Equal(SimpleJwtMessages.TokenInvalid, bad.Error);
        Assert.Equal(JwtDecodeFailure.Signature, bad.Failure);

        byte[] sig = Base64Url.DecodeFromChars(parts[2]);
        sig[sig.Length / 2] ^= 0x01;
        var badSig = await svc.ValidateAsync(parts[0] + "." + parts[1] + "." + Base64Url.EncodeToString(sig), TokenType.Access, T0);
        Assert.Equal(JwtDecodeFailure.Signature, badSig.Failure);

        // The same algorithm with other keys must not verify.
        var other = Service(TestKeys.For(alg, keyIndex: 1));
        Assert.Equal(JwtDecodeFailure.Signature, (await other.ValidateAsync(token, TokenType.Access, T0)).Failure);
    }

    [Fact]
    public async Task Pkcs1_public_keys_are_accepted()
    {
        var (priv, pub) = TestKeys.RsaPkcs1();
        var svc = Service(SimpleJwtOptions.Defaults(priv) with { Algorithm = "RS256", VerifyingKey = pub });
        Assert.True((await svc.ValidateAsync(svc.Encode(svc.ForUser(TokenType.Access, Alice, T0)), TokenType.Access, T0)).IsValid);
    }

    [Fact]
    public async Task Expiry_edges_follow_pyjwt_with_and_without_leeway()
    {
        var svc = Service(SimpleJwtOptions.Defaults("k"));
        string token = svc.Encode(svc.ForUser(TokenType.Access, Alice, T0)); // exp = T0 + 300
        Assert.True((await svc.ValidateAsync(token, TokenType.Access, T0.AddSeconds(299))).IsValid);
        Assert.True((await svc.ValidateAsync(token, TokenType.Access, T0.AddSeconds(299.999))).IsValid);
        var expired = await svc.ValidateAsync(token, TokenType.Access, T0.AddSeconds(300));
        Assert.Equal((SimpleJwtMessages.TokenExpired, JwtDecodeFailure.Expired), (expired.Error, expired.Failure));

        var lenient = Service(SimpleJwtOptions.Defaults("k") with { Leeway = TimeSpan.FromSeconds(30) });
        Assert.True((await lenient.ValidateAsync(token, TokenType.Access, T0.AddSeconds(329))).IsValid);
        Assert.Equal(SimpleJwtMessages.TokenExpired, (await lenient.ValidateAsync(token, TokenType.Access, T0.AddSeconds(330))).Error);

        var combined = Service(SimpleJwtOptions.Defaults("k") with { CombinedInvalidOrExpiredMessage = true });
        Assert.Equal(SimpleJwtMessages.TokenInvalidOrExpired, (await combined.ValidateAsync(token, TokenType.Access, T0.AddSeconds(300))).Error);
    }

    [Fact]
    public async Task Future_iat_and_nbf_are_refused_beyond_leeway()
    {
        var svc = Service(SimpleJwtOptions.Defaults("k"));
        string token = svc.Encode(svc.ForUser(TokenType.Access, Alice, T0));
        var early = await svc.ValidateAsync(token, TokenType.Access, T0.AddSeconds(-1));
        Assert.Equal((SimpleJwtMessages.TokenInvalid, JwtDecodeFailure.NotYetValid), (early.Error, early.Failure));
        Assert.True((await Service(SimpleJwtOptions.Defaults("k") with { Leeway = TimeSpan.FromSeconds(1) }).ValidateAsync(token, TokenType.Access, T0.AddSeconds(-1))).IsValid);

        var nbf = svc.ForUser(TokenType.Access, Alice, T0).Set("nbf", 1_700_000_010L);
        string nbfToken = svc.Encode(nbf);
        Assert.Equal(JwtDecodeFailure.NotYetValid, (await svc.ValidateAsync(nbfToken, TokenType.Access, T0.AddSeconds(9))).Failure);
        Assert.True((await svc.ValidateAsync(nbfToken, TokenType.Access, T0.AddSeconds(10))).IsValid);
    }

    [Fact]
    public async Task Simplejwt_claim_checks_give_django_messages()
    {
        var svc = Service(SimpleJwtOptions.Defaults("k"));
        async Task<string?> Check(TokenClaimsBuilder claims, TokenType type) => (await svc.ValidateAsync(svc.Encode(claims), type, T0)).Error;

        Assert.Equal(SimpleJwtMessages.WrongType, await Check(svc.ForUser(TokenType.Refresh, Alice, T0), TokenType.Access));
        Assert.Equal(SimpleJwtMessages.WrongType, await Check(svc.ForUser(TokenType.Access, Alice, T0), TokenType.Refresh));
        Assert.Null(await Check(svc.ForUser(TokenType.Refresh, Alice, T0), TokenType.Untyped));
        var noType = svc.ForUser(TokenType.Access, Alice, T0);
        noType.Remove("token_type");
        Assert.Equal(SimpleJwtMessages.NoType, await Check(noType, TokenType.Access));
        var numericType = svc.ForUser(TokenType.Access, Alice, T0).Set("token_type", 1L);
        Assert.Equal(SimpleJwtMessages.WrongType, await Check(numericType, TokenType.Access));
        var noJti = svc.ForUser(TokenType.Access, Alice, T0);
        noJti.Remove("jti");
        Assert.Equal(SimpleJwtMessages.NoId, await Check(noJti, TokenType.Access));
        Assert.Equal(SimpleJwtMessages.NoId, await Check(noJti.Set("token_type", "refresh"), TokenType.Refresh));
        var noExp = svc.ForUser(TokenType.Access, Alice, T0);
        noExp.Remove("exp");
        Assert.Equal(SimpleJwtMessages.NoExp, await Check(noExp, TokenType.Access));
        // A float exp passes PyJWT (int() truncates), then simplejwt compares the exact value.
        Assert.Null(await Check(svc.ForUser(TokenType.Access, Alice, T0).Set("exp", 1_700_000_300.5), TokenType.Access));
        Assert.Equal(SimpleJwtMessages.TokenExpired, await Check(svc.ForUser(TokenType.Access, Alice, T0).Set("exp", 1_700_000_000.5), TokenType.Access));
        Assert.Equal(SimpleJwtMessages.TokenInvalid, await Check(svc.ForUser(TokenType.Access, Alice, T0).Set("exp", "1700000900"), TokenType.Access));
        Assert.Equal(SimpleJwtMessages.TokenInvalid, await Check(svc.ForUser(TokenType.Access, Alice, T0).Set("exp", null), TokenType.Access));
        Assert.Equal(SimpleJwtMessages.TokenInvalid, await Check(svc.ForUser(TokenType.Access, Alice, T0).Set("iat", "soon"), TokenType.Access));
    }

    [Fact]
    public async Task Issuer_and_audience_are_checked_only_when_configured()
    {
        var plain = Service(SimpleJwtOptions.Defaults("k"));
        var strict = Service(SimpleJwtOptions.Defaults("k") with { Issuer = "iss-1", Audience = ["a1", "a2"], AudienceIsList = true });
        string withAnyAud = plain.Encode(plain.ForUser(TokenType.Access, Alice, T0).Set("aud", "somebody-else"));
        Assert.True((await plain.ValidateAsync(withAnyAud, TokenType.Access, T0)).IsValid);
        Assert.Equal(JwtDecodeFailure.Issuer, (await strict.ValidateAsync(withAnyAud, TokenType.Access, T0)).Failure);

        string good = strict.Encode(strict.ForUser(TokenType.Access, Alice, T0));
        Assert.True((await strict.ValidateAsync(good, TokenType.Access, T0)).IsValid);
        string oneAud = plain.Encode(plain.ForUser(TokenType.Access, Alice, T0).Set("aud", "a2").Set("iss", "iss-1"));
        Assert.True((await strict.ValidateAsync(oneAud, TokenType.Access, T0)).IsValid);
        string wrongAud = plain.Encode(plain.ForUser(TokenType.Access, Alice, T0).Set("aud", new[] { "x" }).Set("iss", "iss-1"));
        Assert.Equal(JwtDecodeFailure.Audience, (await strict.ValidateAsync(wrongAud, TokenType.Access, T0)).Failure);
        string mixedAud = plain.Encode(plain.ForUser(TokenType.Access, Alice, T0).Set("aud", new object[] { "a1", 5L }).Set("iss", "iss-1"));
        Assert.Equal(JwtDecodeFailure.Audience, (await strict.ValidateAsync(mixedAud, TokenType.Access, T0)).Failure);
        string wrongIss = plain.Encode(plain.ForUser(TokenType.Access, Alice, T0).Set("aud", "a1").Set("iss", "iss-2"));
        Assert.Equal(JwtDecodeFailure.Issuer, (await strict.ValidateAsync(wrongIss, TokenType.Access, T0)).Failure);
    }

    [Fact]
    public void Duplicate_payload_keys_follow_python_last_wins()
    {
        var options = SimpleJwtOptions.Defaults("k");
        using var codec = new SimpleJwtTokenCodec(options);
        string json = "{\"token_type\":\"refresh\",\"exp\":1700000300,\"jti\":\"a\",\"user_id\":1,\"token_type\":\"access\"}";
        string token = Sign(options, json);
        var result = codec.Decode(token, T0);
        Assert.True(result.Succeeded);
        Assert.Equal("access", result.Payload!["token_type"]);
        Assert.Equal("token_type", System.Linq.Enumerable.First(result.Payload).Key);
    }

    [Fact]
    public void Access_from_refresh_copies_claims_in_order_and_renews_identity()
    {
        var ids = new SequentialTokenIds();
        var options = SimpleJwtOptions.Defaults("k");
        var svc = new SimpleJwtTokenService(options, new SimpleJwtTokenCodec(options), new ManualClock(T0), ids, null);
        var refresh = svc.ForUser(TokenType.Refresh, Alice, T0).Set("username", "alice");
        var later = T0.AddHours(2);
        var access = svc.AccessFromRefresh(refresh.ToPayload(), later, later);
        Assert.Equal("{\"token_type\":\"access\",\"exp\":1700007500,\"iat\":1700007200,\"jti\":\"00000000000000000000000000000002\",\"user_id\":\"1\",\"username\":\"alice\"}", access.ToString());
        var legacySvc = new SimpleJwtTokenService(options with { AccessTokenCopiesRefreshIat = true }, new SimpleJwtTokenCodec(options), new ManualClock(T0), ids, null);
        Assert.Equal(1_700_000_000L, legacySvc.AccessFromRefresh(refresh.ToPayload(), later, later)["iat"]);
    }

    [Fact]
    public void Null_claim_names_write_the_python_null_key()
    {
        var options = SimpleJwtOptions.Defaults("k") with { TokenTypeClaim = null, BlacklistEnabled = false };
        var svc = new SimpleJwtTokenService(options, new SimpleJwtTokenCodec(options), new ManualClock(T0), new SequentialTokenIds(), null);
        Assert.StartsWith("{\"null\":\"access\",\"exp\":", svc.NewToken(TokenType.Access, T0).ToString());
    }

    internal static string Sign(SimpleJwtOptions options, string payloadJson, string? headerJson = null)
    {
        string h = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson ?? $"{{\"alg\":\"{options.Algorithm}\",\"typ\":\"JWT\"}}"));
        string p = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        byte[] sig = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.SigningKey), Encoding.ASCII.GetBytes(h + "." + p));
        return h + "." + p + "." + Base64Url.EncodeToString(sig);
    }
}
