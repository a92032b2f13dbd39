using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Package.Tests;

/// <summary>
/// The code blocks of the docs marked <c>&lt;!-- snippet: NAME --&gt;</c>, so the tests run what the
/// docs say, not a copy of it. A block may be indented (inside a list item): the marker's indentation
/// is removed from each of its lines.
/// </summary>
internal static class DocSnippets
{
    private static readonly Regex Marked = new(
        @"^(?<indent>[ ]*)<!-- snippet: (?<name>[A-Za-z0-9_.-]+) -->\r?\n\k<indent>```(?<lang>[a-z]*)\r?\n(?<body>.*?)\r?\n\k<indent>```[ ]*$",
        RegexOptions.Singleline | RegexOptions.Multiline);

    private static readonly Regex Fence = new(@"^[ ]*```(?<lang>[a-z]+)[ ]*$", RegexOptions.Multiline);

    /// <summary>The text of the fenced block after the marker in <paramref name="document"/> (relative to the repository root).</summary>
    public static string Get(string name, string document = "docs/cli.md")
    {
        foreach (Match match in Marked.Matches(Read(document)))
        {
            if (match.Groups["name"].Value == name) return Body(match);
        }
        throw new InvalidOperationException(document + " has no snippet '" + name + "'");
    }

    /// <summary>The names of the marked blocks of <paramref name="document"/>, in order.</summary>
    public static IReadOnlyList<string> Names(string document) =>
        Marked.Matches(Read(document)).Select(m => m.Groups["name"].Value).ToArray();

    /// <summary>How many fenced blocks of <paramref name="document"/> are in one of <paramref name="languages"/>, marked or not.</summary>
    public static int CountBlocks(string document, params string[] languages) =>
        Fence.Matches(Read(document)).Count(m => languages.Contains(m.Groups["lang"].Value));

    /// <summary>How many marked blocks of <paramref name="document"/> are in one of <paramref name="languages"/>.</summary>
    public static int CountMarkedBlocks(string document, params string[] languages) =>
        Marked.Matches(Read(document)).Count(m => languages.Contains(m.Groups["lang"].Value));

    private static string Read(string document) =>
        File.ReadAllText(Path.Combine(SharedDirectory.RepositoryRoot, document)).Replace("\r\n", "\n");

    private static string Body(Match match)
    {
        string indent = match.Groups["indent"].Value;
        var lines = match.Groups["body"].Value.Split('\n')
            .Select(line => line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart(' '));
        return string.Join("\n", lines);
    }
}
