using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks;

/// <summary>
/// The help pages of the request-handling checks (DJS0400-0499), of the CACHES and language checks
/// (DJS0612-0639) and of Django's deploy checks (DJS0700-0799) are executable: the first <c>python</c> block under "Wrong" is compiled as
/// <c>cors.settings</c> with the deploy checks on and must report the page's id, with exactly the
/// lines the page's <c>text</c> block shows for that id; the first <c>python</c> block under "Right"
/// must not report it. So each check has a triggering and a non-triggering test, and the pages
/// cannot drift from the compiler.
/// </summary>
public class HelpPageExampleTests
{
    public static IEnumerable<object[]> Pages()
        => Directory.GetFiles(Folder(), "DJS0*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(id => Executable(id!))
            .OrderBy(id => id, StringComparer.Ordinal)
            .Select(id => new object[] { id! });

    [Fact]
    public void Every_request_handling_and_deploy_descriptor_has_a_page_here()
    {
        var ids = RoslynCatalogue().Where(Executable).ToList();
        Assert.True(ids.Count >= 30, "the DJS04/DJS07 descriptors went missing");
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), Pages().Select(p => (string)p[0]));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Wrong_example_reports_the_id_as_shown(string id)
    {
        string page = File.ReadAllText(Path.Combine(Folder(), id + ".md"));
        var wrong = Diagnostics(Block(page, "Wrong", "python"));
        var actual = wrong.Where(d => d.Id == id).Select(d => d.ToString()).ToList();
        Assert.True(actual.Count > 0, id + ": the Wrong example reports nothing with this id; it reports:\n" + string.Join("\n", wrong));

        var shown = Block(page, "Wrong", "text").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": " + SettingsDiagnostic.SeverityWord(wrong.First(d => d.Id == id).Severity) + " " + id + ":", StringComparison.Ordinal)).ToList();
        Assert.True(actual.SequenceEqual(shown), id + ": the page shows\n" + string.Join("\n", shown) + "\nthe compiler reports\n" + string.Join("\n", actual));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Right_example_does_not_report_the_id(string id)
    {
        string page = File.ReadAllText(Path.Combine(Folder(), id + ".md"));
        var right = Diagnostics(Block(page, "Right", "python"));
        Assert.DoesNotContain(right, d => d.Id == id);
        // A right example compiles: no errors of any id.
        Assert.DoesNotContain(right, d => d.Severity == SettingsSeverity.Error);
    }

    // DJS04NN, DJS07NN, and the CACHES and language checks (DJS0612-0639).
    private static bool Executable(string id)
        => id.StartsWith("DJS04", StringComparison.Ordinal) || id.StartsWith("DJS07", StringComparison.Ordinal)
            || string.CompareOrdinal(id, "DJS0612") >= 0 && string.CompareOrdinal(id, "DJS0639") <= 0;

    private static IReadOnlyList<SettingsDiagnostic> Diagnostics(string text)
        => SettingsCompiler.Check(new[] { new SettingsSource("cors.settings", text) }, deployChecks: true).Diagnostics;

    // The first ```lang block after "## section".
    private static string Block(string page, string section, string lang)
    {
        var heading = Regex.Match(page, "^## " + section + "\\b.*$", RegexOptions.Multiline);
        Assert.True(heading.Success, "no '## " + section + "' section");
        var block = Regex.Match(page.Substring(heading.Index), "^```" + lang + "\\r?\\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(block.Success, "no ```" + lang + " block under '## " + section + "'");
        return block.Groups[1].Value;
    }

    private static IEnumerable<string> RoslynCatalogue() => DjangoSettings.Generator.Roslyn.RoslynDiagnostics.Catalogue().Select(d => d.Id);

    private static string Folder() => Path.Combine(RepositoryRoot.Path, "docs", "diagnostics");
}
