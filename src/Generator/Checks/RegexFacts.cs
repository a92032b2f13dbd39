using System;
using System.Text;
using System.Text.RegularExpressions;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// Compile-time facts about a Python origin regex: does it compile, is it end-anchored, where is
/// an unescaped dot, and which origin it wrongly admits (an example that really matches).
/// </summary>
internal static class RegexFacts
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Compiles a Python pattern the way the runtime does (the shared translator, anchored for
    /// re.match), so what cannot be translated is a build error rather than a startup failure.
    /// </summary>
    public static Regex? TryCompile(string pythonPattern, bool ignoreCase, out string? error)
        => PythonRegex.CompileForMatch(pythonPattern, out error, Timeout, ignoreCase ? PythonRegex.PyFlags.IgnoreCase : PythonRegex.PyFlags.None);

    /// <summary>
    /// Why the pattern cannot run on the linear-time engine, where, and how to rewrite it; null
    /// when it can (or does not translate, which DJS0224 reports). One decision, the shared
    /// translator's, for every setting whose regex meets request data.
    /// </summary>
    public static (string Construct, int Position, string Rewrite)? NeedsBacktracking(string pythonPattern, bool ignoreCase)
    {
        var t = PythonRegex.Translate(pythonPattern, ignoreCase ? PythonRegex.PyFlags.IgnoreCase : PythonRegex.PyFlags.None);
        if (!t.Success || t.LinearTime || t.BacktrackingReason is null) return null;
        return (t.BacktrackingReason, t.BacktrackingPosition, Rewrite(t.BacktrackingReason));
    }

    private static string Rewrite(string construct)
    {
        if (construct.StartsWith("a lookahead", StringComparison.Ordinal) || construct.StartsWith("a lookbehind", StringComparison.Ordinal))
            return "write the pattern without the lookaround (list what is allowed rather than excluding what is not, or add a second, narrower entry)";
        if (construct.StartsWith("a backreference", StringComparison.Ordinal))
            return "repeat the referenced group's pattern instead of referring back to it";
        if (construct.StartsWith("an atomic group", StringComparison.Ordinal))
            return "drop the (?>...) grouping (the linear-time engine needs no protection from backtracking)";
        if (construct.StartsWith("a conditional", StringComparison.Ordinal))
            return "split the pattern into one entry per branch";
        return "replace large counted repetitions {m,n} with + or *";
    }

    /// <summary>Python's re.match on a regex compiled by <see cref="TryCompile"/> (anchored at the start).</summary>
    public static bool MatchesAtStart(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whether the pattern ends with an unescaped <c>$</c> or <c>\Z</c> (outside a character class).</summary>
    public static bool IsEndAnchored(string pattern)
    {
        string p = pattern.TrimEnd();
        while (p.EndsWith(")", StringComparison.Ordinal) && !IsEscaped(p, p.Length - 1)) p = p.Substring(0, p.Length - 1);
        if (p.EndsWith("$", StringComparison.Ordinal) && !IsEscaped(p, p.Length - 1)) return true;
        return p.EndsWith("\\Z", StringComparison.Ordinal) && !IsEscaped(p, p.Length - 2);
    }

    /// <summary>Index of the first unescaped '.' outside a character class after the scheme's "://", or -1.</summary>
    public static int UnescapedDotInHost(string pattern)
    {
        int start = pattern.IndexOf("://", StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 3;
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') { inClass = true; continue; }
            if (c == '.' && i >= start)
            {
                // ".*" and ".+" are deliberate wildcards, not a mistaken literal dot.
                if (i + 1 < pattern.Length && (pattern[i + 1] == '*' || pattern[i + 1] == '+' || pattern[i + 1] == '?' || pattern[i + 1] == '{')) continue;
                return i;
            }
        }
        return -1;
    }

    /// <summary>A readable string the pattern matches, made by undoing the simplest regex syntax; null when the pattern is too clever.</summary>
    public static string? Literalise(string pattern)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '^' when i == 0: continue;
                case '$' when i == pattern.Length - 1: continue;
                case '\\':
                    if (i + 1 >= pattern.Length) return null;
                    char n = pattern[++i];
                    if (n == 'Z' && i == pattern.Length - 1) continue;
                    if (n == 'd') { sb.Append('1'); break; }
                    if (n == 'w') { sb.Append('a'); break; }
                    if (char.IsLetterOrDigit(n)) return null;
                    sb.Append(n);
                    break;
                case '.': sb.Append('x'); break;
                case '[':
                    int close = pattern.IndexOf(']', i + 1);
                    if (close < 0) return null;
                    string cls = pattern.Substring(i + 1, close - i - 1);
                    if (cls.StartsWith("^", StringComparison.Ordinal) || cls.Length == 0) return null;
                    sb.Append(cls[0] == '\\' && cls.Length > 1 ? (cls[1] == 'd' ? '1' : cls[1] == 'w' ? 'a' : cls[1]) : cls[0]);
                    i = close;
                    break;
                case '*':
                case '?':
                    // zero repetitions of the previous atom are fine for an example only if it was one char.
                    if (sb.Length == 0) return null;
                    sb.Length--;
                    break;
                case '+': break;
                case '(':
                    if (i + 2 < pattern.Length && pattern[i + 1] == '?')
                    {
                        if (pattern[i + 2] == ':') { i += 2; break; }
                        if (pattern[i + 2] == 'P' && i + 3 < pattern.Length && pattern[i + 3] == '<')
                        {
                            int gt = pattern.IndexOf('>', i);
                            if (gt < 0) return null;
                            i = gt;
                            break;
                        }
                        return null;
                    }
                    break;
                case ')': break;
                case '|': return sb.Length > 0 ? sb.ToString() : null;
                case '{': return null;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static bool IsEscaped(string s, int index)
    {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && s[i] == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }
}
