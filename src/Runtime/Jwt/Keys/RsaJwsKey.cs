using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace DjangoSettings.Jwt;

/// <summary>RS* (PKCS#1 v1.5) and PS* (PSS, salt as long as the hash) with an RSA key.</summary>
internal sealed class RsaJwsKey(JwtAlgorithm algorithm, RSA rsa, bool hasPrivate) : JwsKey(algorithm)
{
    private RSASignaturePadding Padding => Algorithm.Family == JwtAlgorithmFamily.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;

    public override bool CanSign => hasPrivate;

    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            return rsa.VerifyData(data, signature, Algorithm.Hash, Padding);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public override byte[] Sign(byte[] data) => rsa.SignData(data, Algorithm.Hash, Padding);

    public override JsonObject PublicJwk()
    {
        RSAParameters p = rsa.ExportParameters(false);
        return new JsonObject { ["kty"] = "RSA", ["n"] = Base64Url.EncodeToString(p.Modulus), ["e"] = Base64Url.EncodeToString(p.Exponent) };
    }

    public override void Dispose() => rsa.Dispose();
}
