using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace DjangoSettings.Localization;

/// <summary>
/// Django's <c>parse_accept_lang_header</c>: the lower-cased header must be, from start to end, a
/// list of <c>range[;q=value]</c> items (one malformed item discards the whole header); ranges are
/// sorted by q, highest first, keeping header order for equal q (q=0 still counts). A header longer
/// than 500 characters is cut at the last comma before that length (Django's CVE-2023-23969 fix).
/// </summary>
public static partial class DjangoAcceptLanguage
{
    /// <summary>The (range, q) pairs, or an empty list when the header is malformed.</summary>
    public static IReadOnlyList<(string Language, double Q)> Parse(string? header)
    {
        header ??= "";
        if (header.Length > DjangoTranslations.LanguageCodeMaxLength)
        {
            int index = header.LastIndexOf(',', DjangoTranslations.LanguageCodeMaxLength - 1);
            if (index <= 0) return [];
            header = header.Substring(0, index);
        }
        string s = header.ToLowerInvariant();
        var result = new List<(string, double)>();
        int pos = 0;
        // re.split(accept_language_re, s): every piece between matches must be empty.
        while (pos < s.Length)
        {
            var m = ItemRegex().Match(s, pos);
            if (!m.Success || m.Index != pos || m.Length == 0) return [];
            string q = m.Groups[2].Value;
            double priority = q.Length == 0 ? 1.0 : ParseFloat(q);
            result.Add((m.Groups[1].Value, priority));
            pos = m.Index + m.Length;
        }
        // Stable sort by q, descending (Python's sort is stable).
        return result.Select((item, index) => (item, index)).OrderByDescending(p => p.item.Item2).ThenBy(p => p.index).Select(p => p.item).ToList();
    }

    // Python's float() accepts any Unicode decimal digits (\d matched them).
    private static double ParseFloat(string text)
    {
        var ascii = new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            ascii[i] = char.IsDigit(c) ? (char)('0' + (int)CharUnicodeInfo.GetNumericValue(c)) : c;
        }
        return double.Parse(new string(ascii), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\G([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)(?:\s*;\s*q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?))?(?:\s*,\s*|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ItemRegex();
}
