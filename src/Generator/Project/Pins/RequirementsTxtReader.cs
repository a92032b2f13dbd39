using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DjangoSettings.Generator.Project.Pins;

/// <summary>
/// Finds simplejwt in a pip requirements file as pip reads it: a backslash at the end of a line
/// continues it, <c>#</c> at the start or after white space starts a comment, lines starting with
/// <c>-</c> are options (<c>-r</c>, <c>-c</c>, <c>-e</c>; an editable or URL install of simplejwt
/// names no version), and per-requirement options (<c>--hash=...</c>) follow the requirement.
/// </summary>
internal static class RequirementsTxtReader
{
    private static readonly Regex Comment = new(@"(^|\s)#.*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex TrailingOptions = new(@"\s+--?[A-Za-z].*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The mentions of <paramref name="distribution"/> in <paramref name="text"/>, in order.</summary>
    public static List<PinnedRequirement> Read(string path, string text, string distribution)
    {
        var found = new List<PinnedRequirement>();
        string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        int offset = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            int startLine = i + 1, startOffset = offset;
            string logical = lines[i];
            offset += lines[i].Length + 1;
            while (logical.EndsWith("\\", StringComparison.Ordinal) && i + 1 < lines.Length)
            {
                i++;
                logical = logical.Substring(0, logical.Length - 1) + lines[i];
                offset += lines[i].Length + 1;
            }
            string content = Strip(Comment, logical).TrimEnd();
            string trimmed = content.TrimStart();
            if (trimmed.Length == 0) continue;
            int column = content.Length - trimmed.Length + 1;
            if (trimmed.StartsWith("-", StringComparison.Ordinal))
            {
                // -e git+https://...#egg=djangorestframework-simplejwt, -r other.txt, --index-url ...
                if (RequirementSpec.Mentions(trimmed, distribution) && !trimmed.StartsWith("-r", StringComparison.Ordinal) && !trimmed.StartsWith("-c", StringComparison.Ordinal)
                    && !trimmed.StartsWith("--requirement", StringComparison.Ordinal) && !trimmed.StartsWith("--constraint", StringComparison.Ordinal))
                {
                    found.Add(new PinnedRequirement(path, startLine, column, trimmed.Length, startOffset + column - 1, trimmed, null, "an editable or URL install names no version"));
                }
                continue;
            }
            string requirement = Strip(TrailingOptions, trimmed).Trim();
            if (RequirementSpec.TryRead(requirement, distribution, out var constraint, out var problem))
            {
                found.Add(new PinnedRequirement(path, startLine, column, requirement.Length, startOffset + column - 1, requirement, constraint, problem));
            }
            else if (RequirementSpec.Mentions(requirement, distribution) && requirement.Contains("/"))
            {
                found.Add(new PinnedRequirement(path, startLine, column, requirement.Length, startOffset + column - 1, requirement, null, "a URL or path install names no version the build can read"));
            }
        }
        return found;
    }

    private static string Strip(Regex regex, string text)
    {
        try
        {
            return regex.Replace(text, string.Empty);
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }
}
