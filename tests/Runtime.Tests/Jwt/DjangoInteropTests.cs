using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// Tokens cross the border both ways with the real simplejwt 5.2.2 + PyJWT 2.6 (oracle jwt_tool.py):
/// Django-minted tokens validate here, ours validate there, and for a fixed clock and jti our bytes
/// equal Django's (HS256 and RS256, whose signatures are deterministic).
/// </summary>
public sealed class DjangoInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jwt-interop-").FullName;
    private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private static readonly DjangoUser Alice = new() { Pk = DjangoUserKey.FromInt64(1, DjangoUserKeyType.Integer), Username = "alice", Password = "pbkdf2_sha256$1$s$h", Fields = new System.Collections.Generic.Dictionary<string, object?> { ["id"] = 1L, ["username"] = "alice" } };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class QueuedIds(params string[] ids) : ITokenIdGenerator
    {
        private readonly Queue<string> _ids = new(ids);

        public string NewId() => _ids.Dequeue();
    }

    private static SimpleJwtTokenService Ours(SimpleJwtOptions o, long now, ITokenIdGenerator? ids = null) =>
        new(o, new SimpleJwtTokenCodec(o), new ManualClock(DateTimeOffset.FromUnixTimeSeconds(now)), ids ?? new RandomTokenIdGenerator(), null);

    private (DjangoJwtTool Tool, SimpleJwtOptions Options) Setup(string alg)
    {
        if (alg == "HS256")
        {
            return (new DjangoJwtTool(RecordedExchange.FixturePath("oracle.settings")), JwtEndpointOracleTests.OracleOptions);
        }
        var (priv, pub) = alg == "RS256" ? TestKeys.CachedRsa(0) : TestKeys.Ec(alg);
        string settings = DjangoJwtTool.WriteSettings(_dir, new Dictionary<string, string>
        {
            ["ALGORITHM"] = DjangoJwtTool.PyString(alg),
            ["SIGNING_KEY"] = DjangoJwtTool.PyString(priv),
            ["VERIFYING_KEY"] = DjangoJwtTool.PyString(pub),
        });
        var options = SimpleJwtOptions.Defaults(priv) with { Algorithm = alg, VerifyingKey = pub, UserIdAsString = false, AccessTokenCopiesRefreshIat = true, CombinedInvalidOrExpiredMessage = true };
        return (new DjangoJwtTool(settings), options);
    }

    [SkippableTheory]
    [InlineData("HS256")]
    [InlineData("RS256")]
    [InlineData("ES256")]
    [InlineData("ES512")]
    public async Task Django_minted_tokens_validate_here(string alg)
    {
        Services.RequireDjangoOracle();
        var (tool, options) = Setup(alg);
        var minted = await tool.MintAsync("1", "alice", Now, "name=\"Zo\\u00eb <&>/ \\ud83d\\ude00\"");
        foreach (var o in new[] { options, options with { UserIdAsString = true, CombinedInvalidOrExpiredMessage = false } })
        {
            var svc = Ours(o, Now);
            var access = await svc.ValidateAsync(minted.GetProperty("access").GetString(), TokenType.Access, DateTimeOffset.FromUnixTimeSeconds(Now));
            Assert.True(access.IsValid, access.Error);
            Assert.Equal("1", access.Payload!.GetIdentifier("user_id"));
            Assert.Equal("Zoë <&>/ 😀", access.Payload.GetString("name"));
            var refresh = await svc.ValidateAsync(minted.GetProperty("refresh").GetString(), TokenType.Refresh, DateTimeOffset.FromUnixTimeSeconds(Now));
            Assert.True(refresh.IsValid, refresh.Error);
            Assert.Equal(minted.GetProperty("refresh_claims").GetProperty("jti").GetString(), refresh.Payload!.GetString("jti"));
            Assert.Equal(SimpleJwtMessages.WrongType, (await svc.ValidateAsync(minted.GetProperty("refresh").GetString(), TokenType.Access, DateTimeOffset.FromUnixTimeSeconds(Now))).Error);
        }
    }

    [SkippableTheory]
    [InlineData("HS256")]
    [InlineData("RS256")]
    [InlineData("ES256")]
    [InlineData("ES512")]
    public async Task Our_tokens_validate_in_django(string alg)
    {
        Services.RequireDjangoOracle();
        var (tool, options) = Setup(alg);
        foreach (var o in new[] { options, options with { UserIdAsString = true } })
        {
            var svc = Ours(o, Now);
            var refresh = svc.ForUser(TokenType.Refresh, Alice, DateTimeOffset.FromUnixTimeSeconds(Now)).Set("username", "alice").Set("name", "Zoë <&>/ 😀");
            string refreshText = svc.Encode(refresh);
            string accessText = svc.Encode(svc.AccessFromRefresh(refresh, DateTimeOffset.FromUnixTimeSeconds(Now), DateTimeOffset.FromUnixTimeSeconds(Now)));

            var a = await tool.VerifyAsync(accessText, "access", Now);
            Assert.True(a.GetProperty("valid").GetBoolean(), a.ToString());
            Assert.Equal("Zoë <&>/ 😀", a.GetProperty("claims").GetProperty("name").GetString());
            if (o.UserIdAsString) continue; // one check of the 5.5.1 string form is enough
            var r = await tool.VerifyAsync(refreshText, "refresh", Now);
            Assert.True(r.GetProperty("valid").GetBoolean(), r.ToString());
            var u = await tool.VerifyAsync(refreshText, "untyped", Now);
            Assert.True(u.GetProperty("valid").GetBoolean(), u.ToString());
        }
        // And Django refuses what we refuse, with its message.
        var svc2 = Ours(options, Now);
        string access2 = svc2.Encode(svc2.ForUser(TokenType.Access, Alice, DateTimeOffset.FromUnixTimeSeconds(Now)));
        var expired = await tool.VerifyAsync(access2, "access", Now + (long)options.AccessTokenLifetime.TotalSeconds);
        Assert.Equal(SimpleJwtMessages.TokenInvalidOrExpired, expired.GetProperty("error").GetString());
        Assert.Equal(SimpleJwtMessages.TokenInvalidOrExpired, (await svc2.ValidateAsync(access2, TokenType.Access, DateTimeOffset.FromUnixTimeSeconds(Now + (long)options.AccessTokenLifetime.TotalSeconds))).Error);
        var wrongType = await tool.VerifyAsync(access2, "refresh", Now);
        Assert.Equal(SimpleJwtMessages.WrongType, wrongType.GetProperty("error").GetString());
    }

    [SkippableTheory]
    [InlineData("HS256")]
    [InlineData("RS256")]
    public async Task Minting_is_byte_identical_for_the_same_clock_and_jti(string alg)
    {
        Services.RequireDjangoOracle();
        var (tool, options) = Setup(alg);
        for (int i = 0; i < 2; i++)
        {
            long now = Now - i * 3601;
            var minted = await tool.MintAsync("1", "alice", now, "name=\"Zo\\u00eb <&>/ \\ud83d\\ude00\\n\\u001f\\u007f\"", "n=1.5e-07", "list=[1,true,null]");
            var ids = new QueuedIds(
                minted.GetProperty("refresh_claims").GetProperty("jti").GetString()!,
                minted.GetProperty("access_claims").GetProperty("jti").GetString()!);
            var svc = Ours(options, now, ids);
            var at = DateTimeOffset.FromUnixTimeSeconds(now);
            var refresh = svc.ForUser(TokenType.Refresh, Alice, at)
                .Set("username", "alice")
                .Set("name", "Zoë <&>/ 😀\n\u001f\u007f")
                .Set("n", 1.5e-07)
                .Set("list", new object?[] { 1L, true, null });
            Assert.Equal(minted.GetProperty("refresh").GetString(), svc.Encode(refresh));
            Assert.Equal(minted.GetProperty("access").GetString(), svc.Encode(svc.AccessFromRefresh(refresh, at, at)));
        }
    }
}
