using System;
using System.Text.RegularExpressions;

namespace DjangoSettings.Cors;

/// <summary>
/// <c>re.match(CORS_URLS_REGEX, path_info)</c> without running a regex for the shapes nearly every
/// project writes: the default <c>^.*$</c>, and a literal prefix such as <c>^/api/</c>,
/// <c>^/api/.*</c> or <c>^/api/.*$</c>. Every other pattern goes to the compiled regex. The
/// shortcut answers exactly what Python does: <c>.</c> stops at <c>\n</c>, and <c>$</c> (no
/// MULTILINE) matches at the end or just before a final <c>\n</c>.
/// </summary>
internal sealed class UrlPathMatcher
{
    private enum Tail
    {
        // Pattern ends after the prefix (or after ".*"): anything may follow.
        Anything,
        // ".*$": the rest holds no "\n" except possibly as the very last character.
        NoInnerNewline,
    }

    private readonly Regex _regex;
    private readonly string? _prefix;
    private readonly Tail _tail;

    public UrlPathMatcher(string pattern, Regex regex)
    {
        _regex = regex;
        _prefix = TryParse(pattern, out _tail);
    }

    /// <summary>Whether the shortcut is used (false: every call runs the regex).</summary>
    public bool IsShortcut => _prefix is not null;

    /// <exception cref="RegexMatchTimeoutException">Only from the regex fallback.</exception>
    public bool IsMatch(string path)
    {
        if (_prefix is null) return _regex.IsMatch(path);
        if (!path.StartsWith(_prefix, StringComparison.Ordinal)) return false;
        if (_tail == Tail.Anything) return true;
        int newline = path.IndexOf('\n', _prefix.Length);
        return newline < 0 || newline == path.Length - 1;
    }

    // "^"? literal ( ".*" "$"? )? with a conservative literal alphabet; null when not that shape.
    private static string? TryParse(string pattern, out Tail tail)
    {
        tail = Tail.Anything;
        var p = pattern.AsSpan();
        if (p.StartsWith("^")) p = p[1..];
        if (p.EndsWith(".*$"))
        {
            tail = Tail.NoInnerNewline;
            p = p[..^3];
        }
        else if (p.EndsWith(".*"))
        {
            p = p[..^2];
        }
        foreach (char c in p)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '/' or '_' or '-')) return null;
        }
        return p.ToString();
    }
}
