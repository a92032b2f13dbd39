using System;
using System.Collections.Generic;
using System.Globalization;

namespace DjangoSettings.Users;

/// <summary>
/// <c>PASSWORD_HASHERS</c> and the Django version whose hasher parameters apply: the first hasher
/// hashes every new password, any listed one verifies, and a login whose hash was written by another
/// hasher or with other parameters re-hashes it (Django's <c>check_password</c> setter). Pick the
/// Django version of the project sharing the database, or the two will keep rewriting each other's
/// hashes (PBKDF2 iterations differ per version; Django re-hashes on any difference, down as well).
/// </summary>
/// <remarks>
/// Default iterations of <c>PBKDF2PasswordHasher</c> by Django version: 3.2 260,000; 4.0 320,000;
/// 4.1 390,000; 4.2 600,000; 5.0 720,000; 5.1 870,000; 5.2 1,000,000; 6.0 1,200,000 (Django's
/// release notes). The default list is PBKDF2, PBKDF2-SHA1, Argon2, BCrypt-SHA256, plus Scrypt
/// from 4.0. Argon2 (time 2, memory 102,400 KiB, parallelism 8), bcrypt (12 rounds) and scrypt
/// (N 2^14, r 8, p 1; p 5 from 5.1) take Django's parameters.
/// </remarks>
public sealed record DjangoPasswordHasherOptions
{
    /// <summary>The Django version whose parameters this runtime uses by default (the one Debian 12 ships).</summary>
    public const string DefaultDjangoVersion = "3.2";

    private const string Prefix = "django.contrib.auth.hashers.";

    private static readonly Dictionary<string, string> Algorithms = new(StringComparer.Ordinal)
    {
        [Prefix + "PBKDF2PasswordHasher"] = "pbkdf2_sha256",
        [Prefix + "PBKDF2SHA1PasswordHasher"] = "pbkdf2_sha1",
        [Prefix + "Argon2PasswordHasher"] = "argon2",
        [Prefix + "BCryptSHA256PasswordHasher"] = "bcrypt_sha256",
        [Prefix + "BCryptPasswordHasher"] = "bcrypt",
        [Prefix + "ScryptPasswordHasher"] = "scrypt",
        [Prefix + "SHA1PasswordHasher"] = "sha1",
        [Prefix + "MD5PasswordHasher"] = "md5",
        [Prefix + "UnsaltedSHA1PasswordHasher"] = "unsalted_sha1",
        [Prefix + "UnsaltedMD5PasswordHasher"] = "unsalted_md5",
    };

    private readonly IReadOnlyList<string>? _hashers;

    /// <summary>
    /// <c>PASSWORD_HASHERS</c>: dotted paths of Django's hasher classes (or their algorithm names, e.g.
    /// <c>pbkdf2_sha256</c>), preferred first. Null: Django's default list for <see cref="DjangoVersion"/>.
    /// </summary>
    public IReadOnlyList<string>? Hashers
    {
        get => _hashers;
        init => _hashers = value is null ? null : [.. value];
    }

    /// <summary>The Django version (<c>major.minor</c>, a patch part is ignored) whose defaults apply; default 3.2.</summary>
    public string DjangoVersion { get; init; } = DefaultDjangoVersion;

    /// <summary>PBKDF2 iterations instead of the version's default (a project's own PBKDF2 subclass).</summary>
    public int? Pbkdf2Iterations { get; init; }

    /// <summary>Django's defaults for <paramref name="djangoVersion"/>.</summary>
    public static DjangoPasswordHasherOptions ForDjango(string djangoVersion) => new() { DjangoVersion = djangoVersion };

    /// <summary>The hasher list in force: <see cref="Hashers"/>, or the version's default list.</summary>
    public IReadOnlyList<string> EffectiveHashers => _hashers ?? DefaultHashers(DjangoVersion);

    /// <summary>Django's default <c>PASSWORD_HASHERS</c> for a version.</summary>
    public static IReadOnlyList<string> DefaultHashers(string djangoVersion)
    {
        var list = new List<string>
        {
            Prefix + "PBKDF2PasswordHasher",
            Prefix + "PBKDF2SHA1PasswordHasher",
            Prefix + "Argon2PasswordHasher",
            Prefix + "BCryptSHA256PasswordHasher",
        };
        if (Version(djangoVersion) >= 40) list.Add(Prefix + "ScryptPasswordHasher");
        return list;
    }

    /// <summary><c>PBKDF2PasswordHasher.iterations</c> of a Django version.</summary>
    /// <exception cref="ArgumentException">A version this runtime has no parameters for.</exception>
    public static int DefaultIterations(string djangoVersion) => Version(djangoVersion) switch
    {
        32 => 260_000,
        40 => 320_000,
        41 => 390_000,
        42 => 600_000,
        50 => 720_000,
        51 => 870_000,
        52 => 1_000_000,
        60 => 1_200_000,
        var v => throw new ArgumentException($"Django {djangoVersion} is not a version whose hasher parameters are known here (3.2, 4.0–4.2, 5.0–5.2, 6.0).", nameof(djangoVersion)),
    };

    /// <summary>The algorithm a <c>PASSWORD_HASHERS</c> entry names, or null when this runtime does not implement it.</summary>
    public static string? AlgorithmOf(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Algorithms.TryGetValue(entry, out string? algorithm)) return algorithm;
        return Algorithms.ContainsValue(entry) ? entry : null;
    }

    /// <summary>scrypt's parallelism: 1, and 5 from Django 5.1.</summary>
    internal int ScryptParallelism => Version(DjangoVersion) >= 51 ? 5 : 1;

    /// <summary>PBKDF2 iterations in force.</summary>
    internal int EffectiveIterations => Pbkdf2Iterations ?? DefaultIterations(DjangoVersion);

    // "4.2.11" -> 42; "3.2" -> 32.
    private static int Version(string djangoVersion)
    {
        ArgumentNullException.ThrowIfNull(djangoVersion);
        string[] parts = djangoVersion.Trim().Split('.');
        if (parts.Length < 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor)
            || minor > 9)
        {
            throw new ArgumentException($"'{djangoVersion}' is not a Django version (major.minor, e.g. 4.2).", nameof(djangoVersion));
        }
        return (major * 10) + minor;
    }
}
