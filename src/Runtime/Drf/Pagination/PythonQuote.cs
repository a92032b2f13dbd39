using System;
using System.Text;

namespace DjangoSettings.Drf;

/// <summary>
/// Python's <c>urllib.parse.quote</c>/<c>quote_plus</c>: UTF-8, upper-case hex, letters, digits and
/// <c>_.-~</c> always kept, plus the given safe characters.
/// </summary>
internal static class PythonQuote
{
    public static string Quote(string s, string safe)
    {
        StringBuilder? sb = null;
        Span<byte> buffer = stackalloc byte[4];
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 0x80 && (IsAlwaysSafe(c) || safe.Contains(c, StringComparison.Ordinal)))
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(s.Length + 16).Append(s, 0, i);
            int length;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                length = Encoding.UTF8.GetBytes(s.AsSpan(i, 2), buffer);
                i++;
            }
            else
            {
                // A lone surrogate cannot be UTF-8 encoded (Python raises); U+FFFD's bytes stand in.
                length = Encoding.UTF8.GetBytes(char.IsSurrogate(c) ? "\uFFFD" : c.ToString(), buffer);
            }
            for (int k = 0; k < length; k++) sb.Append('%').Append(buffer[k].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb?.ToString() ?? s;
    }

    /// <summary><c>quote_plus(s, safe='')</c>: space as <c>+</c>.</summary>
    public static string QuotePlus(string s) => Quote(s, " ").Replace(' ', '+');

    private static bool IsAlwaysSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~';
}
