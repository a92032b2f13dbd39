using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Users.Hashers;

/// <summary>
/// The weak hashers old Django databases still hold: salted <c>md5$salt$hex</c> and
/// <c>sha1$salt$hex</c> (digest of salt + password), unsalted <c>sha1$$hex</c>, and unsalted MD5
/// as bare 32 hex digits or <c>md5$$hex</c>.
/// </summary>
internal static class LegacyDigestHash
{
    public const string Md5Algorithm = "md5";
    public const string Sha1Algorithm = "sha1";
    public const string UnsaltedMd5Algorithm = "unsalted_md5";
    public const string UnsaltedSha1Algorithm = "unsalted_sha1";

    public static bool VerifySalted(string algorithm, string password, string encoded)
    {
        string[] parts = encoded.Split('$', 3);
        if (parts.Length != 3 || parts[1].Length == 0) return false;
        string expected = algorithm + "$" + parts[1] + "$" + HexDigest(algorithm, parts[1] + password);
        return FixedTime.Equal(encoded, expected);
    }

    public static bool VerifyUnsaltedSha1(string password, string encoded) =>
        FixedTime.Equal(encoded, "sha1$$" + HexDigest(Sha1Algorithm, password));

    public static bool VerifyUnsaltedMd5(string password, string encoded)
    {
        // Django accepts "md5$$" + hex and compares the bare hex.
        string hex = encoded.Length == 37 ? encoded.Substring(5) : encoded;
        return FixedTime.Equal(hex, HexDigest(Md5Algorithm, password));
    }

    public static string HexDigest(string algorithm, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        // These are Django's legacy formats, not our choice of hash: needed to let old users log in.
#pragma warning disable CA5350, CA5351
        byte[] digest = algorithm == Md5Algorithm ? MD5.HashData(bytes) : SHA1.HashData(bytes);
#pragma warning restore CA5350, CA5351
        return System.Convert.ToHexStringLower(digest);
    }
}
