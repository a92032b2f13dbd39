using System;
using System.Linq;
using DjangoSettings.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DjangoSettings.Generator.Tests.Generator;

/// <summary>
/// The generated API does not depend on file names: <c>[DjangoSettingsFile("...")] partial class X;</c>
/// gets the typed settings, the default class has one fixed name, and a path that names no file is
/// an error naming the path.
/// </summary>
public class DeclaredSettingsClassTests
{
    private const string Dir = GeneratorHarness.ProjectDirectory;

    private static (GeneratorDriverRunResult Run, Compilation Output) Run(AdditionalText[] files, TestOptionsProvider options, params string[] csharp)
    {
        var (run, output, _) = GeneratorHarness.Run(new SettingsGenerator(), files, options, csharp.Append(GeneratorHarness.AttributeSource).ToArray());
        Assert.Null(run.Results[0].Exception);
        return (run, output);
    }

    [Fact]
    public void A_declared_class_gets_the_settings_of_its_file_and_replaces_the_default()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(Dir + "/settings.py", "CORS_ALLOWED_ORIGINS = ['https://app.example']\n"),
            new InMemoryAdditionalText(Dir + "/cors.settings", "CORS_ALLOW_ALL_ORIGINS = True\n"),
        };
        var (run, output) = Run(files, GeneratorHarness.Options(),
            "namespace MyApp.Config { [DjangoSettings.DjangoSettingsFile(\"settings.py\")] public partial class AppSettings; }",
            "namespace MyApp.Web { public static class Use { public static int Origins(MyApp.Config.AppSettings s) => s.Cors.AllowedOrigins.Count + (new MyApp.Config.AppSettings().Cors.AllowAllOrigins ? 1 : 0); } }");

        var tree = Assert.Single(run.GeneratedTrees);
        Assert.EndsWith("MyApp.Config.AppSettings.g.cs", tree.FilePath);
        Assert.Contains("namespace MyApp.Config", tree.ToString());
        Assert.Contains("    partial class AppSettings", tree.ToString());
        Assert.Contains("public const string SourcePath = \"settings.py\";", tree.ToString());
        Assert.DoesNotContain("DjangoProjectSettings", tree.ToString());
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Several_classes_for_several_files_in_the_global_namespace()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(Dir + "/a/settings.py", "CORS_ALLOW_CREDENTIALS = True\n"),
            new InMemoryAdditionalText(Dir + "/b/settings.py", "CORS_ALLOW_CREDENTIALS = False\n"),
        };
        var (run, output) = Run(files, GeneratorHarness.Options(),
            "[DjangoSettings.DjangoSettingsFile(\"a/settings.py\")] partial class FrontendSettings;",
            "[DjangoSettings.DjangoSettingsFile(\"b/settings.py\")] partial class AdminSettings;",
            "static class Use { static bool Both => new FrontendSettings().Cors.AllowCredentials && !new AdminSettings().Cors.AllowCredentials; }");

        Assert.Equal(new[] { "AdminSettings.g.cs", "FrontendSettings.g.cs" }, run.Results[0].GeneratedSources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void A_split_settings_package_finds_base_py_beside_the_declared_file()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(Dir + "/config/settings/base.py", "CORS_ALLOWED_ORIGINS = ['https://base.example']\nCORS_ALLOW_CREDENTIALS = True\n"),
            new InMemoryAdditionalText(Dir + "/config/settings/production.py", "from .base import *\nCORS_ALLOWED_ORIGINS += ['https://prod.example']\n"),
            // Not imported: its syntax error is not this class's concern.
            new InMemoryAdditionalText(Dir + "/config/settings/local.py", "def broken(:\n"),
        };
        var (run, output) = Run(files, GeneratorHarness.Options(),
            "[DjangoSettings.DjangoSettingsFile(\"config/settings/production.py\")] partial class ProductionSettings;");

        var text = Assert.Single(run.GeneratedTrees).ToString();
        Assert.Contains("\"https://base.example\", \"https://prod.example\"", text);
        Assert.Contains("public bool AllowCredentials { get; } = true;", text);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.Diagnostics, d => d.Location.GetLineSpan().Path.EndsWith("local.py", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Theory]
    [InlineData("setings.py")]
    [InlineData("")]
    public void A_misspelled_attribute_path_is_DJS0802_naming_the_path(string path)
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText(Dir + "/settings.py", string.Empty) };
        string declaration = "[DjangoSettings.DjangoSettingsFile(\"" + path + "\")] partial class AppSettings;";
        var (run, _) = Run(files, GeneratorHarness.Options(), declaration);

        Assert.Empty(run.GeneratedTrees);
        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("DJS0802", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'" + (Dir + "/" + path).TrimEnd('/') + "'", error.GetMessage());
        Assert.Contains("AppSettings", error.GetMessage());
        Assert.Equal("Source0.cs", error.Location.GetLineSpan().Path);
        Assert.Equal(1, error.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Theory]
    [InlineData("class AppSettings { }", "partial")]
    [InlineData("static partial class AppSettings { }", "not static")]
    [InlineData("partial class AppSettings<T> { }", "not generic")]
    public void A_class_the_generator_cannot_complete_is_DJS0803(string declaration, string requirement)
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText(Dir + "/settings.py", string.Empty) };
        var (run, _) = Run(files, GeneratorHarness.Options(), "[DjangoSettings.DjangoSettingsFile(\"settings.py\")] " + declaration);

        Assert.Empty(run.GeneratedTrees);
        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("DJS0803", error.Id);
        Assert.Contains("must be " + requirement, error.GetMessage());
    }

    [Fact]
    public void A_nested_class_is_DJS0803()
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText(Dir + "/settings.py", string.Empty) };
        var (run, _) = Run(files, GeneratorHarness.Options(), "partial class Outer { [DjangoSettings.DjangoSettingsFile(\"settings.py\")] partial class AppSettings; }");
        Assert.Equal("DJS0803", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void A_DjangoSettingsFile_property_that_names_no_file_is_DJS0800_naming_the_path()
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText(Dir + "/cors.settings", string.Empty) };
        var (run, _) = Run(files, GeneratorHarness.Options(settingsFile: "config/setings.py"));

        Assert.Empty(run.GeneratedTrees);
        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("DJS0800", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'config/setings.py'", error.GetMessage());
        Assert.Contains("'" + Dir + "/config/setings.py'", error.GetMessage());
        Assert.Equal(Location.None, error.Location);
    }

    [Fact]
    public void No_settings_file_at_all_is_DJS0801_when_the_runtime_is_referenced()
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText(Dir + "/notes.txt", "x") };
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(GeneratorHarness.FakeRuntime);
        var driver = GeneratorHarness.CreateDriver(new SettingsGenerator(), files, GeneratorHarness.Options()).RunGenerators(compilation);
        var warning = Assert.Single(driver.GetRunResult().Diagnostics);
        Assert.Equal("DJS0801", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains(Dir + "/cors.settings", warning.GetMessage());

        // Without the runtime (the generator alone) there is nothing to warn about.
        var (run, _) = Run(files, GeneratorHarness.Options());
        Assert.Empty(run.Diagnostics);
    }
}
