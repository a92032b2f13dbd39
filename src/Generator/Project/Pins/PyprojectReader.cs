using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace DjangoSettings.Generator.Project.Pins;

/// <summary>
/// Finds simplejwt in a <c>pyproject.toml</c>: PEP 621's <c>[project] dependencies</c> array of
/// PEP 508 strings, and Poetry's <c>[tool.poetry.dependencies]</c> (<c>name = "^5.3"</c> or
/// <c>name = { version = "^5.3", extras = ["crypto"] }</c>). Only as much TOML as those two need
/// is read: table headers, comments, basic and literal strings, arrays over several lines.
/// </summary>
internal static class PyprojectReader
{
    private static readonly Regex Header = new(@"^\s*\[\[?\s*(?<t>[^\[\]]+?)\s*\]\]?\s*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex KeyValue = new(@"^\s*(?:""(?<k>[^""]*)""|'(?<k>[^']*)'|(?<k>[A-Za-z0-9_.-]+))\s*=\s*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex VersionKey = new(@"(?:^|[{,\s])version\s*=\s*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The mentions of <paramref name="distribution"/> in <paramref name="text"/>, in order.</summary>
    public static List<PinnedRequirement> Read(string path, string text, string distribution)
    {
        var found = new List<PinnedRequirement>();
        string normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        string[] lines = normalized.Split('\n');
        var starts = new int[lines.Length];
        for (int i = 1; i < lines.Length; i++) starts[i] = starts[i - 1] + lines[i - 1].Length + 1;
        string table = string.Empty;
        for (int i = 0; i < lines.Length; i++)
        {
            string code = WithoutComment(lines[i]);
            Match header = Header.Match(code);
            if (header.Success && code.TrimStart().StartsWith("[", StringComparison.Ordinal))
            {
                table = header.Groups["t"].Value.Replace(" ", string.Empty).Replace("\"", string.Empty);
                continue;
            }
            Match kv = KeyValue.Match(code);
            if (!kv.Success) continue;
            string key = kv.Groups["k"].Value;
            int valueStart = starts[i] + kv.Length;
            if (table == "project" && key == "dependencies")
            {
                foreach (var (value, at) in ArrayStrings(normalized, valueStart))
                {
                    if (!RequirementSpec.TryRead(value, distribution, out var constraint, out var problem)) continue;
                    var (line, column) = Position(starts, at);
                    found.Add(new PinnedRequirement(path, line, column, value.Length, at, value, constraint, problem));
                }
            }
            else if (table == "tool.poetry.dependencies" && RequirementSpec.Normalize(key) == distribution)
            {
                found.Add(Poetry(path, i + 1, starts[i], lines[i], code.Substring(kv.Length).Trim()));
            }
        }
        return found;
    }

    private static PinnedRequirement Poetry(string path, int line, int lineStart, string rawLine, string value)
    {
        int column = rawLine.Length - rawLine.TrimStart().Length + 1;
        string text = rawLine.Trim();
        var (constraintText, problem) = PoetryVersion(value);
        VersionConstraint? constraint = null;
        if (constraintText is not null) constraint = VersionConstraint.ParsePoetry(constraintText, out problem);
        return new PinnedRequirement(path, line, column, text.Length, lineStart + column - 1, WithoutComment(text).Trim(), constraint, problem);
    }

    // "^5.3" | { version = "^5.3", extras = [...] } | { git = "..." } | [ {...}, {...} ]
    private static (string? Constraint, string? Problem) PoetryVersion(string value)
    {
        if (value.StartsWith("\"", StringComparison.Ordinal) || value.StartsWith("'", StringComparison.Ordinal))
        {
            return ReadString(value, 0, out _) is { } s ? (s, null) : (null, "the value is not a TOML string the build can read");
        }
        if (value.StartsWith("{", StringComparison.Ordinal))
        {
            Match m = VersionKey.Match(value);
            if (m.Success && ReadString(value, m.Index + m.Length, out _) is { } version) return (version, null);
            return (null, "the dependency names no version (a git, path or url source)");
        }
        return (null, "several constraints per environment are not read; pin one version");
    }

    // The strings of the array that starts at offset (after "dependencies ="), with their offsets.
    private static IEnumerable<(string Value, int Offset)> ArrayStrings(string text, int offset)
    {
        int p = offset;
        while (p < text.Length && text[p] is ' ' or '\t') p++;
        if (p >= text.Length || text[p] != '[') yield break;
        int depth = 0;
        for (; p < text.Length; p++)
        {
            char c = text[p];
            if (c == '#')
            {
                while (p < text.Length && text[p] != '\n') p++;
                continue;
            }
            if (c == '[') depth++;
            else if (c == ']' && --depth == 0) yield break;
            else if (c is '"' or '\'')
            {
                int start = p;
                string? s = ReadString(text, p, out int end);
                if (s is null) yield break;
                yield return (s, start + 1);
                p = end - 1;
            }
        }
    }

    // A basic ("...", with escapes) or literal ('...') one-line string at text[start]; end is after the closing quote.
    private static string? ReadString(string text, int start, out int end)
    {
        end = start;
        if (start >= text.Length) return null;
        char quote = text[start];
        if (quote is not ('"' or '\'')) return null;
        var sb = new StringBuilder();
        for (int p = start + 1; p < text.Length && text[p] != '\n'; p++)
        {
            char c = text[p];
            if (c == quote)
            {
                end = p + 1;
                return sb.ToString();
            }
            if (c == '\\' && quote == '"' && p + 1 < text.Length)
            {
                p++;
                sb.Append(text[p] switch { 'n' => '\n', 't' => '\t', _ => text[p] });
                continue;
            }
            sb.Append(c);
        }
        return null;
    }

    private static string WithoutComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#') return line.Substring(0, i);
        }
        return line;
    }

    private static (int Line, int Column) Position(int[] starts, int offset)
    {
        int line = Array.BinarySearch(starts, offset);
        if (line < 0) line = ~line - 1;
        return (line + 1, offset - starts[line] + 1);
    }
}
