using System;
using System.Linq;
using System.Text.Json.Nodes;
using DjangoSettings.Jwt;
using DjangoSettings.UserModels.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Jwt;

/// <summary>
/// The algorithms simplejwt 5.4+ accepts beyond 5.2.2's list, against PyJWT with cryptography: our
/// tokens verify in PyJWT and PyJWT's here, for keys PyJWT generated; the deterministic ones (RS*,
/// EdDSA) are byte-identical.
/// </summary>
public sealed class AlgorithmInteropTests
{
    public static TheoryData<string, string> Algorithms => new()
    {
        { "RS256", "RS256" }, { "PS256", "PS256" }, { "ES256", "ES256" }, { "ES256K", "ES256K" },
        { "ES512", "ES512" }, { "ES521", "ES521" }, { "EdDSA", "EdDSA" }, { "EdDSA", "EdDSA-448" },
    };

    [SkippableTheory]
    [MemberData(nameof(Algorithms))]
    public void Tokens_cross_between_PyJWT_and_the_codec(string algorithm, string keyKind)
    {
        JsonNode keys = PyJwt.Run("keygen", keyKind);
        string privatePem = keys["private"]!.GetValue<string>();
        string publicPem = keys["public"]!.GetValue<string>();
        var options = SimpleJwtOptions.Defaults(privatePem) with { Algorithm = algorithm, VerifyingKey = publicPem };
        using var codec = new SimpleJwtTokenCodec(options);
        var now = DateTimeOffset.UtcNow;
        var claims = new TokenClaimsBuilder().Set("token_type", "access").Set("exp", now.ToUnixTimeSeconds() + 300).Set("iat", now.ToUnixTimeSeconds()).Set("jti", "abc").Set("user_id", "Zo\u00eb");

        string ours = codec.Encode(claims);
        JsonNode verified = PyJwt.Run("verify", algorithm, publicPem, ours);
        Assert.True(verified["ok"]!.GetValue<bool>(), algorithm + ": " + verified.ToJsonString());
        Assert.Equal("Zo\u00eb", verified["claims"]!["user_id"]!.GetValue<string>());

        string theirs = PyJwt.Run("sign", algorithm, privatePem, claims.ToString())["token"]!.GetValue<string>();
        Assert.True(codec.Decode(theirs, now).Succeeded, algorithm + ": PyJWT's token refused");
        Assert.Equal(ours.Split('.')[0], theirs.Split('.')[0]);
        Assert.Equal(ours.Split('.')[1], theirs.Split('.')[1]);
        if (algorithm is "RS256" or "EdDSA") Assert.Equal(theirs, ours);

        // A token signed with another key of the same kind is refused.
        string otherKey = PyJwt.Run("keygen", keyKind)["private"]!.GetValue<string>();
        string forged = PyJwt.Run("sign", algorithm, otherKey, claims.ToString())["token"]!.GetValue<string>();
        Assert.Equal(JwtDecodeFailure.Signature, codec.Decode(forged, now).Failure);
    }

    [Fact]
    public void A_key_on_the_wrong_curve_is_refused_at_startup_naming_the_curve()
    {
        using var p256 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        string pem = p256.ExportSubjectPublicKeyInfoPem();
        var e = Assert.Throws<SimpleJwtConfigurationException>(() =>
            SimpleJwtOptionsFactory.Validate(SimpleJwtOptions.Defaults("") with { Algorithm = "ES256K", VerifyingKey = pem }));
        Assert.Contains("secp256k1", e.Message, StringComparison.Ordinal);
        var rsa = System.Security.Cryptography.RSA.Create(2048).ExportSubjectPublicKeyInfoPem();
        Assert.Contains("Ed25519 or Ed448", Assert.Throws<SimpleJwtConfigurationException>(() =>
            SimpleJwtOptionsFactory.Validate(SimpleJwtOptions.Defaults("") with { Algorithm = "EdDSA", VerifyingKey = rsa })).Message);
        Assert.Contains("ES256K", string.Join(",", SimpleJwtOptionsFactory.SupportedAlgorithms.Where(a => a.StartsWith('E'))), StringComparison.Ordinal);
    }
}
