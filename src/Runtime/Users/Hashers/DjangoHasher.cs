using System;
using System.Security.Cryptography;

namespace DjangoSettings.Users.Hashers;

/// <summary>
/// One entry of <c>PASSWORD_HASHERS</c>: a Django hasher class with its parameters (iterations,
/// cost, ...), able to verify any hash of its algorithm, to encode with its own parameters, to say
/// whether a hash needs re-encoding (<c>must_update</c>) and to spend the missing work on a wrong
/// password (<c>harden_runtime</c>).
/// </summary>
internal abstract class DjangoHasher
{
    // Django's RANDOM_STRING_CHARS; 22 of them carry the 128 bits of salt entropy Django 3.2+ asks for.
    private const string SaltAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int SaltLength = 22;

    /// <summary>The algorithm prefix (<c>pbkdf2_sha256</c>, ...).</summary>
    public abstract string Algorithm { get; }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="encoded"/> (false for a malformed hash).</summary>
    public abstract bool Verify(string password, string encoded);

    /// <summary>A new hash of <paramref name="password"/> with a fresh salt and this hasher's parameters.</summary>
    public abstract string Encode(string password);

    /// <summary>Django's <c>must_update</c>: the hash's parameters differ from this hasher's, or its salt is weak.</summary>
    public virtual bool MustUpdate(string encoded) => false;

    /// <summary>Django's <c>harden_runtime</c>: extra work so a wrong password costs what the current parameters cost.</summary>
    public virtual void HardenRuntime(string password, string encoded)
    {
    }

    /// <summary><c>BasePasswordHasher.salt()</c>: 22 random characters of [A-Za-z0-9].</summary>
    protected static string NewSalt() => RandomNumberGenerator.GetString(SaltAlphabet, SaltLength);

    /// <summary><c>must_update_salt</c>: fewer than 128 bits of entropy (fewer than 22 of the 62 characters).</summary>
    protected static bool WeakSalt(string salt) => salt.Length * Math.Log2(SaltAlphabet.Length) < 128;
}
