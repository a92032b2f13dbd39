using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Users.Hashers;

/// <summary>
/// Django's <c>pbkdf2_sha256</c> and <c>pbkdf2_sha1</c>: <c>algorithm$iterations$salt$base64(key)</c>,
/// the key as long as the digest, the salt used as its UTF-8 text.
/// </summary>
internal static class Pbkdf2Hash
{
    public const string Sha256Algorithm = "pbkdf2_sha256";
    public const string Sha1Algorithm = "pbkdf2_sha1";

    public static string Encode(string algorithm, string password, string salt, int iterations)
    {
        var (hashName, length) = algorithm == Sha1Algorithm ? (HashAlgorithmName.SHA1, 20) : (HashAlgorithmName.SHA256, 32);
        byte[] key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), iterations, hashName, length);
        return string.Create(CultureInfo.InvariantCulture, $"{algorithm}${iterations}${salt}${Convert.ToBase64String(key)}");
    }

    /// <summary>Re-encodes with the stored salt and count and compares whole strings, as Django does.</summary>
    public static bool Verify(string algorithm, string password, string encoded)
    {
        string[] parts = encoded.Split('$', 4);
        if (parts.Length != 4 || parts[2].Length == 0) return false;
        // Django parses the count with int(); an oddly written count re-encodes differently and fails
        // the comparison below, exactly as it does there.
        if (!int.TryParse(parts[1], NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out int iterations) || iterations <= 0)
        {
            return false;
        }
        return FixedTime.Equal(encoded, Encode(algorithm, password, parts[2], iterations));
    }
}
