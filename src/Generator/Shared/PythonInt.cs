using System.Globalization;
using System.Numerics;

namespace DjangoSettings.Shared;

/// <summary>
/// Python's <c>int(str)</c> in base 10, which Django and DRF use for page numbers, limits, offsets and
/// throttle rates: surrounding Unicode whitespace, an optional sign, any Unicode decimal digits
/// (Arabic-Indic too), single underscores between digits. Everything else is a ValueError.
/// Written for netstandard2.0 so the source generator checks throttle rates with the same parser.
/// </summary>
internal static class PythonInt
{
    /// <summary>Parses, or returns false where Python raises ValueError.</summary>
    public static bool TryParse(string? text, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (text is null) return false;
        int start = 0, end = text.Length;
        while (start < end && IsPythonSpace(text[start])) start++;
        while (end > start && IsPythonSpace(text[end - 1])) end--;
        if (start == end) return false;
        bool negative = false;
        if (text[start] is '+' or '-')
        {
            negative = text[start] == '-';
            start++;
        }
        if (start == end) return false;
        BigInteger result = BigInteger.Zero;
        long small = 0;
        bool big = false;
        bool lastWasDigit = false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c == '_')
            {
                // Only between two digits.
                if (!lastWasDigit || i + 1 >= end || text[i + 1] == '_') return false;
                lastWasDigit = false;
                continue;
            }
            int digit = DecimalValue(text, ref i);
            if (digit < 0) return false;
            lastWasDigit = true;
            if (!big && small < long.MaxValue / 10 - 9)
            {
                small = small * 10 + digit;
            }
            else
            {
                if (!big)
                {
                    result = small;
                    big = true;
                }
                result = result * 10 + digit;
            }
        }
        if (!lastWasDigit) return false;
        value = big ? result : small;
        if (negative) value = -value;
        return true;
    }

    /// <summary>As <see cref="TryParse(string?, out BigInteger)"/>, saturated to the range of <see cref="long"/>.</summary>
    public static bool TryParse(string? text, out long value)
    {
        if (!TryParse(text, out BigInteger big))
        {
            value = 0;
            return false;
        }
        value = big > long.MaxValue ? long.MaxValue : big < long.MinValue ? long.MinValue : (long)big;
        return true;
    }

    // A decimal digit (Unicode category Nd) at i, astral digits included (i moves past a surrogate pair).
    private static int DecimalValue(string s, ref int i)
    {
        char c = s[i];
        if (c is >= '0' and <= '9') return c - '0';
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            string pair = s.Substring(i, 2);
            if (CharUnicodeInfo.GetUnicodeCategory(pair, 0) != UnicodeCategory.DecimalDigitNumber) return -1;
            int v = (int)CharUnicodeInfo.GetNumericValue(pair, 0);
            i++;
            return v;
        }
        if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.DecimalDigitNumber) return -1;
        return (int)CharUnicodeInfo.GetNumericValue(c);
    }

    /// <summary>Python's <c>str.isspace()</c> as <c>str.strip()</c> uses it.</summary>
    internal static bool IsPythonSpace(char c) => c is (>= '\t' and <= '\r') or (>= '\x1c' and <= ' ') or '\x85' or '\xa0' or '\u1680'
        or (>= '\u2000' and <= '\u200a') or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000';
}
