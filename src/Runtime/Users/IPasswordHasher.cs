namespace DjangoSettings.Users;

/// <summary>Verifies and creates Django-format password hashes (<c>pbkdf2_sha256$...</c> and friends).</summary>
public interface IPasswordHasher
{
    /// <summary>
    /// Checks a password against an encoded hash in constant time. Returns false for a wrong
    /// password or an unusable hash (<c>!</c> prefix).
    /// </summary>
    bool Verify(string password, string encoded);

    /// <summary>Hashes a password with the preferred hasher (the first of <c>PASSWORD_HASHERS</c>).</summary>
    string Hash(string password);

    /// <summary>
    /// Django's <c>check_password</c>: whether the password is right, and whether the stored hash must
    /// be replaced by <see cref="Hash"/> of it (another hasher or other parameters wrote it). The
    /// default implementation never asks for a re-hash.
    /// </summary>
    PasswordCheck Check(string password, string encoded) => new(Verify(password, encoded), false);
}

/// <summary>The outcome of <see cref="IPasswordHasher.Check"/>.</summary>
/// <param name="Verified">The password matches the hash.</param>
/// <param name="MustUpdate">It matches and the hash should be re-encoded with the preferred hasher (Django's setter runs).</param>
public readonly record struct PasswordCheck(bool Verified, bool MustUpdate);
