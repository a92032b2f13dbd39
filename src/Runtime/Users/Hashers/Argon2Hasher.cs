using System;
using System.Text;
using Konscious.Security.Cryptography;

namespace DjangoSettings.Users.Hashers;

/// <summary>
/// <c>Argon2PasswordHasher</c>: argon2id, version 19, with Django 3.2+'s costs (time 2, memory
/// 102400 KiB, parallelism 8, 16-byte hash); the salt is the base64 of the 22-character salt text.
/// </summary>
internal sealed class Argon2Hasher : DjangoHasher
{
    public const int TimeCost = 2;
    public const int MemoryCost = 102_400;
    public const int Parallelism = 8;
    public const int HashLength = 16;

    public override string Algorithm => Argon2Hash.Algorithm;

    public override bool Verify(string password, string encoded) => Argon2Hash.Verify(password, encoded);

    public override string Encode(string password)
    {
        byte[] salt = Encoding.ASCII.GetBytes(NewSalt());
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            Iterations = TimeCost,
            MemorySize = MemoryCost,
            DegreeOfParallelism = Parallelism,
        };
        byte[] hash = argon.GetBytes(HashLength);
        return $"argon2$argon2id$v=19$m={MemoryCost},t={TimeCost},p={Parallelism}${B64(salt)}${B64(hash)}";
    }

    /// <remarks>Any PHC parameter that differs (variety, version, costs, hash length), or a weak salt.</remarks>
    public override bool MustUpdate(string encoded)
    {
        string[] parts = encoded.Split('$');
        if (parts.Length != 6) return true;
        string expectedCosts = $"m={MemoryCost},t={TimeCost},p={Parallelism}";
        byte[] salt, hash;
        try
        {
            salt = Convert.FromBase64String(Pad(parts[4]));
            hash = Convert.FromBase64String(Pad(parts[5]));
        }
        catch (FormatException)
        {
            return true;
        }
        return parts[1] != "argon2id" || parts[2] != "v=19" || !SameCosts(parts[3], expectedCosts)
            || hash.Length != HashLength || WeakSalt(Encoding.Latin1.GetString(salt));
    }

    // argon2-cffi compares parameter values, not their spelling.
    private static bool SameCosts(string stored, string expected)
    {
        var a = stored.Split(',');
        var b = expected.Split(',');
        Array.Sort(a, StringComparer.Ordinal);
        Array.Sort(b, StringComparer.Ordinal);
        return string.Join(',', a) == string.Join(',', b);
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static string Pad(string b64) => b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');

}
