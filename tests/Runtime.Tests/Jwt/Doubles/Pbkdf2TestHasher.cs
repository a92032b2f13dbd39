using System;
using System.Security.Cryptography;
using System.Text;
using DjangoSettings.Users;

namespace DjangoSettings.Runtime.Tests.Jwt.Doubles;

/// <summary>
/// Test double for <see cref="IPasswordHasher"/> (the real one is another helper's work): Django's
/// <c>pbkdf2_sha256$iterations$salt$hash</c> format, verified in constant time, with few
/// iterations so tests stay fast (the iteration count is stored in the hash, as in Django).
/// </summary>
public sealed class Pbkdf2TestHasher(int iterations = 1000) : IPasswordHasher
{
    public bool Verify(string password, string encoded)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 4) return false;
        if (parts[0] != "pbkdf2_sha256") throw new NotSupportedException($"hasher {parts[0]} is not available");
        byte[] expected = Convert.FromBase64String(parts[3]);
        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(parts[2]), int.Parse(parts[1]), HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    public string Hash(string password)
    {
        string salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(11)).ToLowerInvariant();
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2_sha256${iterations}${salt}${Convert.ToBase64String(hash)}";
    }
}
