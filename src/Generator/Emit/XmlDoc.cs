using System.Globalization;
using System.Text;

namespace DjangoSettings.Generator.Emit;

/// <summary>Text for XML doc comments: escaped so that no settings file can break the comment or the build (CS1570).</summary>
internal static class XmlDoc
{
    /// <summary>Escapes <c>&amp; &lt; &gt;</c> and replaces characters XML forbids (or that would end the comment line) with a visible <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\t': sb.Append("    "); break;
                default:
                    if (IsUnsafe(text, i)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool IsUnsafe(string s, int i)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c)) return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(s[i - 1]);
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' or '\uFEFF';
    }
}
