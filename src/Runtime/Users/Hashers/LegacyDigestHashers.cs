using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Users.Hashers;

/// <summary><c>MD5PasswordHasher</c> / <c>SHA1PasswordHasher</c>: <c>algorithm$salt$hex(digest(salt + password))</c>.</summary>
internal sealed class SaltedDigestHasher(string algorithm) : DjangoHasher
{
    public override string Algorithm => algorithm;

    public override bool Verify(string password, string encoded) => LegacyDigestHash.VerifySalted(algorithm, password, encoded);

    public override string Encode(string password)
    {
        string salt = NewSalt();
        return algorithm + "$" + salt + "$" + LegacyDigestHash.HexDigest(algorithm, salt + password);
    }

    public override bool MustUpdate(string encoded)
    {
        string[] parts = encoded.Split('$', 3);
        return parts.Length == 3 && WeakSalt(parts[1]);
    }
}

/// <summary><c>UnsaltedMD5PasswordHasher</c> (bare hex, or <c>md5$$hex</c>) and <c>UnsaltedSHA1PasswordHasher</c> (<c>sha1$$hex</c>).</summary>
internal sealed class UnsaltedDigestHasher(string algorithm) : DjangoHasher
{
    public override string Algorithm => algorithm;

    public override bool Verify(string password, string encoded) => algorithm == LegacyDigestHash.UnsaltedMd5Algorithm
        ? LegacyDigestHash.VerifyUnsaltedMd5(password, encoded)
        : LegacyDigestHash.VerifyUnsaltedSha1(password, encoded);

    public override string Encode(string password) => algorithm == LegacyDigestHash.UnsaltedMd5Algorithm
        ? LegacyDigestHash.HexDigest(LegacyDigestHash.Md5Algorithm, password)
        : "sha1$$" + LegacyDigestHash.HexDigest(LegacyDigestHash.Sha1Algorithm, password);
}
