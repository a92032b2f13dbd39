using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;

namespace DjangoSettings.Jwt;

/// <summary>
/// A public JWK (RFC 7517/7518/8037) as a <see cref="JwsKey"/> for one algorithm: <c>RSA</c> (n, e)
/// for RS*/PS*, <c>EC</c> (crv, x, y) on the algorithm's curve for ES*, <c>OKP</c> (Ed25519/Ed448, x)
/// for EdDSA. Anything else, or a malformed member, gives null (the key is skipped).
/// </summary>
internal static class JwkImport
{
    public static JwsKey? TryCreate(JsonElement jwk, JwtAlgorithm algorithm)
    {
        try
        {
            string? kty = Str(jwk, "kty");
            switch (algorithm.Family)
            {
                case JwtAlgorithmFamily.RsaPkcs1 or JwtAlgorithmFamily.RsaPss when kty == "RSA":
                    var rsa = RSA.Create();
                    rsa.ImportParameters(new RSAParameters { Modulus = Bytes(jwk, "n"), Exponent = Bytes(jwk, "e") });
                    return new RsaJwsKey(algorithm, rsa, hasPrivate: false);
                case JwtAlgorithmFamily.Ecdsa when kty == "EC" && Str(jwk, "crv") == algorithm.CurveName:
                    var ec = ECDsa.Create(new ECParameters
                    {
                        Curve = ECCurve.CreateFromValue(algorithm.CurveOid!),
                        Q = new ECPoint { X = Bytes(jwk, "x"), Y = Bytes(jwk, "y") },
                    });
                    return new EcdsaJwsKey(algorithm, ec, hasPrivate: false);
                case JwtAlgorithmFamily.EdDsa when kty == "OKP":
                    byte[] x = Bytes(jwk, "x");
                    return Str(jwk, "crv") switch
                    {
                        "Ed25519" when x.Length == Ed25519PublicKeyParameters.KeySize => new EdDsaJwsKey(algorithm, new Ed25519PublicKeyParameters(x), null),
                        "Ed448" when x.Length == Ed448PublicKeyParameters.KeySize => new EdDsaJwsKey(algorithm, new Ed448PublicKeyParameters(x), null),
                        _ => null,
                    };
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException or InvalidOperationException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static byte[] Bytes(JsonElement jwk, string name) =>
        Base64Url.DecodeFromChars(Str(jwk, name) ?? throw new FormatException($"JWK member '{name}' is missing."));
}
