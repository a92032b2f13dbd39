using System;
using System.IO;
using System.Text.RegularExpressions;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Package.Tests;

/// <summary>
/// The code blocks of docs/cli.md (and the README) marked <c>&lt;!-- snippet: NAME --&gt;</c>, so the
/// tests run what the docs say, not a copy of it.
/// </summary>
internal static class DocSnippets
{
    /// <summary>The text of the fenced block after the marker in <paramref name="document"/> (relative to the repository root).</summary>
    public static string Get(string name, string document = "docs/cli.md")
    {
        string doc = File.ReadAllText(Path.Combine(SharedDirectory.RepositoryRoot, document));
        var match = Regex.Match(doc, @"<!-- snippet: " + Regex.Escape(name) + @" -->\r?\n```[a-z]*\r?\n(?<body>.*?)\r?\n```", RegexOptions.Singleline);
        if (!match.Success) throw new InvalidOperationException("docs/cli.md has no snippet '" + name + "'");
        return match.Groups["body"].Value.Replace("\r\n", "\n");
    }
}
