using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Generator.Tests.Checks;

/// <summary>
/// The budget on realistic files (the shared corpus and the regression files of issue 15.4): where
/// Django loads a file and its checks pass (the file's "oracle-exec: ok" header, recorded from the
/// oracle), the build has no error unless that diagnostic's help page says why the port cannot follow
/// Django there; and no file gets more than <see cref="MaxInfosPerFile"/> informational diagnostics.
/// </summary>
public class CorpusBudgetTests
{
    /// <summary>Infos allowed per file: explanations of what a needed value depends on, not a tour of the file.</summary>
    public const int MaxInfosPerFile = 3;

    /// <summary>The section a help page needs for its error to stand where Django's check passes.</summary>
    public const string PortCannotFollowSection = "## Why the build fails although Django runs the file";

    private readonly ITestOutputHelper _output;

    public CorpusBudgetTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Files()
        => Directory.GetFiles(RepositoryRoot.Corpus(string.Empty), "*.settings")
            .Concat(Directory.GetFiles(RepositoryRoot.Corpus("Regressions"), "*.settings"))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Corpus(string.Empty), f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { f });

    public static IEnumerable<object[]> RecordedRegressions()
        => Directory.GetFiles(RepositoryRoot.Corpus(Path.Combine("Regressions", "expected")), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f) + ".settings")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { f });

    private static string OracleHeader(string text)
        => text.Split('\n').Take(5).FirstOrDefault(l => l.StartsWith("# oracle-exec:", StringComparison.Ordinal))?.Substring("# oracle-exec:".Length).Trim() ?? string.Empty;

    // "ok" means Django loaded the file and its system checks passed (in the oracle's clean environment).
    private static bool DjangoChecksPass(string header) => header.StartsWith("ok", StringComparison.Ordinal) && !header.Contains("fails", StringComparison.Ordinal);

    [Fact]
    public void The_budget_covers_the_shared_corpus_and_the_regressions()
    {
        var files = Files().Select(f => (string)f[0]).ToList();
        Assert.True(files.Count(f => !f.Contains(Path.DirectorySeparatorChar)) >= 18, "shared corpus files missing from the test output");
        Assert.True(files.Count(f => f.StartsWith("Regressions", StringComparison.Ordinal)) >= 19, "regression files missing from the test output");
        // Every regression header was recorded from the oracle (record_oracle.py), or says why it cannot be.
        foreach (var f in files.Where(f => f.StartsWith("Regressions", StringComparison.Ordinal)))
        {
            string header = OracleHeader(File.ReadAllText(RepositoryRoot.Corpus(f)));
            Assert.True(header.StartsWith("ok", StringComparison.Ordinal) || header.StartsWith("fails", StringComparison.Ordinal) || header.StartsWith("not standalone", StringComparison.Ordinal), f + ": " + header);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Django_clean_files_build_without_unexplained_errors_and_few_infos(string file)
    {
        string text = File.ReadAllText(RepositoryRoot.Corpus(file));
        var result = SettingsCompiler.Compile(new[] { new SettingsSource(Path.GetFileName(file), text) }, new CompileOptions("Budget", "DjangoProjectSettings"));
        foreach (var d in result.Diagnostics) _output.WriteLine(d.ToString());
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticDescriptors.InternalError.Id);

        var infos = result.Diagnostics.Where(d => d.Severity == SettingsSeverity.Info).ToList();
        Assert.True(infos.Count <= MaxInfosPerFile, file + ": " + infos.Count + " infos (at most " + MaxInfosPerFile + ")\n" + string.Join("\n", infos));

        if (!DjangoChecksPass(OracleHeader(text))) return;
        var unexplained = result.Diagnostics
            .Where(d => d.Severity == SettingsSeverity.Error && !HelpPageExplains(d.Id))
            .ToList();
        Assert.True(unexplained.Count == 0, file + ": Django's checks pass, but the build fails with\n" + string.Join("\n", unexplained)
            + "\n(fix the compiler, or say on the help page, under '" + PortCannotFollowSection + "', why the port cannot follow Django)");
    }

    [Theory]
    [MemberData(nameof(RecordedRegressions))]
    public void Regression_values_equal_what_Django_computes(string file)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Corpus(Path.Combine("Regressions", "expected", Path.ChangeExtension(file, ".json"))))).RootElement;
        var source = new SettingsSource(file, File.ReadAllText(RepositoryRoot.Corpus(Path.Combine("Regressions", file))));
        int compared = OracleValues.CompareAll(file, expected, SettingsEvaluator.Evaluate(new[] { source }, DictionaryEnvironment.Empty), useDefaults: false)
            + OracleValues.CompareAll(file, expected, SettingsEvaluator.Evaluate(new[] { source }, null), useDefaults: true);
        Assert.True(compared > 0, file + ": nothing compared");
    }

    private static bool HelpPageExplains(string id)
    {
        string page = Path.Combine(RepositoryRoot.Path, "docs", "diagnostics", id + ".md");
        return File.Exists(page) && Regex.IsMatch(File.ReadAllText(page), "^" + Regex.Escape(PortCannotFollowSection) + "\\s*$", RegexOptions.Multiline);
    }
}
