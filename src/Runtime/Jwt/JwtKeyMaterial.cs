using System;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace DjangoSettings.Jwt;

/// <summary>
/// The signing and verifying keys for the configured algorithm, imported once. HMAC uses the raw
/// UTF-8 bytes of SIGNING_KEY with no length floor (Django secrets are arbitrary strings; .NET's
/// JWT handlers would refuse short ones). Asymmetric keys are PEM text: RSA and EC through .NET
/// (ES256K's secp256k1 through the platform's OpenSSL or CNG), Ed25519/Ed448 through BouncyCastle.
/// With <c>JWK_URL</c> the verifying key may be left out: keys then come from the JWKS by <c>kid</c>.
/// </summary>
internal sealed class JwtKeyMaterial : IDisposable
{
    private JwtKeyMaterial(JwtAlgorithm algorithm, byte[]? hmacKey, JwsKey? signer, JwsKey? verifier)
    {
        Algorithm = algorithm;
        HmacKey = hmacKey;
        Signer = signer;
        Verifier = verifier;
    }

    public JwtAlgorithm Algorithm { get; }

    public byte[]? HmacKey { get; }

    /// <summary>Private key, or null when SIGNING_KEY is empty (a verify-only service).</summary>
    public JwsKey? Signer { get; }

    /// <summary>The VERIFYING_KEY, or null when keys come from JWK_URL only.</summary>
    public JwsKey? Verifier { get; }

    public static JwtKeyMaterial Create(SimpleJwtOptions options)
    {
        var alg = JwtAlgorithm.Parse(options.Algorithm);
        if (alg.Family == JwtAlgorithmFamily.Hmac)
        {
            string key = options.SigningKey ?? "";
            // PyJWT refuses an HMAC secret that is really an asymmetric key: a sign of a
            // half-changed configuration (ALGORITHM left at HS256 after switching keys).
            if (key.Contains("-----BEGIN ", StringComparison.Ordinal) || key.StartsWith("ssh-rsa", StringComparison.Ordinal))
            {
                throw new SimpleJwtConfigurationException("SIGNING_KEY",
                    $"The specified key is an asymmetric key or x509 certificate and should not be used as an HMAC secret (ALGORITHM is {alg.Name}).");
            }
            return new JwtKeyMaterial(alg, Encoding.UTF8.GetBytes(key), null, null);
        }

        bool jwks = !string.IsNullOrWhiteSpace(options.JwkUrl);
        if (string.IsNullOrWhiteSpace(options.VerifyingKey) && !jwks)
        {
            throw new SimpleJwtConfigurationException("VERIFYING_KEY",
                $"{alg.Name} needs a PEM public key in VERIFYING_KEY, or JWK_URL (Django would answer 500 to every request).");
        }
        JwsKey? signer = null;
        JwsKey? verifier = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(options.VerifyingKey)) verifier = Import(alg, options.VerifyingKey, "VERIFYING_KEY", wantPrivate: false);
            if (!string.IsNullOrWhiteSpace(options.SigningKey)) signer = Import(alg, options.SigningKey, "SIGNING_KEY", wantPrivate: true);
            return new JwtKeyMaterial(alg, null, signer, verifier);
        }
        catch
        {
            signer?.Dispose();
            verifier?.Dispose();
            throw;
        }
    }

    private static JwsKey Import(JwtAlgorithm alg, string pem, string setting, bool wantPrivate)
    {
        if (!pem.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            throw new SimpleJwtConfigurationException(setting, $"{alg.Name} needs PEM key text (-----BEGIN ...-----); got {pem.Length} characters without a PEM header.");
        }
        try
        {
            return alg.Family switch
            {
                JwtAlgorithmFamily.Ecdsa => ImportEc(alg, pem, setting),
                JwtAlgorithmFamily.EdDsa => ImportEdDsa(alg, pem, setting),
                _ => ImportRsa(alg, pem),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException or FormatException or InvalidCastException or InvalidOperationException)
        {
            throw new SimpleJwtConfigurationException(setting, $"could not read the PEM key for {alg.Name}: {ex.Message}");
        }
    }

    private static RsaJwsKey ImportRsa(JwtAlgorithm alg, string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaJwsKey(alg, rsa, HasPrivate(pem));
    }

    private static EcdsaJwsKey ImportEc(JwtAlgorithm alg, string pem, string setting)
    {
        ECDsa ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
        }
        catch (Exception e) when (alg.Name == "ES256K" && e is CryptographicException or PlatformNotSupportedException)
        {
            ec.Dispose();
            throw new SimpleJwtConfigurationException("ALGORITHM",
                $"ES256K signs on the secp256k1 curve, which this platform's cryptography library does not provide ({e.Message}); use ES256 or run on Linux (OpenSSL) or Windows.");
        }
        string? oid = ec.ExportParameters(false).Curve.Oid?.Value;
        if (oid != alg.CurveOid)
        {
            string actual = ec.ExportParameters(false).Curve.Oid?.FriendlyName ?? oid ?? ec.KeySize + " bits";
            ec.Dispose();
            throw new SimpleJwtConfigurationException(setting, $"{alg.Name} needs a {alg.CurveName} key; this key is on {actual}.");
        }
        return new EcdsaJwsKey(alg, ec, HasPrivate(pem));
    }

    private static EdDsaJwsKey ImportEdDsa(JwtAlgorithm alg, string pem, string setting)
    {
        PemFields fields = PemEncoding.Find(pem);
        byte[] der = Convert.FromBase64String(pem[fields.Base64Data]);
        string label = pem[fields.Label];
        AsymmetricKeyParameter key = label.Contains("PRIVATE", StringComparison.Ordinal)
            ? PrivateKeyFactory.CreateKey(der)
            : PublicKeyFactory.CreateKey(der);
        return key switch
        {
            Ed25519PrivateKeyParameters p => new EdDsaJwsKey(alg, p.GeneratePublicKey(), p),
            Ed448PrivateKeyParameters p => new EdDsaJwsKey(alg, p.GeneratePublicKey(), p),
            Ed25519PublicKeyParameters or Ed448PublicKeyParameters => new EdDsaJwsKey(alg, key, null),
            _ => throw new SimpleJwtConfigurationException(setting, $"EdDSA needs an Ed25519 or Ed448 key; this PEM holds a {key.GetType().Name.Replace("Parameters", "", StringComparison.Ordinal)}."),
        };
    }

    private static bool HasPrivate(string pem) => pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal);

    public void Dispose()
    {
        Signer?.Dispose();
        Verifier?.Dispose();
    }
}
