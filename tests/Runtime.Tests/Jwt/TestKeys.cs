using System.Security.Cryptography;
using DjangoSettings.Jwt;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>Fresh key pairs as PEM text, the form Django settings hold them in.</summary>
internal static class TestKeys
{
    // RSA generation costs ~0.3 s; two cached pairs (index 0 and 1) keep the suite fast.
    private static readonly System.Lazy<(string, string)>[] RsaPairs = [new(() => Rsa()), new(() => Rsa())];

    public static (string Private, string Public) CachedRsa(int index) => RsaPairs[index].Value;

    public static (string Private, string Public) Rsa(int bits = 2048)
    {
        using var rsa = RSA.Create(bits);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    public static (string Private, string Public) RsaPkcs1(int bits = 2048)
    {
        using var rsa = RSA.Create(bits);
        return (rsa.ExportRSAPrivateKeyPem(), rsa.ExportRSAPublicKeyPem());
    }

    public static (string Private, string Public) Ec(string alg)
    {
        var curve = alg switch
        {
            "ES256" => ECCurve.NamedCurves.nistP256,
            "ES384" => ECCurve.NamedCurves.nistP384,
            _ => ECCurve.NamedCurves.nistP521,
        };
        using var ec = ECDsa.Create(curve);
        return (ec.ExportPkcs8PrivateKeyPem(), ec.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>Options for <paramref name="alg"/> with freshly generated keys (HS: a short Django-style secret).</summary>
    public static SimpleJwtOptions For(string alg, int keyIndex = 0)
    {
        if (alg.StartsWith("HS", System.StringComparison.Ordinal)) return SimpleJwtOptions.Defaults(keyIndex == 0 ? "not very secret in tests" : "another secret") with { Algorithm = alg };
        var (priv, pub) = alg.StartsWith("ES", System.StringComparison.Ordinal) ? Ec(alg) : CachedRsa(keyIndex);
        return SimpleJwtOptions.Defaults(priv) with { Algorithm = alg, VerifyingKey = pub };
    }
}
