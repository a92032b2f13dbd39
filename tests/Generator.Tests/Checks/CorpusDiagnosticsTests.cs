using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks;

/// <summary>
/// Every realistic settings file of the shared corpus compiles with exactly the diagnostics its
/// header comment predicts ("mistakes: ..."), at the predicted lines; the expectations are written
/// out in corpus-expectations.txt next to this file.
/// </summary>
public class CorpusDiagnosticsTests
{
    public static IEnumerable<object[]> Files() => Expectations().Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_file_gets_exactly_the_predicted_diagnostics(string file)
    {
        var (errorsAndWarnings, infos) = Expectations()[file];
        string path = Path.Combine(CorpusDirectory(), file);
        var result = SettingsCompiler.Compile(new[] { new SettingsSource(file, File.ReadAllText(path)) }, new CompileOptions("Corpus", "CorpusSettings"));

        var actual = result.Diagnostics
            .Where(d => d.Severity != SettingsSeverity.Info)
            .Select(d => $"{d.Id}@{d.Location.Start.Line}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        string all = string.Join(Environment.NewLine, result.Diagnostics);
        Assert.True(errorsAndWarnings.OrderBy(s => s, StringComparer.Ordinal).SequenceEqual(actual),
            $"expected [{string.Join(" ", errorsAndWarnings)}] got [{string.Join(" ", actual)}]{Environment.NewLine}{all}");

        var actualInfos = result.Diagnostics.Where(d => d.Severity == SettingsSeverity.Info).Select(d => $"{d.Id}@{d.Location.Start.Line}").ToHashSet();
        foreach (var info in infos)
        {
            Assert.True(actualInfos.Contains(info), $"missing info {info}{Environment.NewLine}{all}");
        }
        Assert.NotNull(result.GeneratedSource);
    }

    [Fact]
    public void Every_corpus_file_has_an_expectation()
    {
        var files = Directory.GetFiles(CorpusDirectory(), "*.settings").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(files, Expectations().Keys.OrderBy(f => f, StringComparer.Ordinal));
    }

    internal static string CorpusDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "tests", "Generator.Tests", "Corpus");
    }

    private static Dictionary<string, (List<string> Diagnostics, List<string> Infos)> Expectations()
    {
        string file = Path.Combine(CorpusDirectory(), "..", "Checks", "corpus-expectations.txt");
        var result = new Dictionary<string, (List<string>, List<string>)>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(file))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            string name = line.Substring(0, colon < 0 ? line.IndexOf(':') : colon);
            string rest = line.Substring(name.Length + 1);
            var halves = rest.Split('|');
            List<string> Split(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            result[name] = (Split(halves[0]), halves.Length > 1 ? Split(halves[1]) : new List<string>());
        }
        return result;
    }
}
