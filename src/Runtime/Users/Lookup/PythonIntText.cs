using System.Globalization;
using System.Numerics;
using System.Text;

namespace DjangoSettings.Users;

/// <summary>
/// Python's <c>int(text, base)</c> for base 16 (what <c>uuid.UUID(hex)</c> ends with; base 10 is
/// <see cref="PythonInt"/>), exactly: surrounding Python white space
/// (Unicode too), a sign, for base 16 an optional <c>0x</c> prefix, digits that may be any Unicode
/// decimal digit (<c>int("١٢")</c> is 12), single underscores between digits. Anything else is the
/// ValueError Python raises (false here).
/// </summary>
internal static class PythonIntText
{
    public static bool TryParse(string text, int radix, out BigInteger value)
    {
        value = BigInteger.Zero;
        // CPython first maps Unicode white space to ' ' and decimal digits to ASCII; any other
        // non-ASCII character makes the text invalid.
        var ascii = new StringBuilder(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            // int() only maps non-ASCII white space; in ASCII only Py_ISSPACE counts (not \x1c-\x1f).
            if (rune.IsAscii ? rune.Value is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' : PythonText.IsSpace(rune)) ascii.Append(' ');
            else if (Rune.IsDigit(rune)) ascii.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            else if (rune.IsAscii) ascii.Append((char)rune.Value);
            else return false;
        }
        string s = ascii.ToString().Trim(' ', '\t', '\n', '\v', '\f', '\r');
        int i = 0;
        bool negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }
        bool prefixed = false;
        if (radix == 16 && i + 1 < s.Length && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
        {
            i += 2;
            prefixed = true;
        }
        // After a base prefix one underscore may come first ("0x_1f"); otherwise a digit must.
        if (prefixed && i < s.Length && s[i] == '_') i++;
        if (i >= s.Length) return false;
        bool lastWasDigit = false;
        BigInteger result = BigInteger.Zero;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '_')
            {
                if (!lastWasDigit) return false;
                lastWasDigit = false;
                continue;
            }
            int digit = DigitValue(c);
            if (digit < 0 || digit >= radix) return false;
            result = (result * radix) + digit;
            lastWasDigit = true;
        }
        if (!lastWasDigit) return false;
        value = negative ? -result : result;
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };
}

/// <summary>Python's notion of white space (<c>str.isspace()</c>).</summary>
internal static class PythonText
{
    public static bool IsSpace(Rune rune) => rune.Value switch
    {
        >= 0x09 and <= 0x0D => true,
        >= 0x1C and <= 0x20 => true,
        0x85 or 0xA0 or 0x1680 or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 => true,
        >= 0x2000 and <= 0x200A => true,
        _ => false,
    };

    /// <summary>Python's <c>len()</c>: code points, not UTF-16 units.</summary>
    public static int Length(string text)
    {
        int n = 0;
        foreach (Rune _ in text.EnumerateRunes()) n++;
        return n;
    }

    /// <summary>Python's <c>str(x)</c> of a JSON scalar, or null for values with no simple text form.</summary>
    public static string? Str(object? value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        BigInteger b => b.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        double d => DjangoSettings.Jwt.PythonJsonWriter.FormatFloat(d),
        System.Guid g => g.ToString("D"),
        _ => null,
    };
}
