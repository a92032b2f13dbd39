using System;
using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Users.Hashers;

/// <summary>
/// Django's <c>bcrypt_sha256</c> (<c>bcrypt_sha256$$2b$12$...</c>: bcrypt over the lower-case hex
/// SHA-256 of the password, so long passwords are not cut at 72 bytes) and plain <c>bcrypt</c>
/// (<c>bcrypt$$2b$12$...</c>: the password itself, truncated at 72 bytes by bcrypt).
/// </summary>
internal static class BcryptHash
{
    public const string Sha256Algorithm = "bcrypt_sha256";
    public const string PlainAlgorithm = "bcrypt";

    public static bool Verify(string algorithm, string password, string encoded)
    {
        string data = encoded.Substring(algorithm.Length + 1);
        // "$2b$12$" + 22 salt + 31 checksum characters.
        if (data.Length != 60 || data[0] != '$') return false;
        string input = algorithm == Sha256Algorithm
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)))
            : password;
        string rehashed;
        try
        {
            // The stored hash doubles as the salt (its first 29 characters), as bcrypt.hashpw does.
            rehashed = BCrypt.Net.BCrypt.HashPassword(input, data);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            // Also EncoderFallbackException: BCrypt.Net encodes strictly, and a lone surrogate (possible
            // through a JSON "\ud800" escape) has no UTF-8 form, so it matches no stored password.
            return false;
        }
        return FixedTime.Equal(encoded, algorithm + "$" + rehashed);
    }
}
