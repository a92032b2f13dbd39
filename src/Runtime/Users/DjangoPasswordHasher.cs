using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using DjangoSettings.Users.Hashers;

namespace DjangoSettings.Users;

/// <summary>
/// Django's password hashers, so users migrated with their rows keep their passwords. Implemented:
/// <c>pbkdf2_sha256</c>, <c>pbkdf2_sha1</c>, <c>argon2</c> (v=19, any variety and cost),
/// <c>bcrypt_sha256</c>, <c>bcrypt</c>, <c>scrypt</c>, and the legacy <c>sha1</c>, <c>md5</c>,
/// <c>unsalted_sha1</c> and <c>unsalted_md5</c> formats.
/// </summary>
/// <remarks>
/// <para>Built from <see cref="DjangoPasswordHasherOptions"/> (what the generated wiring does with
/// <c>PASSWORD_HASHERS</c>), it behaves as Django's <c>check_password</c>: only the listed hashers
/// verify (a hash of any other algorithm is simply wrong), the first one hashes new passwords, and
/// <see cref="Check"/> reports when a verified hash must be re-encoded because another hasher or
/// other parameters wrote it.</para>
/// <para>The parameterless and iteration-count constructors keep the lenient behaviour of earlier
/// versions: every implemented format verifies, a format that is not throws
/// <see cref="NotSupportedException"/> naming it, nothing is ever re-hashed, new hashes are
/// <c>pbkdf2_sha256</c>.</para>
/// </remarks>
public sealed class DjangoPasswordHasher : IPasswordHasher
{
    /// <summary>Django 3.2's <c>PBKDF2PasswordHasher.iterations</c>.</summary>
    public const int DefaultIterations = 260_000;

    private const string RandomChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const char UnusablePrefix = '!';

    private readonly DjangoHasher[] _hashers;
    private readonly bool _strict;

    /// <summary>Creates a lenient hasher that hashes with <c>pbkdf2_sha256</c> at Django 3.2's <see cref="DefaultIterations"/> rounds.</summary>
    public DjangoPasswordHasher()
        : this(DefaultIterations)
    {
    }

    /// <summary>Creates a lenient hasher that hashes with <c>pbkdf2_sha256</c> at <paramref name="iterations"/> rounds.</summary>
    /// <param name="iterations">PBKDF2 rounds for <see cref="Hash"/>; verification always uses the count stored in the hash.</param>
    public DjangoPasswordHasher(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        Iterations = iterations;
        _hashers = AllImplemented(iterations, scryptParallelism: 1);
        _strict = false;
    }

    /// <summary>Creates Django's <c>check_password</c>/<c>make_password</c> for <c>PASSWORD_HASHERS</c> as <paramref name="options"/> give it.</summary>
    /// <exception cref="ArgumentException">An entry this runtime does not implement (e.g. <c>CryptPasswordHasher</c> or a project's own class), or an empty list.</exception>
    public DjangoPasswordHasher(DjangoPasswordHasherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int iterations = options.EffectiveIterations;
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        IReadOnlyList<string> entries = options.EffectiveHashers;
        if (entries.Count == 0) throw new ArgumentException("PASSWORD_HASHERS is empty: Django needs at least one hasher.", nameof(options));
        var all = AllImplemented(iterations, options.ScryptParallelism).ToDictionary(h => h.Algorithm, StringComparer.Ordinal);
        var chosen = new List<DjangoHasher>();
        foreach (string entry in entries)
        {
            string algorithm = DjangoPasswordHasherOptions.AlgorithmOf(entry)
                ?? throw new ArgumentException(
                    $"PASSWORD_HASHERS: '{entry}' is not a Django hasher this runtime implements (Django's PBKDF2, PBKDF2SHA1, Argon2, BCryptSHA256, BCrypt, Scrypt, SHA1, MD5, UnsaltedSHA1, UnsaltedMD5). " +
                    "A project's own subclass of PBKDF2PasswordHasher maps to it with DjangoPasswordHasherOptions.Pbkdf2Iterations.", nameof(options));
            if (chosen.All(h => h.Algorithm != algorithm)) chosen.Add(all[algorithm]);
        }
        _hashers = [.. chosen];
        _strict = true;
        Iterations = iterations;
    }

