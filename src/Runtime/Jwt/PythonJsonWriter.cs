using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace DjangoSettings.Jwt;

/// <summary>
/// Writes JSON byte-for-byte as Python's <c>json.dumps(value, separators=(",", ":"))</c> does.
/// With <c>ensureAscii</c> (token payloads, PyJWT) every non-ASCII UTF-16 unit and DEL becomes a
/// lower-case <c>\uXXXX</c>; without it (DRF's JSONRenderer, <c>ensure_ascii=False</c>) only
/// quotes, backslashes and control characters are escaped, and U+2028/U+2029 too when
/// <c>escapeLineSeparators</c> (DRF adds that for JavaScript safety). System.Text.Json cannot be
/// used: it escapes <c>&lt; &gt; &amp; ' +</c>, uses upper-case hex and formats floats differently.
/// Supported values: null, bool, string, integers, float/double (Python <c>repr</c>), sequences,
/// <see cref="TokenPayload"/>, <see cref="TokenClaimsBuilder"/> and string-keyed dictionaries
/// (insertion order kept).
/// </summary>
public static class PythonJsonWriter
{
    /// <summary>Serializes <paramref name="value"/> as Python's compact <c>json.dumps</c> would.</summary>
    /// <exception cref="ArgumentException">A value Python's json module could not encode either.</exception>
    public static string Serialize(object? value, bool ensureAscii = true, bool escapeLineSeparators = false)
    {
        var sb = new StringBuilder(128);
        Write(sb, value, ensureAscii, escapeLineSeparators, 0);
        return sb.ToString();
    }

    /// <summary>Appends a JSON string literal for <paramref name="s"/>.</summary>
    public static void WriteString(StringBuilder sb, string s, bool ensureAscii = true, bool escapeLineSeparators = false)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || (ensureAscii && c > 0x7e) || (escapeLineSeparators && c is '\u2028' or '\u2029'))
                    {
                        // C# strings are UTF-16, so astral characters arrive as two surrogates and come
                        // out as the pair Python writes (\ud83d\ude00); lone surrogates pass through as
                        // Python passes them.
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, <c>1e-05</c>, <c>1e+16</c>, <c>100.0</c>.</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";

        // "E16" is not shortest; "R" is (since .NET Core 3.0). Normalise it into digits + exponent.
        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        string mantissa = r;
        if (e >= 0)
        {
            exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r.Substring(0, e);
        }
        int dot = mantissa.IndexOf('.');
        string intPart = dot >= 0 ? mantissa.Substring(0, dot) : mantissa;
        string fracPart = dot >= 0 ? mantissa.Substring(dot + 1) : "";
        string digits = (intPart + fracPart).TrimStart('0');
        int leadingZeros = (intPart + fracPart).Length - digits.Length;
        // decpt: value = 0.DIGITS × 10^decpt
        int decpt = intPart.Length - leadingZeros + exp;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        var sb = new StringBuilder(32);
        if (d < 0) sb.Append('-');
        if (decpt <= -4 || decpt > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            int x = decpt - 1;
            sb.Append('e').Append(x < 0 ? '-' : '+').Append(Math.Abs(x).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt < digits.Length)
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }
        else
        {
            sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
        }
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, bool ascii, bool lineSep, int depth)
    {
        if (depth > 64) throw new ArgumentException("value nests deeper than 64 levels");
        switch (value)
        {
            case null: sb.Append("null"); return;
            case bool b: sb.Append(b ? "true" : "false"); return;
            case string s: WriteString(sb, s, ascii, lineSep); return;
            case int or long or short or sbyte or byte or ushort or uint or ulong or BigInteger:
                sb.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)); return;
            case double d: sb.Append(FormatFloat(d)); return;
            case float f: sb.Append(FormatFloat(f)); return;
            case TokenPayload p: WriteObject(sb, p, ascii, lineSep, depth); return;
            case TokenClaimsBuilder c: WriteObject(sb, c, ascii, lineSep, depth); return;
            case IEnumerable<KeyValuePair<string, object?>> map: WriteObject(sb, map, ascii, lineSep, depth); return;
            case IDictionary dict:
                sb.Append('{');
                bool firstEntry = true;
                foreach (DictionaryEntry entry in dict)
                {
                    if (!firstEntry) sb.Append(',');
                    firstEntry = false;
                    WriteString(sb, KeyText(entry.Key), ascii, lineSep);
                    sb.Append(':');
                    Write(sb, entry.Value, ascii, lineSep, depth + 1);
                }
                sb.Append('}');
                return;
            case IEnumerable seq:
                sb.Append('[');
                bool first = true;
                foreach (var item in seq)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Write(sb, item, ascii, lineSep, depth + 1);
                }
                sb.Append(']');
                return;
            default:
                throw new ArgumentException($"Object of type {value.GetType().Name} is not JSON serializable");
        }
    }

    private static void WriteObject(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> map, bool ascii, bool lineSep, int depth)
    {
        sb.Append('{');
        bool first = true;
        foreach (var (k, v) in map)
        {
            if (!first) sb.Append(',');
            first = false;
            WriteString(sb, k, ascii, lineSep);
            sb.Append(':');
            Write(sb, v, ascii, lineSep, depth + 1);
        }
        sb.Append('}');
    }

    // Python coerces None/True/False/number keys to their JSON spelling.
    private static string KeyText(object? key) => key switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatFloat(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"keys must be str, int, float, bool or None, not {key.GetType().Name}"),
    };
}
