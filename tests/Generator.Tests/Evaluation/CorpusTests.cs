using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Generator.Tests.Evaluation;

/// <summary>
/// Every corpus file parses and evaluates without exceptions or syntax errors; for the files the
/// Django oracle loads, the CORS_* and SIMPLE_JWT values equal what Django computed (recorded with
/// /work/shared/oracle/dump_settings.py --4x under a clean environment, in Corpus/expected/).
/// </summary>
public class CorpusTests
{
    private readonly ITestOutputHelper _output;

    public CorpusTests(ITestOutputHelper output) => _output = output;

    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IEnumerable<object[]> Files()
        => Directory.GetFiles(CorpusDirectory, "*.settings").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { f! });

    public static IEnumerable<object[]> OracleFiles()
        => Files().Where(f => File.ReadLines(Path.Combine(CorpusDirectory, (string)f[0])).Take(5).Any(l => l.StartsWith("# oracle-exec: ok", StringComparison.Ordinal)));

    [Fact]
    public void The_corpus_is_present()
    {
        Assert.True(Files().Count() >= 18, "corpus files missing from the test output");
        Assert.Equal(OracleFiles().Count(), Directory.GetFiles(Path.Combine(CorpusDirectory, "expected"), "*.json").Length);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_parses_and_evaluates_in_both_phases(string file)
    {
        var source = new SettingsSource(file, File.ReadAllText(Path.Combine(CorpusDirectory, file)));
        foreach (var environment in new ISettingsEnvironment?[] { null, DictionaryEnvironment.Empty })
        {
            var module = SettingsEvaluator.Evaluate(new[] { source }, environment);
            foreach (var d in module.Diagnostics) _output.WriteLine(d.ToString());
            Assert.DoesNotContain(module.Diagnostics, d => d.Severity == SettingsSeverity.Error && d.Descriptor.Category is "Syntax" or "Internal");
            Assert.NotEmpty(module.Names);
            Assert.True(module.Names.Keys.Any(k => k.StartsWith("CORS_", StringComparison.Ordinal) || k == "SIMPLE_JWT"), "no CORS/JWT setting bound");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Windows_line_endings_and_tabs_give_the_same_values(string file)
    {
        var text = File.ReadAllText(Path.Combine(CorpusDirectory, file)).Replace("\r\n", "\n");
        var lf = SettingsEvaluator.Evaluate(new[] { new SettingsSource(file, text) }, DictionaryEnvironment.Empty);
        var crlf = SettingsEvaluator.Evaluate(new[] { new SettingsSource(file, text.Replace("\n", "\r\n").Replace("    ", "\t")) }, DictionaryEnvironment.Empty);
        Assert.Equal(lf.Names.Keys, crlf.Names.Keys);
        foreach (var name in lf.Names.Keys)
        {
            Assert.Equal(JsonSerializer.Serialize(Py.Plain(lf.Names[name].Value)), JsonSerializer.Serialize(Py.Plain(crlf.Names[name].Value)));
            Assert.Equal(lf.Names[name].NameLocation.Start.Line, crlf.Names[name].NameLocation.Start.Line);
        }
        Assert.Equal(lf.Diagnostics.Select(d => d.Id + d.Location.Start.Line), crlf.Diagnostics.Select(d => d.Id + d.Location.Start.Line));
    }

    [Theory]
    [MemberData(nameof(OracleFiles))]
    public void Values_equal_what_Django_computes(string file)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusDirectory, "expected", Path.ChangeExtension(file, ".json")))).RootElement;
        var source = new SettingsSource(file, File.ReadAllText(Path.Combine(CorpusDirectory, file)));

        // Startup phase, with an environment in which nothing is set (the oracle ran with a clean one).
        var startup = SettingsEvaluator.Evaluate(new[] { source }, DictionaryEnvironment.Empty);
        // Build phase: deferred values must carry, as their default, what Django computed.
        var build = SettingsEvaluator.Evaluate(new[] { source }, null);

        int compared = OracleValues.CompareAll(file, expected, startup, useDefaults: false);
        int comparedAtBuild = OracleValues.CompareAll(file, expected, build, useDefaults: true);
        _output.WriteLine(file + ": " + compared + " values compared at startup, " + comparedAtBuild + " at build time");
        Assert.True(compared > 0, "nothing compared");
    }
}
