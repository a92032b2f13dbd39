using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>get_view_name</c> and <c>get_view_description</c>, for the <c>name</c> and
/// <c>description</c> of OPTIONS metadata.
/// </summary>
public static class DrfViewNames
{
    /// <summary>
    /// The name DRF derives from a Python class or function name: a trailing <c>View</c>, then
    /// <c>ViewSet</c>, removed; CamelCase and underscores split into words; Python's
    /// <c>str.title()</c> (<c>ItemsView</c> → <c>Items</c>, <c>ReadOnlyView</c> → <c>Read Only</c>,
    /// <c>api_root</c> → <c>Api Root</c>).
    /// </summary>
    public static string FromPythonName(string pythonName)
    {
        ArgumentNullException.ThrowIfNull(pythonName);
        string name = RemoveTrailing(pythonName, "View");
        name = RemoveTrailing(name, "ViewSet");
        // camelcase_to_spaces: a space before an upper-case letter that follows a lower-case one, or
        // that is followed by a letter that is not upper-case (and is not the last character).
        var spaced = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool afterLower = i > 0 && char.IsAsciiLetterLower(name[i - 1]);
            bool beforeNonUpper = i + 1 < name.Length && !char.IsAsciiLetterUpper(name[i + 1]);
            if (char.IsAsciiLetterUpper(c) && (afterLower || beforeNonUpper)) spaced.Append(' ');
            spaced.Append(c);
        }
        string joined = string.Join(" ", spaced.ToString().Split('_'));
        return Title(joined).Trim(' ', '\t', '\n', '\r', '\v', '\f');
    }

    /// <summary>
    /// DRF's <c>formatting.dedent</c> of a docstring: the smallest indent of the non-blank lines after
    /// the first is removed from every line, then the text is stripped.
    /// </summary>
    public static string FromDocstring(string? docstring)
    {
        if (string.IsNullOrEmpty(docstring)) return "";
        var lines = SplitLines(docstring);
        var rest = lines.Skip(1).Where(l => l.TrimStart().Length > 0).ToList();
        string content = docstring;
        if (rest.Count > 0)
        {
            int spaces = rest.Min(l => l.Length - l.TrimStart(' ').Length);
            int tabs = rest.Min(l => l.Length - l.TrimStart('\t').Length);
            if (spaces > 0) content = RemoveLinePrefix(content, new string(' ', spaces));
            else if (tabs > 0) content = RemoveLinePrefix(content, new string('\t', tabs));
        }
        return content.Trim();
    }

    // formatting.remove_trailing_string: never down to nothing ("View" stays "View").
    private static string RemoveTrailing(string s, string suffix) =>
        s.EndsWith(suffix, StringComparison.Ordinal) && s != suffix ? s.Substring(0, s.Length - suffix.Length) : s;

    // Python's str.title(): a letter after a non-letter is upper-cased, every other letter lower-cased.
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool previousCased = false;
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                sb.Append(previousCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
                previousCased = true;
            }
            else
            {
                sb.Append(c);
                previousCased = false;
            }
        }
        return sb.ToString();
    }

    private static List<string> SplitLines(string s) =>
        s.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').ToList();

    // re.sub('^' + prefix, '', content, flags=re.MULTILINE)
    private static string RemoveLinePrefix(string content, string prefix)
    {
        var sb = new StringBuilder(content.Length);
        int i = 0;
        while (i <= content.Length)
        {
            int nl = content.IndexOf('\n', i);
            int end = nl < 0 ? content.Length : nl;
            string line = content.Substring(i, end - i);
            sb.Append(line.StartsWith(prefix, StringComparison.Ordinal) ? line.Substring(prefix.Length) : line);
            if (nl < 0) break;
            sb.Append('\n');
            i = nl + 1;
        }
        return sb.ToString();
    }
}
