namespace DjangoSettings.Users;

/// <summary>Verifies and creates Django-format password hashes (<c>pbkdf2_sha256$...</c> and friends).</summary>
public interface IPasswordHasher
{
    /// <summary>
    /// Checks a password against an encoded hash in constant time. Returns false for a wrong
    /// password or an unusable hash (<c>!</c> prefix); throws <see cref="System.NotSupportedException"/>
    /// naming the hasher when the algorithm is not available here.
    /// </summary>
    bool Verify(string password, string encoded);

    /// <summary>Hashes a password the way Django's default hasher (<c>pbkdf2_sha256</c>) does.</summary>
    string Hash(string password);
}
