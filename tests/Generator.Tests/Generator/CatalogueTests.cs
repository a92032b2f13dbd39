using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Roslyn;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Generator;

/// <summary>
/// The diagnostics catalogue, the analyzer release file and the help pages must agree: release
/// tracking cannot check ids that come from the core catalogue at run time, so this test does.
/// </summary>
public class CatalogueTests
{
    private static readonly IReadOnlyList<DjsDescriptor> Catalogue = RoslynDiagnostics.Catalogue().ToList();

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        Assert.NotEmpty(Catalogue);
        Assert.All(Catalogue, d => Assert.Matches("^DJS[0-9]{4}$", d.Id));
        var duplicates = Catalogue.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "duplicate ids: " + string.Join(", ", duplicates));
        Assert.All(Catalogue, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Id + " has no title");
            Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat), d.Id + " has no message");
        });
    }

    [Fact]
    public void Every_descriptor_has_a_release_row_with_its_category_and_severity()
    {
        var rows = ReleaseRows();
        var missing = new List<string>();
        foreach (var d in Catalogue)
        {
            if (!rows.TryGetValue(d.Id, out var row))
            {
                missing.Add(d.Id + " | " + RoslynDiagnostics.CategoryPrefix + d.Category + " | " + d.Severity + " | " + d.Title);
                continue;
            }
            Assert.Equal(RoslynDiagnostics.CategoryPrefix + d.Category, row.Category);
            Assert.Equal(d.Severity.ToString(), row.Severity);
        }
        Assert.True(missing.Count == 0, "add these rows to src/Generator/AnalyzerReleases.Unshipped.md:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_release_file_lists_no_unknown_ids()
    {
        var known = new HashSet<string>(Catalogue.Select(d => d.Id));
        var stale = ReleaseRows().Keys.Where(id => !known.Contains(id)).ToList();
        Assert.True(stale.Count == 0, "rows for ids not in DiagnosticDescriptors: " + string.Join(", ", stale));
    }

    [Fact]
    public void Roslyn_descriptors_carry_the_help_link_category_and_severity()
    {
        Assert.All(Catalogue, d =>
        {
            var roslyn = RoslynDiagnostics.Descriptor(d);
            Assert.Equal(d.Id, roslyn.Id);
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + d.Id + ".md", roslyn.HelpLinkUri);
            Assert.Equal(RoslynDiagnostics.CategoryPrefix + d.Category, roslyn.Category);
            Assert.Equal(RoslynDiagnostics.Severity(d.Severity), roslyn.DefaultSeverity);
            Assert.True(roslyn.IsEnabledByDefault);
        });
    }

    [Fact]
    public void Every_descriptor_has_a_help_page_with_what_why_wrong_and_right()
    {
        string folder = Path.Combine(RepositoryRoot.Path, "docs", "diagnostics");
        var problems = new List<string>();
        foreach (var d in Catalogue)
        {
            string page = Path.Combine(folder, d.Id + ".md");
            if (!File.Exists(page))
            {
                problems.Add(d.Id + ": no docs/diagnostics/" + d.Id + ".md");
                continue;
            }
            string text = File.ReadAllText(page);
            if (!Regex.IsMatch(text, "^# " + d.Id + "\\b", RegexOptions.Multiline)) problems.Add(d.Id + ": no '# " + d.Id + "' title");
            foreach (var section in new[] { "What", "Why", "Wrong", "Right" })
            {
                if (!Regex.IsMatch(text, "^## " + section + "\\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)) problems.Add(d.Id + ": no '## " + section + "' section");
            }
            if (!text.Contains("```", StringComparison.Ordinal)) problems.Add(d.Id + ": no code example");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private sealed record ReleaseRow(string Category, string Severity);

    // Rows of AnalyzerReleases.Shipped.md and .Unshipped.md: "ID | Category | Severity | Notes".
    private static Dictionary<string, ReleaseRow> ReleaseRows()
    {
        var rows = new Dictionary<string, ReleaseRow>(StringComparer.Ordinal);
        foreach (var name in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "src", "Generator", name)))
            {
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length < 3 || !Regex.IsMatch(cells[0], "^DJS[0-9]{4}$")) continue;
                rows[cells[0]] = new ReleaseRow(cells[1], cells[2]);
            }
        }
        return rows;
    }
}
