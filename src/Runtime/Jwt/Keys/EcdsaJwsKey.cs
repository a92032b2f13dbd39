using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace DjangoSettings.Jwt;

/// <summary>ES256, ES256K, ES384, ES512 (ES521): ECDSA with JOSE's raw R||S signatures on the algorithm's curve.</summary>
internal sealed class EcdsaJwsKey(JwtAlgorithm algorithm, ECDsa ec, bool hasPrivate) : JwsKey(algorithm)
{
    public override bool CanSign => hasPrivate;

    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Algorithm.EcdsaSignatureBytes) return false;
        try
        {
            // JOSE wants raw R||S, which is .NET's IEEE P1363 format.
            return ec.VerifyData(data, signature, Algorithm.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public override byte[] Sign(byte[] data) => ec.SignData(data, Algorithm.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public override JsonObject PublicJwk()
    {
        ECParameters p = ec.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = Algorithm.CurveName,
            ["x"] = Base64Url.EncodeToString(p.Q.X),
            ["y"] = Base64Url.EncodeToString(p.Q.Y),
        };
    }

    public override void Dispose() => ec.Dispose();
}
