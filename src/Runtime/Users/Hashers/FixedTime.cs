using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Users.Hashers;

/// <summary>Constant-time comparison of encoded hashes (Django's <c>constant_time_compare</c>).</summary>
internal static class FixedTime
{
    public static bool Equal(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
