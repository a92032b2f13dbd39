using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace DjangoSettings.Users.Hashers;

/// <summary>
/// Django's <c>argon2</c>: <c>argon2</c> followed by argon2-cffi's PHC string,
/// <c>$argon2id$v=19$m=102400,t=2,p=8$salt$hash</c> (unpadded base64). Any variety (i, d, id) and
/// cost verifies, as argon2-cffi's <c>verify</c> accepts them; only version 19 (0x13) is implemented.
/// </summary>
internal static class Argon2Hash
{
    public const string Algorithm = "argon2";

    public static bool Verify(string password, string encoded)
    {
        string[] parts = encoded.Split('$');
        // argon2 | variety | v=19 | m=..,t=..,p=.. | salt | hash
        if (parts.Length == 5 && parts[2].StartsWith("m=", StringComparison.Ordinal))
        {
            // Before argon2-cffi 16 there was no version field: Argon2 1.0 (0x10), which the
            // library here does not implement.
            throw new NotSupportedException("The argon2 hasher's version 0x10 hashes (no 'v=' field) are not supported.");
        }
        if (parts.Length != 6) return false;
        if (parts[2] != "v=19")
        {
            if (parts[2].StartsWith("v=", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"The argon2 hasher's version '{Describe(parts[2])}' is not supported (only v=19).");
            }
            return false;
        }
        if (!TryParseCosts(parts[3], out int memory, out int time, out int lanes)) return false;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(Pad(parts[4]));
            expected = Convert.FromBase64String(Pad(parts[5]));
        }
        catch (FormatException)
        {
            return false;
        }
        if (expected.Length < 4 || salt.Length < 8) return false;

        byte[] secret = Encoding.UTF8.GetBytes(password);
        using Argon2 argon = parts[1] switch
        {
            "argon2id" => new Argon2id(secret),
            "argon2i" => new Argon2i(secret),
            "argon2d" => new Argon2d(secret),
            _ => throw new NotSupportedException($"The argon2 hasher's variety '{Describe(parts[1])}' is not supported."),
        };
        argon.Salt = salt;
        argon.MemorySize = memory;
        argon.Iterations = time;
        argon.DegreeOfParallelism = lanes;
        byte[] actual = argon.GetBytes(expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParseCosts(string text, out int memory, out int time, out int lanes)
    {
        memory = time = lanes = 0;
        foreach (string pair in text.Split(','))
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0 || !int.TryParse(pair.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value <= 0) return false;
            switch (pair.Substring(0, eq))
            {
                case "m": memory = value; break;
                case "t": time = value; break;
                case "p": lanes = value; break;
                default: return false;
            }
        }
        // Argon2 needs at least 8 KiB per lane.
        return time > 0 && lanes > 0 && memory >= 8 * lanes;
    }

    private static string Pad(string b64) => b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');

    private static string Describe(string text) => text.Length > 20 ? text.Substring(0, 20) + "..." : text;
}
