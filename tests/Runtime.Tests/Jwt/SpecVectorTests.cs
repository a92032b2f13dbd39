using System;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// Byte-identical minting against the reference tokens of spec/jwt.md §2.2, which were produced by
/// simplejwt HEAD and 5.2.2 with a frozen clock and jti = UUID ints 1, 2, 3.
/// </summary>
public class SpecVectorTests
{
    private const string Secret = "django-insecure-abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop";
    private static readonly DateTimeOffset Clock = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(6789000);
    private static readonly DjangoUser Alice = new() { Pk = DjangoUserKey.FromInt64(1, DjangoUserKeyType.Integer), Username = "alice", Password = "pbkdf2_sha256$1$x$y", Fields = new System.Collections.Generic.Dictionary<string, object?> { ["id"] = 1L, ["username"] = "alice" } };

    private static (string Refresh, string Access, string Sliding) Mint(SimpleJwtOptions options)
    {
        using var codec = new SimpleJwtTokenCodec(options);
        var service = new SimpleJwtTokenService(options, codec, new ManualClock(Clock), new SequentialTokenIds(), null);
        var refresh = service.ForUser(TokenType.Refresh, Alice, Clock);
        refresh["name"] = "Zoë <&>/";
        string r = service.Encode(refresh);
        string a = service.Encode(service.AccessFromRefresh(refresh, Clock, Clock));
        string s = service.Encode(service.ForUser(TokenType.Sliding, Alice, Clock));
        return (r, a, s);
    }

    [Fact]
    public void Simplejwt_5_5_tokens_are_byte_identical()
    {
        var (r, a, s) = Mint(SimpleJwtOptions.Defaults(Secret));
        Assert.Equal("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCIsImV4cCI6MTcwNDI1MTA0NSwiaWF0IjoxNzA0MTY0NjQ1LCJqdGkiOiIwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMSIsInVzZXJfaWQiOiIxIiwibmFtZSI6IlpvXHUwMGViIDwmPi8ifQ.qi3bGDdMf4N2_0K5WGpq8Qt84p4kGNhV3UFivFZsW2I", r);
        Assert.EndsWith(".7KjwcJfdt0cB_gssr5q-H9RHvYF9-RR6SRQc3mfW6Tw", a);
        Assert.EndsWith(".DZ05ASKaALe1LCCMjuS1LTiwO5wcoEOKLc2xi9pvqzM", s);
        Assert.Equal("{\"token_type\":\"access\",\"exp\":1704164945,\"iat\":1704164645,\"jti\":\"00000000000000000000000000000002\",\"user_id\":\"1\",\"name\":\"Zo\\u00eb <&>/\"}", PayloadJson(a));
        Assert.Equal("{\"token_type\":\"sliding\",\"exp\":1704164945,\"iat\":1704164645,\"jti\":\"00000000000000000000000000000003\",\"refresh_exp\":1704251045,\"user_id\":\"1\"}", PayloadJson(s));
    }

    [Fact]
    public void Simplejwt_5_2_2_tokens_are_byte_identical()
    {
        var (r, a, s) = Mint(SimpleJwtOptions.Defaults(Secret) with { UserIdAsString = false, AccessTokenCopiesRefreshIat = true });
        Assert.EndsWith(".hzZz2oTzn36_2g6k8KI0Y9i2jb2dKJ7JIdw_sVUn8BE", r);
        Assert.EndsWith(".jGhqKNkqwAtlDlYiBEi_mKgtD314vG9KrBkzvVdYq4g", a);
        Assert.EndsWith(".4sDl1wr4qsLQKFcvfREa0p46u_AcQWM1SyD5d9xSs7A", s);
        Assert.Contains("\"user_id\":1,", PayloadJson(r));
    }

    [Fact]
    public void Audience_and_issuer_are_appended_at_encode_time()
    {
        var o = SimpleJwtOptions.Defaults(Secret) with { Audience = ["my-aud"], Issuer = "https://issuer.example" };
        var (r, _, _) = Mint(o);
        Assert.EndsWith(",\"user_id\":\"1\",\"name\":\"Zo\\u00eb <&>/\",\"aud\":\"my-aud\",\"iss\":\"https://issuer.example\"}", PayloadJson(r));
        var list = SimpleJwtOptions.Defaults(Secret) with { Audience = ["a1", "a2"], AudienceIsList = true };
        Assert.Contains(",\"aud\":[\"a1\",\"a2\"]}", PayloadJson(Mint(list).Refresh));
        var sub = SimpleJwtOptions.Defaults(Secret) with { UserIdField = "username", UserIdClaim = "sub" };
        Assert.Contains(",\"sub\":\"alice\",", PayloadJson(Mint(sub).Refresh));
    }

    [Fact]
    public void Revoke_claim_is_upper_case_md5_of_the_password_hash()
    {
        var o = SimpleJwtOptions.Defaults(Secret) with { CheckRevokeToken = true };
        string payload = PayloadJson(Mint(o).Refresh);
        string expected = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(Alice.Password)));
        Assert.Contains($",\"user_id\":\"1\",\"hash_password\":\"{expected}\",", payload);
    }

    internal static string PayloadJson(string token) =>
        System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]));
}
