using System;
using System.IO;
using System.Linq;
using DjangoSettings.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DjangoSettings.Generator.Tests.Generator;

/// <summary>Every real-world settings file of the corpus goes through the generator and yields C# that compiles.</summary>
public class CorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.settings").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_generated_code_compiles(string name)
    {
        string text = File.ReadAllText(RepositoryRoot.Corpus(name));
        var options = GeneratorHarness.Options(settingsFile: name);
        var files = new[] { new InMemoryAdditionalText(GeneratorHarness.ProjectDirectory + "/" + name, text) };

        var (run, output, _) = GeneratorHarness.Run(new SettingsGenerator(), files, options);

        Assert.Null(run.Results[0].Exception);
        Assert.Single(run.GeneratedTrees);
        var problems = GeneratorHarness.Problems(output).Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(run.Diagnostics, d => Assert.Equal(GeneratorHarness.ProjectDirectory + "/" + name, d.Location.GetLineSpan().Path));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DJS0900");
    }
}
