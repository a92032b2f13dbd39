using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Users.Hashers;

/// <summary><c>BCryptSHA256PasswordHasher</c> / <c>BCryptPasswordHasher</c> with 12 rounds.</summary>
internal sealed class BcryptHasher(string algorithm) : DjangoHasher
{
    public const int Rounds = 12;

    public override string Algorithm => algorithm;

    public override bool Verify(string password, string encoded) => BcryptHash.Verify(algorithm, password, encoded);

    public override string Encode(string password) => Encode(password, BCrypt.Net.BCrypt.GenerateSalt(Rounds, 'b'));

    private string Encode(string password, string salt)
    {
        string input = algorithm == BcryptHash.Sha256Algorithm
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)))
            : password;
        return algorithm + "$" + BCrypt.Net.BCrypt.HashPassword(input, salt);
    }

    public override bool MustUpdate(string encoded) => StoredRounds(encoded) != Rounds;

    public override void HardenRuntime(string password, string encoded)
    {
        int stored = StoredRounds(encoded);
        if (stored <= 0 || stored >= Rounds) return;
        string salt = encoded.Substring(algorithm.Length + 1, 29);
        // Each extra round doubles the work: run the stored cost 2^(difference) − 1 more times.
        for (long diff = (1L << (Rounds - stored)) - 1; diff > 0; diff--)
        {
            try
            {
                _ = Encode(password, salt);
            }
            catch (Exception e) when (e is ArgumentException or BCrypt.Net.SaltParseException)
            {
                return;
            }
        }
    }

    // algorithm, "", "2b", rounds, data = encoded.split("$", 4)
    private static int StoredRounds(string encoded)
    {
        string[] parts = encoded.Split('$', 5);
        return parts.Length == 5 && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int rounds) ? rounds : -1;
    }
}
