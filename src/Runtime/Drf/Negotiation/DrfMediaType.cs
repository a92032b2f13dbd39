using System;
using System.Collections.Generic;

namespace DjangoSettings.Drf;

/// <summary>
/// A media type as DRF reads one (<c>rest_framework.utils.mediatypes._MediaType</c> over Django's
/// <c>parse_header</c>): type lower-cased and stripped, parameters split on <c>;</c> outside
/// quotes, names lower-cased, values compared as written (quotes removed).
/// </summary>
public sealed class DrfMediaType
{
    private readonly List<KeyValuePair<string, string>> _params;

    private DrfMediaType(string original, string fullType, List<KeyValuePair<string, string>> parameters)
    {
        Original = original;
        FullType = fullType;
        _params = parameters;
        int slash = fullType.IndexOf('/', StringComparison.Ordinal);
        MainType = slash < 0 ? fullType : fullType.Substring(0, slash);
        SubType = slash < 0 ? "" : fullType.Substring(slash + 1);
    }

    /// <summary>The text this was parsed from.</summary>
    public string Original { get; }

    /// <summary><c>type/subtype</c>, lower-cased.</summary>
    public string FullType { get; }

    /// <summary>The part before <c>/</c>.</summary>
    public string MainType { get; }

    /// <summary>The part after the first <c>/</c> (empty when there is none).</summary>
    public string SubType { get; }

    /// <summary>Parameters in the order written (a repeated name keeps its last value when looked up).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _params;

    /// <summary>The value of parameter <paramref name="name"/> (lower-case), or null.</summary>
    public string? Parameter(string name)
    {
        string? value = null;
        foreach (var (k, v) in _params)
        {
            if (k == name) value = v;
        }
        return value;
    }

    /// <summary>
    /// DRF's specificity: 0 for <c>*/*</c>, 1 for <c>type/*</c>, 2 for <c>type/sub</c> with no
    /// parameter other than <c>q</c>, 3 with other parameters. (q-values play no other part.)
    /// </summary>
    public int Precedence
    {
        get
        {
            if (MainType == "*") return 0;
            if (SubType == "*") return 1;
            foreach (var (k, _) in _params)
            {
                if (k != "q") return 3;
            }
            return 2;
        }
    }

    /// <summary>
    /// DRF's <c>_MediaType.match</c>: whether this (a renderer's or parser's type) satisfies
    /// <paramref name="other"/> (the client's): every parameter of this one except <c>q</c> present
    /// in the other with the same value, and type and subtype equal or <c>*</c> on either side.
    /// </summary>
    public bool Matches(DrfMediaType other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (k, v) in _params)
        {
            if (k != "q" && !string.Equals(other.Parameter(k), Parameter(k), StringComparison.Ordinal)) return false;
        }
        if (SubType != "*" && other.SubType != "*" && other.SubType != SubType) return false;
        if (MainType != "*" && other.MainType != "*" && other.MainType != MainType) return false;
        return true;
    }

    /// <summary>Parses as Django's <c>parse_header</c> does (never throws).</summary>
    public static DrfMediaType Parse(string? text)
    {
        text ??= "";
        var parts = SplitParameters(text);
        string key = parts.Count > 0 ? AsciiLower(parts[0]) : "";
        var parameters = new List<KeyValuePair<string, string>>();
        for (int i = 1; i < parts.Count; i++)
        {
            string p = parts[i];
            int eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) continue;
            string name = AsciiLower(StripAscii(p.Substring(0, eq)));
            bool encoded = false;
            if (name.EndsWith('*'))
            {
                // RFC 2231 (name*=charset'lang'value): only the shape matters for matching here.
                name = name.Substring(0, name.Length - 1);
                encoded = Count(p, '\'') == 2;
            }
            string value = StripAscii(p.Substring(eq + 1));
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value.Substring(1, value.Length - 2).Replace("\\\\", "\\", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
            }
            if (encoded)
            {
                int last = value.LastIndexOf('\'');
                value = Uri.UnescapeDataString(value.Substring(last + 1));
            }
            parameters.Add(new(name, value));
        }
        return new DrfMediaType(text, key, parameters);
    }

    // Django's _parse_header_params over ";" + line: split at ";" unless inside an odd number of quotes.
    private static List<string> SplitParameters(string line)
    {
        var list = new List<string>();
        string s = ";" + line;
        while (s.Length > 0 && s[0] == ';')
        {
            s = s.Substring(1);
            int end = s.IndexOf(';', StringComparison.Ordinal);
            while (end > 0 && Count(s.AsSpan(0, end), '"') % 2 == 1)
            {
                end = s.IndexOf(';', end + 1);
            }
            if (end < 0) end = s.Length;
            list.Add(StripAscii(s.Substring(0, end)));
            s = s.Substring(end);
        }
        return list;
    }

    private static int Count(ReadOnlySpan<char> s, char c)
    {
        int n = 0;
        foreach (char x in s)
        {
            if (x == c) n++;
        }
        return n;
    }

    /// <summary>Python's <c>bytes.strip()</c>: ASCII whitespace only.</summary>
    internal static string StripAscii(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsAsciiSpace(s[start])) start++;
        while (end > start && IsAsciiSpace(s[end - 1])) end--;
        return start == 0 && end == s.Length ? s : s.Substring(start, end - start);
    }

    /// <summary>Python's <c>bytes.lower()</c>: ASCII letters only.</summary>
    internal static string AsciiLower(string s)
    {
        foreach (char c in s)
        {
            if (c is >= 'A' and <= 'Z') return string.Create(s.Length, s, static (span, src) =>
            {
                for (int i = 0; i < src.Length; i++) span[i] = src[i] is >= 'A' and <= 'Z' ? (char)(src[i] + 32) : src[i];
            });
        }
        return s;
    }

    private static bool IsAsciiSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    /// <inheritdoc />
    public override string ToString() => Original;
}
