using System;
using System.Buffers.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace DjangoSettings.Jwt;

/// <summary>
/// EdDSA (RFC 8037) with an Ed25519 or Ed448 key, through BouncyCastle: .NET has no Edwards-curve
/// signatures. Signatures are deterministic, so tokens are byte-identical to PyJWT's for the same key.
/// </summary>
internal sealed class EdDsaJwsKey : JwsKey
{
    private readonly AsymmetricKeyParameter _public;
    private readonly AsymmetricKeyParameter? _private;

    public EdDsaJwsKey(JwtAlgorithm algorithm, AsymmetricKeyParameter publicKey, AsymmetricKeyParameter? privateKey)
        : base(algorithm)
    {
        if (publicKey is not (Ed25519PublicKeyParameters or Ed448PublicKeyParameters))
        {
            throw new ArgumentException("EdDSA needs an Ed25519 or Ed448 key.", nameof(publicKey));
        }
        _public = publicKey;
        _private = privateKey;
    }

    public bool IsEd448 => _public is Ed448PublicKeyParameters;

    public override bool CanSign => _private is not null;

    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != (IsEd448 ? 114 : 64)) return false;
        ISigner verifier = NewSigner();
        verifier.Init(false, _public);
        verifier.BlockUpdate(data);
        return verifier.VerifySignature(signature.ToArray());
    }

    public override byte[] Sign(byte[] data)
    {
        if (_private is null) throw new InvalidOperationException("The EdDSA key has no private part.");
        ISigner signer = NewSigner();
        signer.Init(true, _private);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public override JsonObject PublicJwk() => new()
    {
        ["kty"] = "OKP",
        ["crv"] = IsEd448 ? "Ed448" : "Ed25519",
        ["x"] = Base64Url.EncodeToString(_public is Ed448PublicKeyParameters ed448 ? ed448.GetEncoded() : ((Ed25519PublicKeyParameters)_public).GetEncoded()),
    };

    // A fresh signer per call: BouncyCastle's signers keep state between Init and GenerateSignature.
    private ISigner NewSigner() => IsEd448 ? new Ed448Signer([]) : new Ed25519Signer();
}
