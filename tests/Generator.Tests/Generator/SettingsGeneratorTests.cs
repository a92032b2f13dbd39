using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DjangoSettings.Generator.Tests.Generator;

public class SettingsGeneratorTests
{
    private const string Dir = GeneratorHarness.ProjectDirectory;

    private static SettingsGenerator Over(params ModuleBuilder[] modules) => GeneratorHarness.Over(modules);

    [Fact]
    public void Selects_cors_settings_in_the_project_folder_by_default_and_uses_the_root_namespace()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(Dir + "/cors.settings", SampleSettings.ReactText),
            new InMemoryAdditionalText(Dir + "/other/cors.settings", "junk"),
            new InMemoryAdditionalText(Dir + "/notes.txt", "CORS_ALLOW_ALL_ORIGINS = True"),
        };
        var (run, output, _) = GeneratorHarness.Run(Over(SampleSettings.React()), files, GeneratorHarness.Options("MyApp.Web"),
            "namespace MyApp.Web { public static class Use { public static int Origins => new DjangoProjectSettings().Cors.AllowedOrigins.Count; } }");

        var source = Assert.Single(run.GeneratedTrees);
        Assert.EndsWith("MyApp.Web.DjangoProjectSettings.g.cs", source.FilePath);
        Assert.Contains("internal sealed partial class DjangoProjectSettings", source.ToString());
        Assert.Contains("namespace MyApp.Web", source.ToString());
        Assert.Empty(GeneratorHarness.Problems(output));
        Snapshot.VerifyRun(run);
    }

    [Fact]
    public void The_generated_code_compiles_together_with_code_that_uses_it()
    {
        var files = new[] { new InMemoryAdditionalText(Dir + "/cors.settings", SampleSettings.DeferredText) };
        const string consumer = @"
using System;
using System.Collections.Generic;
namespace MyApp.Web
{
    public static class Startup
    {
        internal static string Describe(DjangoProjectSettings settings)
        {
            IReadOnlyList<string> origins = settings.Cors.AllowedOrigins;
            TimeSpan access = settings.SimpleJwt.AccessTokenLifetime;
            bool credentials = settings.Cors.AllowCredentials;
            string? key = settings.SimpleJwt.SigningKey;
            return origins.Count + "" "" + access + "" "" + credentials + "" "" + key + DjangoProjectSettings.SourceText.Length;
        }
    }
}";
        var (run, output, _) = GeneratorHarness.Run(Over(SampleSettings.Deferred()), files, GeneratorHarness.Options(), consumer);
        Assert.Single(run.GeneratedTrees);
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void DjangoSettingsFile_picks_another_file_relative_to_the_project()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(Dir + "/cors.settings", "x"),
            new InMemoryAdditionalText(Dir + "/config/settings.py", string.Empty),
        };
        var (run, output, _) = GeneratorHarness.Run(Over(new ModuleBuilder("config/settings.py", string.Empty)), files,
            GeneratorHarness.Options(settingsFile: "config/./settings.py"));

        var tree = Assert.Single(run.GeneratedTrees);
        Assert.Contains("internal sealed partial class DjangoProjectSettings", tree.ToString());
        Assert.Contains("public const string SourcePath = \"config/settings.py\";", tree.ToString());
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void An_absolute_DjangoSettingsFile_outside_the_project_works()
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText("/src/backend/myproject/settings.py", string.Empty) };
        var (run, _, _) = GeneratorHarness.Run(Over(new ModuleBuilder("../backend/myproject/settings.py", string.Empty)), files,
            GeneratorHarness.Options(settingsFile: "/src/backend/myproject/settings.py"));

        Assert.Contains("public const string SourcePath = \"../backend/myproject/settings.py\";", Assert.Single(run.GeneratedTrees).ToString());
    }

    [Fact]
    public void Diagnostics_point_into_the_settings_file_with_roslyn_positions()
    {
        const string text = "# comment\nCORS_ORIGIN_WHITELIST = [\"https://a.example\"]\nCORS_ALLOWED_ORIGINS = []\nCORS_ALOWED_HEADERS = []\n";
        var module = new ModuleBuilder("cors.settings", text)
            .Set("CORS_ORIGIN_WHITELIST", SampleSettings.List("https://a.example"))
            .Set("CORS_ALLOWED_ORIGINS", SampleSettings.List())
            .Set("CORS_ALOWED_HEADERS", SampleSettings.List());
        var files = new[] { new InMemoryAdditionalText(Dir + "/cors.settings", text) };
        var (run, _, _) = GeneratorHarness.Run(Over(module), files, GeneratorHarness.Options());

        var legacy = Assert.Single(run.Diagnostics, d => d.Id == "DJS0106");
        var span = legacy.Location.GetLineSpan();
        Assert.Equal(Dir + "/cors.settings", span.Path);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(1, 0), span.StartLinePosition);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(1, 21), span.EndLinePosition);
        Assert.Equal(text.IndexOf("CORS_ORIGIN_WHITELIST", StringComparison.Ordinal), legacy.Location.SourceSpan.Start);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, legacy.Severity);
        Assert.Equal("DjangoSettings.Settings", legacy.Descriptor.Category);
        Assert.Equal(DiagnosticDescriptors.HelpLinkBase + "DJS0106.md", legacy.Descriptor.HelpLinkUri);
        Assert.Contains("CORS_ORIGIN_WHITELIST is ignored because CORS_ALLOWED_ORIGINS is also set", legacy.GetMessage());
        var related = Assert.Single(legacy.AdditionalLocations).GetLineSpan();
        Assert.Equal(Dir + "/cors.settings", related.Path);
        Assert.Equal(2, related.StartLinePosition.Line);

        var unknown = Assert.Single(run.Diagnostics, d => d.Id == "DJS0101");
        Assert.Equal(3, unknown.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("did you mean", unknown.GetMessage());
        Snapshot.VerifyRun(run);
    }

    [Fact]
    public void Real_compiler_diagnostics_map_to_the_file_and_the_code_still_compiles()
    {
        const string text = "CORS_ALLOWED_ORIGINS = [\"https://a.example\"]\nCORS_PREFLIGHT_MAX_AGE = -1\nSIMPLE_JWT = {\n    \"ALGORITM\": \"HS256\",\n}\n";
        var files = new[] { new InMemoryAdditionalText(Dir + "/cors.settings", text) };
        var (run, output, _) = GeneratorHarness.Run(new SettingsGenerator(), files, GeneratorHarness.Options(),
            "namespace MyApp.Web { public static class Use { public static int Age => new DjangoProjectSettings().Cors.PreflightMaxAge; } }");

        var maxAge = Assert.Single(run.Diagnostics, d => d.Id == "DJS0204");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, maxAge.Severity);
        var span = maxAge.Location.GetLineSpan();
        Assert.Equal(Dir + "/cors.settings", span.Path);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(1, 25), span.StartLinePosition);
        Assert.Equal(text.IndexOf("-1", StringComparison.Ordinal), maxAge.Location.SourceSpan.Start);

        var key = Assert.Single(run.Diagnostics, d => d.Id == "DJS0102");
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(3, 4), key.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("did you mean ALGORITHM", key.GetMessage());

        Assert.Single(run.GeneratedTrees);
        Assert.Empty(GeneratorHarness.Problems(output));
        Snapshot.VerifyRun(run);
    }

    [Fact]
    public void An_exception_in_the_compiler_becomes_DJS0900_and_no_source()
    {
        var files = new[] { new InMemoryAdditionalText(Dir + "/cors.settings", "CORS_ALLOW_ALL_ORIGINS = True\n") };
        var throwing = new SettingsGenerator((_, _, _) => throw new InvalidOperationException("boom"));
        var (run, output, _) = GeneratorHarness.Run(throwing, files, GeneratorHarness.Options());

        Assert.Null(run.Results[0].Exception);
        Assert.Empty(run.GeneratedTrees);
        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("DJS0900", error.Id);
        Assert.Contains("InvalidOperationException: boom", error.GetMessage());
        Assert.Equal(Dir + "/cors.settings", error.Location.GetLineSpan().Path);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS8785");
    }

    [Fact]
    public void An_unreadable_file_becomes_DJS0900()
    {
        var (run, _, _) = GeneratorHarness.Run(new SettingsGenerator(), new[] { new ThrowingAdditionalText(Dir + "/cors.settings") }, GeneratorHarness.Options());
        Assert.Null(run.Results[0].Exception);
        Assert.Equal("DJS0900", Assert.Single(run.Diagnostics).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0\ufffd\ud800garbage(((([[[{{{'''\"\"\"")]
    [InlineData("CORS_ALLOWED_ORIGINS = [\n")]
    [InlineData("def f(:\n  return\nSIMPLE_JWT = {'ALGORITHM': }\n\tx = \\\n")]
    public void The_real_compiler_never_makes_the_generator_throw(string text)
    {
        var files = new[] { new InMemoryAdditionalText(Dir + "/cors.settings", text) };
        var (run, output, _) = GeneratorHarness.Run(new SettingsGenerator(), files, GeneratorHarness.Options());

        Assert.Null(run.Results[0].Exception);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS8785");
        // Whatever the diagnostics, any generated source must compile.
        Assert.DoesNotContain(GeneratorHarness.Problems(output), d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        Assert.All(run.Diagnostics, d => Assert.StartsWith("DJS", d.Id));
    }

    [Fact]
    public void An_empty_root_namespace_generates_into_the_global_namespace()
    {
        var files = new[] { new InMemoryAdditionalText(Dir + "/cors.settings", string.Empty) };
        var (run, output, _) = GeneratorHarness.Run(Over(new ModuleBuilder("cors.settings", string.Empty)), files, GeneratorHarness.Options(rootNamespace: ""),
            "public static class Use { public static bool X => new DjangoProjectSettings().Cors.AllowAllOrigins; }");
        Assert.DoesNotContain("namespace", Assert.Single(run.GeneratedTrees).ToString());
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Without_a_project_directory_the_file_name_decides()
    {
        var provider = new TestOptionsProvider(new Dictionary<string, string>());
        var files = new AdditionalText[] { new InMemoryAdditionalText("cors.settings", string.Empty), new InMemoryAdditionalText("x/other.settings", string.Empty) };
        var (run, _, _) = GeneratorHarness.Run(Over(new ModuleBuilder("cors.settings", string.Empty)), files, provider);
        Assert.Single(run.GeneratedTrees);
    }
}
