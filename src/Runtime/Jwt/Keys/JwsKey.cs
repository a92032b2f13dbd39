using System;
using System.Text.Json.Nodes;

namespace DjangoSettings.Jwt;

/// <summary>
/// An asymmetric key for one JWS algorithm: verifies signatures, signs when it holds the private
/// part, and describes its public part as a JWK (for the JWKS endpoint). Thread-safe.
/// </summary>
internal abstract class JwsKey : IDisposable
{
    protected JwsKey(JwtAlgorithm algorithm) => Algorithm = algorithm;

    public JwtAlgorithm Algorithm { get; }

    /// <summary>Whether the private part is present.</summary>
    public abstract bool CanSign { get; }

    /// <summary>Checks a JOSE signature (raw R||S for ECDSA); false for any malformed one.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    /// <summary>Signs <paramref name="data"/> (throws without the private part).</summary>
    public abstract byte[] Sign(byte[] data);

    /// <summary>The public key as a JWK (<c>kty</c> and the key members, no <c>kid</c>/<c>use</c>/<c>alg</c>).</summary>
    public abstract JsonObject PublicJwk();

    public virtual void Dispose()
    {
    }
}
