using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace DjangoSettings.Users;

/// <summary>What <see cref="PythonInt.TryParse"/> found.</summary>
internal enum PythonIntSyntax
{
    /// <summary>Python's <c>int()</c> raises <c>ValueError</c>: not a base-10 integer literal.</summary>
    Invalid,

    /// <summary>An integer that fits in <see cref="long"/>.</summary>
    Int64,

    /// <summary>An integer Python accepts that does not fit in <see cref="long"/> (Python's ints are unbounded).</summary>
    OutOfRange,
}

/// <summary>
/// Python's <c>int(text)</c> (base 10), which is how Django's integer fields (the default
/// <c>AutoField</c> primary key among them) read a value: a lookup by user id from a token claim
/// goes through it. Where Python raises, Django answers 500; callers here treat the text as naming
/// no row (a 401) instead. <see cref="long.TryParse(string?, out long)"/> is not a substitute: it
/// accepts trailing NUL characters and refuses <c>_</c> separators and non-ASCII digits.
/// </summary>
/// <remarks>
/// CPython 3.11 first maps every non-ASCII white-space character to a space and every non-ASCII
/// decimal digit (Unicode category Nd) to its ASCII digit, leaves ASCII as it is, and then parses:
/// ASCII white space (space, <c>\t \n \v \f \r</c>; not <c>\x1c</c>-<c>\x1f</c>, which
/// <c>str.strip()</c> would remove), one optional sign, digits with single <c>_</c> between two
/// digits, white space, end. More than 4,300 digits (leading zeros count, separators do not) is
/// CPython's default <c>int_max_str_digits</c> limit and raises too. A digit that a newer Unicode
/// version added is read as a digit here even where the deployed Python's Unicode database is older.
/// Recorded against real Python by tests/Runtime.Tests/Fixtures/pyint/record_pyint.py.
/// </remarks>
internal static class PythonInt
{
    /// <summary>CPython's default <c>sys.get_int_max_str_digits()</c> (3.11 and later).</summary>
    public const int MaxStringDigits = 4300;

    /// <summary>Reads <paramref name="text"/> as Python's <c>int(text)</c> does.</summary>
    /// <param name="text">The text (a JSON string claim, or the digits of a JSON number).</param>
    /// <param name="value">The value when the result is <see cref="PythonIntSyntax.Int64"/>, else 0.</param>
    public static PythonIntSyntax TryParse(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        int i = 0;
        SkipSpaces(text, ref i);
        bool negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }

        // The magnitude, up to 2^63 (the magnitude of long.MinValue).
        ulong magnitude = 0;
        bool overflow = false;
        int digits = 0;
        bool expectDigit = true;
        while (i < text.Length)
        {
            if (text[i] == '_')
            {
                // Only between two digits: not first, not doubled, not last.
                if (expectDigit) return PythonIntSyntax.Invalid;
                expectDigit = true;
                i++;
                continue;
            }
            if (!TryDigit(text, ref i, out int digit)) break;
            expectDigit = false;
            digits++;
            if (!overflow)
            {
                if (magnitude > (ulong.MaxValue - (ulong)digit) / 10) overflow = true;
                else magnitude = magnitude * 10 + (ulong)digit;
            }
        }
        if (digits == 0 || expectDigit || digits > MaxStringDigits) return PythonIntSyntax.Invalid;
        SkipSpaces(text, ref i);
        if (i != text.Length) return PythonIntSyntax.Invalid;

        ulong limit = negative ? 1UL << 63 : long.MaxValue;
        if (overflow || magnitude > limit) return PythonIntSyntax.OutOfRange;
        value = negative ? (long)(0UL - magnitude) : (long)magnitude;
        return PythonIntSyntax.Int64;
    }

    /// <summary>
    /// The value of <paramref name="text"/> as a key of an integer column: true with the value when
    /// Python's <c>int()</c> reads it and it fits in <see cref="long"/>; false when Python raises
    /// (Django: 500) or the value is beyond any 64-bit key (no row can match).
    /// </summary>
    public static bool TryParseInt64(ReadOnlySpan<char> text, out long value) =>
        TryParse(text, out value) == PythonIntSyntax.Int64;

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int length) != OperationStatus.Done || !IsSpace(rune)) return;
            i += length;
        }
    }

    private static bool TryDigit(ReadOnlySpan<char> text, ref int i, out int digit)
    {
        digit = 0;
        if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int length) != OperationStatus.Done) return false;
        if (rune.Value < 0x7F)
        {
            if (rune.Value is < '0' or > '9') return false;
            digit = rune.Value - '0';
        }
        else
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.DecimalDigitNumber) return false;
            digit = (int)Rune.GetNumericValue(rune);
        }
        i += length;
        return true;
    }

    // ASCII keeps its meaning (only Python's Py_ISSPACE set); from U+007F on, Unicode white space
    // (Zs, Zl, Zp and U+0085) becomes a space.
    private static bool IsSpace(Rune rune) => rune.Value < 0x7F
        ? rune.Value is ' ' or '\t' or '\n' or '\v' or '\f' or '\r'
        : Rune.IsWhiteSpace(rune);
}
