using System.Text;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// Python's view of text where it differs from .NET's: whitespace (<c>str.isspace</c>,
/// <c>str.split()</c>, <c>str.strip()</c>), line boundaries (<c>str.splitlines</c>), code-point
/// length (a character outside the BMP is one character in Python, two UTF-16 units here) and
/// the ASCII range, where case mapping and character classes are the same in every Unicode version.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's whitespace (Py_UNICODE_ISSPACE): the ASCII separators \x1c-\x1f count, unlike .NET's char.IsWhiteSpace.</summary>
    public static bool IsSpace(char c) => c switch
    {
        '\t' or '\n' or '\x0b' or '\x0c' or '\r' or '\x1c' or '\x1d' or '\x1e' or '\x1f' or ' ' => true,
        '\x85' or '\xa0' or '\u1680' or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        _ => c >= '\u2000' && c <= '\u200a',
    };

    /// <summary>A line boundary of <c>str.splitlines</c> (<c>\r\n</c> is one boundary).</summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\x0b' or '\x0c' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';

    /// <summary>Whether every character is ASCII (case mapping and classes are then exact).</summary>
    public static bool IsAscii(string s)
    {
        foreach (char c in s) if (c > 0x7f) return false;
        return true;
    }

    /// <summary>Whether the text has a character outside the BMP (its indices differ between Python and UTF-16).</summary>
    public static bool HasSurrogates(string s)
    {
        foreach (char c in s) if (char.IsSurrogate(c)) return true;
        return false;
    }

    /// <summary>Python's <c>len()</c>: code points (a surrogate pair counts once).</summary>
    public static int Length(string s)
    {
        int n = s.Length;
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                n--;
                i++;
            }
        }
        return n;
    }

    public static bool IsAsciiUpper(char c) => c >= 'A' && c <= 'Z';

    public static bool IsAsciiLower(char c) => c >= 'a' && c <= 'z';

    public static bool IsAsciiLetter(char c) => IsAsciiUpper(c) || IsAsciiLower(c);

    public static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    public static char AsciiUpper(char c) => IsAsciiLower(c) ? (char)(c - 32) : c;

    public static char AsciiLower(char c) => IsAsciiUpper(c) ? (char)(c + 32) : c;

    /// <summary>ASCII text mapped character by character.</summary>
    public static string Map(string s, System.Func<char, char> map)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s) sb.Append(map(c));
        return sb.ToString();
    }
}
