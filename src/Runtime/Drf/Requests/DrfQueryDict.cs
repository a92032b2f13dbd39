using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace DjangoSettings.Drf;

/// <summary>
/// Django's <c>QueryDict</c> over a query string or a form body (<c>urllib.parse.parse_qsl</c> with
/// blank values kept): <c>&amp;</c> separates fields (<c>;</c> does not), <c>+</c> is a space,
/// invalid UTF-8 becomes U+FFFD, a bare name has the value <c>""</c>. Looking a key up gives its
/// <em>last</em> value (<c>?page=2&amp;page=3</c> is page 3); enumerating gives each key once, in
/// first-seen order, with its last value, which is also how DRF renders it as JSON.
/// </summary>
public sealed class DrfQueryDict : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, string>> _pairs;
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);
    private readonly List<string> _keys = new();

    private DrfQueryDict(List<KeyValuePair<string, string>> pairs)
    {
        _pairs = pairs;
        foreach (var (k, v) in pairs)
        {
            if (!_lists.TryGetValue(k, out var list))
            {
                _lists[k] = list = new List<string>(1);
                _keys.Add(k);
            }
            list.Add(v);
        }
    }

    /// <summary>An empty dict.</summary>
    public static DrfQueryDict Empty { get; } = new(new());

    /// <summary>Every (name, value) pair in order, repeats included.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>Number of distinct keys.</summary>
    public int Count => _keys.Count;

    /// <summary>The last value of <paramref name="key"/>, or null when absent (<c>QueryDict.get</c>).</summary>
    public string? Get(string key) => _lists.TryGetValue(key, out var list) ? list[^1] : null;

    /// <summary>Every value of <paramref name="key"/> (<c>getlist</c>).</summary>
    public IReadOnlyList<string> GetList(string key) => _lists.TryGetValue(key, out var list) ? list : Array.Empty<string>();

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool ContainsKey(string key) => _lists.ContainsKey(key);

    /// <summary>Parses a query string (without the leading <c>?</c>) or an urlencoded body.</summary>
    public static DrfQueryDict Parse(string? query) => new(ParsePairs(query));

    /// <summary>A dict of the given pairs (in order).</summary>
    public static DrfQueryDict FromPairs(IEnumerable<KeyValuePair<string, string>> pairs) => new(new List<KeyValuePair<string, string>>(pairs));

    /// <summary><c>urllib.parse.parse_qsl(query, keep_blank_values=True)</c>.</summary>
    internal static List<KeyValuePair<string, string>> ParsePairs(string? query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query)) return pairs;
        foreach (var field in query.Split('&'))
        {
            if (field.Length == 0) continue;
            int eq = field.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? field : field.Substring(0, eq);
            string value = eq < 0 ? "" : field.Substring(eq + 1);
            pairs.Add(new(Unquote(name.Replace('+', ' ')), Unquote(value.Replace('+', ' '))));
        }
        return pairs;
    }

    /// <summary>Python's <c>unquote(s, errors='replace')</c>: %XX runs decoded as UTF-8 with U+FFFD for invalid bytes.</summary>
    internal static string Unquote(string s)
    {
        if (s.IndexOf('%', StringComparison.Ordinal) < 0) return s;
        var sb = new StringBuilder(s.Length);
        var bytes = new List<byte>();
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] == '%' && i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]))
            {
                bytes.Add((byte)((Hex(s[i + 1]) << 4) | Hex(s[i + 2])));
                i += 3;
                continue;
            }
            Flush(sb, bytes);
            sb.Append(s[i]);
            i++;
        }
        Flush(sb, bytes);
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, List<byte> bytes)
    {
        if (bytes.Count == 0) return;
        sb.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        bytes.Clear();
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (var key in _keys) yield return new(key, _lists[key][^1]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