    /// <summary>The PBKDF2 rounds used for <c>pbkdf2_*</c> hashes written here.</summary>
    public int Iterations { get; }

    /// <summary>The algorithm new passwords are hashed with (the first of <c>PASSWORD_HASHERS</c>).</summary>
    public string PreferredAlgorithm => _hashers[0].Algorithm;

    /// <summary>The algorithms that verify, preferred first.</summary>
    public IReadOnlyList<string> Algorithms => _hashers.Select(h => h.Algorithm).ToArray();

    /// <inheritdoc />
    public bool Verify(string password, string encoded) => Check(password, encoded).Verified;

    /// <inheritdoc />
    /// <remarks>
    /// Django's <c>check_password</c>: an unusable value (<c>!</c>…) runs the preferred hasher once and
    /// fails; a hash no listed hasher identifies fails; otherwise the hash is verified, and a correct
    /// password whose hash came from another hasher or with other parameters is reported for
    /// re-hashing. A wrong password against an outdated hash of the preferred algorithm costs the
    /// work the current parameters would (<c>harden_runtime</c>).
    /// </remarks>
    public PasswordCheck Check(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrEmpty(encoded) || encoded[0] == UnusablePrefix)
        {
            // Django runs the default hasher anyway so that an unusable password answers as slowly as
            // a wrong one and does not reveal which accounts exist or can log in.
            _ = Hash(RandomNumberGenerator.GetString(RandomChars, 40));
            return default;
        }
        string algorithm = Identify(encoded);
        DjangoHasher? hasher = Array.Find(_hashers, h => h.Algorithm == algorithm);
        if (hasher is null)
        {
            // identify_hasher's ValueError: gibberish or a hasher that is not installed.
            if (_strict) return default;
            throw new NotSupportedException($"The Django password hasher {Describe(algorithm, encoded)} is not supported here " +
                "(supported: pbkdf2_sha256, pbkdf2_sha1, argon2, bcrypt_sha256, bcrypt, scrypt, sha1, md5, unsalted_sha1, unsalted_md5).");
        }
        DjangoHasher preferred = _hashers[0];
        bool changed = hasher.Algorithm != preferred.Algorithm;
        bool mustUpdate = _strict && (changed || preferred.MustUpdate(encoded));
        bool correct = hasher.Verify(password, encoded);
        if (!correct && !changed && mustUpdate) hasher.HardenRuntime(password, encoded);
        return new PasswordCheck(correct, correct && mustUpdate);
    }

    /// <inheritdoc />
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return _hashers[0].Encode(password);
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

    private static DjangoHasher[] AllImplemented(int iterations, int scryptParallelism) =>
    [
        new Pbkdf2Hasher(Pbkdf2Hash.Sha256Algorithm, iterations),
        new Pbkdf2Hasher(Pbkdf2Hash.Sha1Algorithm, iterations),
        new Argon2Hasher(),
        new BcryptHasher(BcryptHash.Sha256Algorithm),
        new BcryptHasher(BcryptHash.PlainAlgorithm),
        new ScryptHasher(1 << 14, 8, scryptParallelism),
        new SaltedDigestHasher(LegacyDigestHash.Sha1Algorithm),
        new SaltedDigestHasher(LegacyDigestHash.Md5Algorithm),
        new UnsaltedDigestHasher(LegacyDigestHash.UnsaltedSha1Algorithm),
        new UnsaltedDigestHasher(LegacyDigestHash.UnsaltedMd5Algorithm),
    ];

    // A value without '$' is not a Django hash at all (maybe a plain-text password): never echo it.
    private static string Describe(string algorithm, string encoded) =>
        encoded.Contains('$') ? "'" + (algorithm.Length > 32 ? algorithm.Substring(0, 32) + "..." : algorithm) + "'" : "(unrecognised format, no '$')";
}
