using System;
using System.Security.Cryptography;
using DjangoSettings.Users.Hashers;

namespace DjangoSettings.Users;

/// <summary>
/// Django's password hashers, so users migrated with their <c>auth_user</c> rows keep their passwords.
/// Verifies <c>pbkdf2_sha256</c> (any iteration count), <c>pbkdf2_sha1</c>, <c>argon2</c> (v=19, any
/// variety and cost), <c>bcrypt_sha256</c>, <c>bcrypt</c>, and the legacy <c>sha1</c>, <c>md5</c>,
/// <c>unsalted_sha1</c> and <c>unsalted_md5</c> formats; hashes new passwords with
/// <c>pbkdf2_sha256</c> at Django 3.2's cost, which every Django since 1.4 accepts.
/// </summary>
/// <remarks>
/// Unlike Django, it does not re-hash a verified password whose hasher or cost is outdated
/// (<c>check_password</c>'s <c>setter</c>): the stored hash stays as it is.
/// </remarks>
public sealed class DjangoPasswordHasher : IPasswordHasher
{
    /// <summary>Django 3.2's <c>PBKDF2PasswordHasher.iterations</c>.</summary>
    public const int DefaultIterations = 260_000;

    // Django's RANDOM_STRING_CHARS; 22 of them carry the 128 bits of salt entropy Django 3.2 asks for.
    private const string SaltAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int SaltLength = 22;
    private const char UnusablePrefix = '!';

    private readonly int _iterations;

    /// <summary>Creates a hasher that hashes with <c>pbkdf2_sha256</c> at <paramref name="iterations"/> rounds.</summary>
    /// <param name="iterations">PBKDF2 rounds for <see cref="Hash"/>; verification always uses the count stored in the hash.</param>
    public DjangoPasswordHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        _iterations = iterations;
    }

    /// <summary>The PBKDF2 rounds used by <see cref="Hash"/>.</summary>
    public int Iterations => _iterations;

    /// <inheritdoc />
    public bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrEmpty(encoded) || encoded[0] == UnusablePrefix)
        {
            // Django runs the default hasher anyway so that an unusable password answers as slowly as
            // a wrong one and does not reveal which accounts exist or can log in.
            _ = Hash(RandomNumberGenerator.GetString(SaltAlphabet, 40));
            return false;
        }
        string algorithm = Identify(encoded);
        return algorithm switch
        {
            Pbkdf2Hash.Sha256Algorithm or Pbkdf2Hash.Sha1Algorithm => Pbkdf2Hash.Verify(algorithm, password, encoded),
            BcryptHash.Sha256Algorithm or BcryptHash.PlainAlgorithm => BcryptHash.Verify(algorithm, password, encoded),
            Argon2Hash.Algorithm => Argon2Hash.Verify(password, encoded),
            LegacyDigestHash.Md5Algorithm or LegacyDigestHash.Sha1Algorithm => LegacyDigestHash.VerifySalted(algorithm, password, encoded),
            LegacyDigestHash.UnsaltedSha1Algorithm => LegacyDigestHash.VerifyUnsaltedSha1(password, encoded),
            LegacyDigestHash.UnsaltedMd5Algorithm => LegacyDigestHash.VerifyUnsaltedMd5(password, encoded),
            _ => throw new NotSupportedException($"The Django password hasher {Describe(algorithm, encoded)} is not supported here " +
                "(supported: pbkdf2_sha256, pbkdf2_sha1, argon2, bcrypt_sha256, bcrypt, sha1, md5, unsalted_sha1, unsalted_md5)."),
        };
    }

    /// <inheritdoc />
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Pbkdf2Hash.Encode(Pbkdf2Hash.Sha256Algorithm, password, RandomNumberGenerator.GetString(SaltAlphabet, SaltLength), _iterations);
    }

    /// <summary>Which hasher wrote <paramref name="encoded"/>, by Django's <c>identify_hasher</c> rules.</summary>
    internal static string Identify(string encoded)
    {
        // Ancient Django stored bare MD5 hex, and accepted empty-salt MD5/SHA1.
        if ((encoded.Length == 32 && !encoded.Contains('$')) || (encoded.Length == 37 && encoded.StartsWith("md5$$", StringComparison.Ordinal)))
        {
            return LegacyDigestHash.UnsaltedMd5Algorithm;
        }
        if (encoded.Length == 46 && encoded.StartsWith("sha1$$", StringComparison.Ordinal))
        {
            return LegacyDigestHash.UnsaltedSha1Algorithm;
        }
        int dollar = encoded.IndexOf('$');
        return dollar < 0 ? encoded : encoded.Substring(0, dollar);
    }

    // A value without '$' is not a Django hash at all (maybe a plain-text password): never echo it.
    private static string Describe(string algorithm, string encoded) =>
        encoded.Contains('$') ? "'" + (algorithm.Length > 32 ? algorithm.Substring(0, 32) + "..." : algorithm) + "'" : "(unrecognised format, no '$')";
}
