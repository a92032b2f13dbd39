using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using DjangoSettings.Jwt;

namespace DjangoSettings.Drf;

/// <summary>
/// Python's <c>json.dumps</c> with any separators and indent, as DRF's JSONRenderer calls it, plus
/// DRF's U+2028/U+2029 escaping. Strings and floats are written by <see cref="PythonJsonWriter"/>.
/// </summary>
internal static class PythonJsonText
{
    private const int MaxDepth = 64;

    public static string Serialize(object? value, PythonJsonFormat format, bool ensureAscii, bool allowNan)
    {
        var sb = new StringBuilder(256);
        Write(sb, value, format, ensureAscii, allowNan, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, PythonJsonFormat f, bool ascii, bool allowNan, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException("value nests deeper than 64 levels");
        switch (value)
        {
            case null: sb.Append("null"); return;
            case bool b: sb.Append(b ? "true" : "false"); return;
            case string s: WriteString(sb, s, ascii); return;
            case int or long or short or sbyte or byte or ushort or uint or ulong or BigInteger:
                sb.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)); return;
            case double d: WriteFloat(sb, d, allowNan); return;
            case float fl: WriteFloat(sb, fl, allowNan); return;
            case decimal m: WriteString(sb, m.ToString(CultureInfo.InvariantCulture), ascii); return;
            case DrfMessage message: WriteString(sb, message.ToString(), ascii); return;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteObject(sb, Entries(map), f, ascii, allowNan, depth);
                return;
            case IDictionary dict:
                WriteObject(sb, Entries(dict), f, ascii, allowNan, depth);
                return;
            case IEnumerable seq:
                WriteArray(sb, seq, f, ascii, allowNan, depth);
                return;
            default:
                throw new ArgumentException($"Object of type {value.GetType().Name} is not JSON serializable");
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> Entries(IEnumerable<KeyValuePair<string, object?>> map) => map;

    private static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary dict)
    {
        foreach (DictionaryEntry entry in dict) yield return new(KeyText(entry.Key), entry.Value);
    }

    private static void WriteObject(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> entries, PythonJsonFormat f, bool ascii, bool allowNan, int depth)
    {
        sb.Append('{');
        bool first = true;
        foreach (var (k, v) in entries)
        {
            if (!first) sb.Append(f.ItemSeparator);
            NewLine(sb, f, depth + 1);
            first = false;
            WriteString(sb, k, ascii);
            sb.Append(f.KeySeparator);
            Write(sb, v, f, ascii, allowNan, depth + 1);
        }
        if (!first) NewLine(sb, f, depth);
        sb.Append('}');
    }

    private static void WriteArray(StringBuilder sb, IEnumerable seq, PythonJsonFormat f, bool ascii, bool allowNan, int depth)
    {
        sb.Append('[');
        bool first = true;
        foreach (var item in seq)
        {
            if (!first) sb.Append(f.ItemSeparator);
            NewLine(sb, f, depth + 1);
            first = false;
            Write(sb, item, f, ascii, allowNan, depth + 1);
        }
        if (!first) NewLine(sb, f, depth);
        sb.Append(']');
    }

    // With an indent, Python puts every item on its own line; empty containers stay "[]" / "{}".
    private static void NewLine(StringBuilder sb, PythonJsonFormat f, int level)
    {
        if (f.Indent is not { } n) return;
        sb.Append('\n').Append(' ', n * level);
    }

    private static void WriteString(StringBuilder sb, string s, bool ascii)
    {
        if (!ascii)
        {
            // Encoding the rendered text as UTF-8 fails in Python for lone surrogates (a 500 there).
            for (int i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
                else if (char.IsSurrogate(s[i])) throw new ArgumentException("'utf-8' codec can't encode a lone surrogate");
            }
        }
        PythonJsonWriter.WriteString(sb, s, ensureAscii: ascii, escapeLineSeparators: true);
    }

    private static void WriteFloat(StringBuilder sb, double d, bool allowNan)
    {
        if (!allowNan && !double.IsFinite(d)) throw new ArgumentException("Out of range float values are not JSON compliant");
        sb.Append(PythonJsonWriter.FormatFloat(d));
    }

    private static string KeyText(object? key) => key switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => PythonJsonWriter.FormatFloat(d),
        IFormattable fmt => fmt.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"keys must be str, int, float, bool or None, not {key.GetType().Name}"),
    };
}
