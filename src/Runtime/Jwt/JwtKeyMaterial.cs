using System;
using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Jwt;

/// <summary>
/// The signing and verifying keys for the configured algorithm, imported once. HMAC uses the raw
/// UTF-8 bytes of SIGNING_KEY with no length floor (Django secrets are arbitrary strings; .NET's
/// JWT handlers would refuse short ones). Asymmetric keys are PEM text.
/// </summary>
internal sealed class JwtKeyMaterial : IDisposable
{
    private JwtKeyMaterial(JwtAlgorithm algorithm, byte[]? hmacKey, AsymmetricAlgorithm? signer, AsymmetricAlgorithm? verifier)
    {
        Algorithm = algorithm;
        HmacKey = hmacKey;
        Signer = signer;
        Verifier = verifier;
    }

    public JwtAlgorithm Algorithm { get; }

    public byte[]? HmacKey { get; }

    /// <summary>Private key, or null when SIGNING_KEY is empty (a verify-only service).</summary>
    public AsymmetricAlgorithm? Signer { get; }

    public AsymmetricAlgorithm? Verifier { get; }

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

        if (string.IsNullOrWhiteSpace(options.VerifyingKey))
        {
            throw new SimpleJwtConfigurationException("VERIFYING_KEY",
                $"{alg.Name} needs a PEM public key in VERIFYING_KEY (Django would answer 500 to every request).");
        }
        AsymmetricAlgorithm? signer = null;
        AsymmetricAlgorithm? verifier = null;
        try
        {
            verifier = Import(alg, options.VerifyingKey, "VERIFYING_KEY");
            if (!string.IsNullOrWhiteSpace(options.SigningKey))
            {
                signer = Import(alg, options.SigningKey, "SIGNING_KEY");
            }
            return new JwtKeyMaterial(alg, null, signer, verifier);
        }
        catch
        {
            signer?.Dispose();
            verifier?.Dispose();
            throw;
        }
    }

    private static AsymmetricAlgorithm Import(JwtAlgorithm alg, string pem, string setting)
    {
        if (!pem.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            throw new SimpleJwtConfigurationException(setting, $"{alg.Name} needs PEM key text (-----BEGIN ...-----); got {pem.Length} characters without a PEM header.");
        }
        try
        {
            if (alg.Family == JwtAlgorithmFamily.Ecdsa)
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(pem);
                int expected = alg.Name switch { "ES256" => 256, "ES384" => 384, _ => 521 };
                if (ec.KeySize != expected)
                {
                    int actual = ec.KeySize;
                    ec.Dispose();
                    throw new SimpleJwtConfigurationException(setting, $"{alg.Name} needs a {CurveName(alg)} key; this key has {actual} bits.");
                }
                return ec;
            }
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new SimpleJwtConfigurationException(setting, $"could not read the PEM key for {alg.Name}: {ex.Message}");
        }
    }

    private static string CurveName(JwtAlgorithm alg) => alg.Name switch
    {
        "ES256" => "P-256",
        "ES384" => "P-384",
        _ => "P-521",
    };

    public void Dispose()
    {
        Signer?.Dispose();
        Verifier?.Dispose();
    }
}
