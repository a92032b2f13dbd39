using System.Collections.Generic;

namespace DjangoSettings.Shared;

/// <summary>
/// How Django's SecurityMiddleware turns <c>SECURE_REFERRER_POLICY</c> into the <c>Referrer-Policy</c>
/// header value (spec/django-http.md §2.3). The one copy: the settings compiler folds the setting
/// with it at build time and the runtime's <c>ReferrerPolicyValue</c> uses it for hand-written settings.
/// </summary>
internal static class ReferrerPolicyText
{
    /// <summary>
    /// A str setting: split on <c>,</c>, every part stripped, joined with <c>,</c> and no space
    /// (<c>" same-origin ,  strict-origin "</c> → <c>same-origin,strict-origin</c>); null or empty → null.
    /// </summary>
    public static string? FromString(string? value)
    {
        if (value is null || value.Length == 0) return null;
        var parts = value.Split(',');
        for (int i = 0; i < parts.Length; i++) parts[i] = PythonStrip(parts[i]);
        return string.Join(",", parts);
    }

    /// <summary>
    /// A list or tuple: the items joined with <c>,</c> verbatim, not stripped
    /// (<c>["no-referrer", " strict-origin-when-cross-origin"]</c> → <c>no-referrer, strict-origin-when-cross-origin</c>);
    /// an empty sequence → null.
    /// </summary>
    public static string? FromSequence(IReadOnlyList<string>? items)
    {
        if (items is null || items.Count == 0) return null;
        return string.Join(",", items);
    }

    /// <summary>
    /// The policy tokens Django's deploy check (<c>security.E023</c>) reads from the setting: a str is
    /// split on <c>,</c> and stripped, a sequence is taken item by item as written.
    /// </summary>
    public static IEnumerable<string> Tokens(string? text, IReadOnlyList<string>? items)
    {
        if (text is not null)
        {
            foreach (var part in text.Split(',')) yield return PythonStrip(part);
        }
        else if (items is not null)
        {
            foreach (var item in items) yield return item;
        }
    }

    /// <summary>str.strip() without arguments: Unicode whitespace (str.isspace), which for header text is the ASCII set plus a few separators.</summary>
    public static string PythonStrip(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsPythonSpace(s[start])) start++;
        while (end > start && IsPythonSpace(s[end - 1])) end--;
        return s.Substring(start, end - start);
    }

    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is '\x1c' or '\x1d' or '\x1e' or '\x1f';
}
