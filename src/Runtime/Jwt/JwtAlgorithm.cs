using System;
using System.Security.Cryptography;

namespace DjangoSettings.Jwt;

/// <summary>The family of a JWS algorithm.</summary>
internal enum JwtAlgorithmFamily
{
    Hmac,
    RsaPkcs1,
    RsaPss,
    Ecdsa,
    EdDsa,
}

/// <summary>A supported JWS algorithm: its family, hash and (for ECDSA) the curve and signature size.</summary>
internal sealed record JwtAlgorithm(string Name, JwtAlgorithmFamily Family, HashAlgorithmName Hash, int HashBytes, int EcdsaSignatureBytes)
{
    /// <summary>The secp256k1 curve's OID (SEC 2), which ES256K signs on.</summary>
    public const string Secp256k1Oid = "1.3.132.0.10";

    public static bool TryParse(string name, out JwtAlgorithm algorithm)
    {
        // Exact, case-sensitive names, like PyJWT's algorithm table (ES521 is PyJWT's alias of ES512).
        JwtAlgorithm? a = name switch
        {
            "HS256" => new(name, JwtAlgorithmFamily.Hmac, HashAlgorithmName.SHA256, 32, 0),
            "HS384" => new(name, JwtAlgorithmFamily.Hmac, HashAlgorithmName.SHA384, 48, 0),
            "HS512" => new(name, JwtAlgorithmFamily.Hmac, HashAlgorithmName.SHA512, 64, 0),
            "RS256" => new(name, JwtAlgorithmFamily.RsaPkcs1, HashAlgorithmName.SHA256, 32, 0),
            "RS384" => new(name, JwtAlgorithmFamily.RsaPkcs1, HashAlgorithmName.SHA384, 48, 0),
            "RS512" => new(name, JwtAlgorithmFamily.RsaPkcs1, HashAlgorithmName.SHA512, 64, 0),
            "PS256" => new(name, JwtAlgorithmFamily.RsaPss, HashAlgorithmName.SHA256, 32, 0),
            "PS384" => new(name, JwtAlgorithmFamily.RsaPss, HashAlgorithmName.SHA384, 48, 0),
            "PS512" => new(name, JwtAlgorithmFamily.RsaPss, HashAlgorithmName.SHA512, 64, 0),
            "ES256" => new(name, JwtAlgorithmFamily.Ecdsa, HashAlgorithmName.SHA256, 32, 64),
            "ES256K" => new(name, JwtAlgorithmFamily.Ecdsa, HashAlgorithmName.SHA256, 32, 64),
            "ES384" => new(name, JwtAlgorithmFamily.Ecdsa, HashAlgorithmName.SHA384, 48, 96),
            "ES512" or "ES521" => new(name, JwtAlgorithmFamily.Ecdsa, HashAlgorithmName.SHA512, 64, 132),
            "EdDSA" => new(name, JwtAlgorithmFamily.EdDsa, default, 0, 0),
            _ => null,
        };
        algorithm = a!;
        return a is not null;
    }

    public static JwtAlgorithm Parse(string name) => TryParse(name, out var a)
        ? a
        : throw new SimpleJwtConfigurationException("ALGORITHM", $"Unrecognized algorithm type '{name}'.");

    /// <summary>The curve ES* requires (ES512/ES521 are P-521, ES256K secp256k1).</summary>
    public string? CurveOid => Name switch
    {
        "ES256" => ECCurve.NamedCurves.nistP256.Oid.Value,
        "ES256K" => Secp256k1Oid,
        "ES384" => ECCurve.NamedCurves.nistP384.Oid.Value,
        "ES512" or "ES521" => ECCurve.NamedCurves.nistP521.Oid.Value,
        _ => null,
    };

    /// <summary>The curve's name for messages and JWKs (<c>crv</c>).</summary>
    public string? CurveName => Name switch
    {
        "ES256" => "P-256",
        "ES256K" => "secp256k1",
        "ES384" => "P-384",
        "ES512" or "ES521" => "P-521",
        _ => null,
    };
}
