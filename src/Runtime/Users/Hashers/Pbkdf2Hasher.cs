using System;
using System.Globalization;

namespace DjangoSettings.Users.Hashers;

/// <summary><c>PBKDF2PasswordHasher</c> / <c>PBKDF2SHA1PasswordHasher</c> with an iteration count.</summary>
internal sealed class Pbkdf2Hasher(string algorithm, int iterations) : DjangoHasher
{
    public override string Algorithm => algorithm;

    public int Iterations => iterations;

    public override bool Verify(string password, string encoded) => Pbkdf2Hash.Verify(algorithm, password, encoded);

    public override string Encode(string password) => Pbkdf2Hash.Encode(algorithm, password, NewSalt(), iterations);

    public override bool MustUpdate(string encoded)
    {
        string[] parts = encoded.Split('$', 4);
        if (parts.Length != 4) return false;
        // Different, not only lower: Django 3.2 downgrades a 1,000,000-iteration hash to 260,000.
        bool countDiffers = !int.TryParse(parts[1], NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out int stored) || stored != iterations;
        return countDiffers || WeakSalt(parts[2]);
    }

    public override void HardenRuntime(string password, string encoded)
    {
        string[] parts = encoded.Split('$', 4);
        if (parts.Length != 4 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int stored)) return;
        int extra = iterations - stored;
        if (extra > 0) _ = Pbkdf2Hash.Encode(algorithm, password, parts[2], extra);
    }
}
