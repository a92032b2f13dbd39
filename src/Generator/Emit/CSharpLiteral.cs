using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// C# literals for values from settings files. Invariant culture everywhere (a locale minus sign
/// must never reach generated code), and every string escaped so that any text, including control
/// characters, lone surrogates and quotes, round-trips exactly.
/// </summary>
internal static class CSharpLiteral
{
    /// <summary>A regular string literal: <c>"a\"b\n"</c>. Non-ASCII letters are kept; invisible or unsafe characters become <c>\uXXXX</c>.</summary>
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\0': sb.Append("\\0"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (NeedsUnicodeEscape(value, i)) AppendUnicodeEscape(sb, c);
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>
    /// A verbatim literal (<c>@"..."</c>, quotes doubled) that keeps a multi-line text readable in the
    /// generated file. Falls back to <see cref="String"/> when the text holds a character a verbatim
    /// literal cannot carry safely (control characters other than tab/CR/LF, lone surrogates, BOM).
    /// </summary>
    public static string Verbatim(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is '\t' or '\r' or '\n') continue;
            if (NeedsUnicodeEscape(value, i)) return String(value);
        }
        return "@\"" + value.Replace("\"", "\"\"") + "\"";
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>An <c>int</c> literal.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A <c>long</c> literal with the <c>L</c> suffix.</summary>
    public static string Long(long value) => value == long.MinValue
        ? "long.MinValue"
        : value.ToString(CultureInfo.InvariantCulture) + "L";

    /// <summary><c>new string[] { "a", "b" }</c> wrapped read-only, or the shared empty array; a long list as <see cref="PackedStringList"/>.</summary>
    public static string ReadOnlyStringList(IReadOnlyList<string> items)
    {
        if (items.Count == 0) return "global::System.Array.Empty<string>()";
        if (PackedStringList.TryExpression(items) is { } packed) return "global::System.Array.AsReadOnly(" + packed + ")";
        var sb = new StringBuilder("global::System.Array.AsReadOnly(new string[] { ");
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(String(items[i]));
        }
        sb.Append(" })");
        return sb.ToString();
    }

    /// <summary>A read-only dictionary of strings to strings or null, in the map's order.</summary>
    public static string ReadOnlyStringMap(IReadOnlyDictionary<string, string?> map)
    {
        var sb = new StringBuilder("new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, string?>(new global::System.Collections.Generic.Dictionary<string, string?>");
        if (map.Count == 0) return sb.Append("())").ToString();
        sb.Append(" { ");
        bool first = true;
        foreach (var pair in map)
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append('[').Append(String(pair.Key)).Append("] = ").Append(pair.Value is null ? "null" : String(pair.Value));
        }
        return sb.Append(" })").ToString();
    }

    // Control characters, the line/paragraph separators C# treats as line breaks, format characters
    // (invisible in an editor), the BOM, and surrogates that are not part of a valid pair.
    private static bool NeedsUnicodeEscape(string s, int i)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c)) return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(s[i - 1]);
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
        if (c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF') return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    private static void AppendUnicodeEscape(StringBuilder sb, char c)
        => sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
}
