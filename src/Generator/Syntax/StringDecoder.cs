using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>Decodes the raw text of a string literal run into its value (escapes, doubled braces).</summary>
internal static class StringDecoder
{
    /// <summary>
    /// The few \N{...} names settings files plausibly use. The full Unicode name table would make the
    /// analyzer assembly megabytes larger; anything else is kept as written with a warning.
    /// </summary>
    private static readonly Dictionary<string, string> UnicodeNames = new()
    {
        ["SPACE"] = " ",
        ["NO-BREAK SPACE"] = "\u00A0",
        ["EM DASH"] = "\u2014",
        ["EN DASH"] = "\u2013",
        ["BULLET"] = "\u2022",
        ["HORIZONTAL ELLIPSIS"] = "\u2026",
        ["COPYRIGHT SIGN"] = "\u00A9",
        ["REGISTERED SIGN"] = "\u00AE",
        ["DEGREE SIGN"] = "\u00B0",
        ["EURO SIGN"] = "\u20AC",
        ["POUND SIGN"] = "\u00A3",
        ["LEFT SINGLE QUOTATION MARK"] = "\u2018",
        ["RIGHT SINGLE QUOTATION MARK"] = "\u2019",
        ["LEFT DOUBLE QUOTATION MARK"] = "\u201C",
        ["RIGHT DOUBLE QUOTATION MARK"] = "\u201D",
        ["ZERO WIDTH SPACE"] = "\u200B",
        ["CHECK MARK"] = "\u2713",
        ["LINE FEED"] = "\n",
        ["CARRIAGE RETURN"] = "\r",
        ["CHARACTER TABULATION"] = "\t",
        ["NULL"] = "\0",
        ["LATIN SMALL LETTER E WITH ACUTE"] = "\u00E9",
        ["LATIN SMALL LETTER N WITH TILDE"] = "\u00F1",
        ["GREEK SMALL LETTER MU"] = "\u03BC",
        ["MICRO SIGN"] = "\u00B5",
    };

    public static string Decode(SettingsSource source, SourceSpan span, bool raw, bool bytes, bool doubledBraces, List<SettingsDiagnostic> diagnostics)
    {
        string text = source.Text;
        int end = span.End;
        bool simple = true;
        for (int i = span.Start; i < end; i++)
        {
            char c = text[i];
            if ((c == '\\' && !raw) || (doubledBraces && (c == '{' || c == '}')) || c == '\r')
            {
                simple = false;
                break;
            }
        }
        if (simple) return text.Substring(span.Start, span.Length);

        var sb = new StringBuilder(span.Length);
        for (int i = span.Start; i < end; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                // Python normalises line breaks inside literals to \n.
                sb.Append('\n');
                if (i + 1 < end && text[i + 1] == '\n') i++;
                continue;
            }
            if (doubledBraces && (c == '{' || c == '}') && i + 1 < end && text[i + 1] == c)
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (c != '\\' || raw || i + 1 >= end)
            {
                if (c == '\\' && raw && i + 1 < end && text[i + 1] != '\r')
                {
                    // In raw strings a backslash still keeps the next character (even a quote) literal.
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
                sb.Append(c);
                continue;
            }
            int escapeStart = i;
            char e = text[++i];
            switch (e)
            {
                case '\n': break;
                case '\r': if (i + 1 < end && text[i + 1] == '\n') i++; break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case 'x':
                    i = Hex(source, text, i, end, 2, escapeStart, sb, diagnostics);
                    break;
                case 'u' when !bytes:
                    i = Hex(source, text, i, end, 4, escapeStart, sb, diagnostics);
                    break;
                case 'U' when !bytes:
                    i = Hex(source, text, i, end, 8, escapeStart, sb, diagnostics);
                    break;
                case 'N' when !bytes:
                    i = Named(source, text, i, end, escapeStart, sb, diagnostics);
                    break;
                default:
                    if (e >= '0' && e <= '7')
                    {
                        int value = 0, n = 0;
                        while (n < 3 && i < end && text[i] >= '0' && text[i] <= '7')
                        {
                            value = value * 8 + (text[i] - '0');
                            i++;
                            n++;
                        }
                        i--;
                        sb.Append((char)value);
                    }
                    else
                    {
                        // Unknown escapes keep their backslash (Python only warns).
                        sb.Append('\\').Append(e);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    private static int Hex(SettingsSource source, string text, int i, int end, int digits, int escapeStart, StringBuilder sb, List<SettingsDiagnostic> diagnostics)
    {
        int value = 0;
        int n = 0;
        int p = i + 1;
        while (n < digits && p < end && IsHex(text[p]))
        {
            value = checked(value * 16 + HexValue(text[p]));
            p++;
            n++;
            if (value > 0x10FFFF) break;
        }
        if (n < digits || value > 0x10FFFF)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.InvalidEscapeSequence,
                source.GetLocation(SourceSpan.FromBounds(escapeStart, p)), text.Substring(escapeStart, p - escapeStart),
                n < digits ? "truncated \\" + text[i] + " escape" : "illegal Unicode character"));
            return p - 1;
        }
        if (value >= 0x10000) sb.Append(char.ConvertFromUtf32(value));
        else sb.Append((char)value);
        return p - 1;
    }

    private static int Named(SettingsSource source, string text, int i, int end, int escapeStart, StringBuilder sb, List<SettingsDiagnostic> diagnostics)
    {
        int p = i + 1;
        if (p >= end || text[p] != '{')
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.InvalidEscapeSequence,
                source.GetLocation(SourceSpan.FromBounds(escapeStart, p)), "\\N", "malformed \\N character escape"));
            return i;
        }
        int close = text.IndexOf('}', p);
        if (close < 0 || close >= end)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.InvalidEscapeSequence,
                source.GetLocation(SourceSpan.FromBounds(escapeStart, p + 1)), "\\N{", "malformed \\N character escape"));
            return p;
        }
        string name = text.Substring(p + 1, close - p - 1);
        if (UnicodeNames.TryGetValue(name.ToUpperInvariant(), out var value))
        {
            sb.Append(value);
        }
        else
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UnsupportedUnicodeName,
                source.GetLocation(SourceSpan.FromBounds(escapeStart, close + 1)), name));
            sb.Append(text, escapeStart, close + 1 - escapeStart);
        }
        return close;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>For messages: a short readable form of a span.</summary>
    public static string Excerpt(string text, int max = 80)
    {
        var t = text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        return t.Length <= max ? t : t.Substring(0, max - 3) + "...";
    }

    internal static string Invariant(long v) => v.ToString(CultureInfo.InvariantCulture);
}
