using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using DjangoSettings.Cli.Output;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Tests.Cli.Sarif;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Cli;

/// <summary><c>check --format sarif</c>: valid SARIF 2.1.0 (the OASIS schema) with what code scanning shows.</summary>
public sealed class SarifOutputTests : IDisposable
{
    private readonly CliTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_log_is_valid_sarif_with_rules_levels_and_regions()
    {
        const string text = "import os\nCORS_ALLOW_CREDENTIALS = \"yes\"\nCORS_ALOWED_ORIGINS = []\nSIMPLE_JWT = {\n    \"ACCESS_TOKEN_LIFETIME\": 300,\n}\n";
        string path = _folder.Write("settings.py", text);

        var (code, stdout, stderr) = CliTestFolder.Run("check", "--format", "sarif", path);

        Assert.Equal(1, code);
        Assert.Empty(stderr);
        Assert.Empty(SarifSchema.Validate(stdout, RepositoryRoot.Path));
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(doc.RootElement.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("djangosettings", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new[] { "DJS0100", "DJS0101", "DJS0203", "DJS0312" }, rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            string id = rule.GetProperty("id").GetString()!;
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", rule.GetProperty("helpUri").GetString());
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics", id + ".md")), id + " has no help page");
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        }
        Assert.Equal("error", rules[2].GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(new[] { "DJS0203", "DJS0101", "DJS0312", "DJS0100" }, results.Select(r => r.GetProperty("ruleId").GetString()));
        // Severity mapping: error -> error, warning -> warning, info -> note.
        Assert.Equal(new[] { "error", "warning", "note", "error" }, results.Select(r => r.GetProperty("level").GetString()));
        foreach (var result in results)
        {
            int index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }

        var first = results[0];
        Assert.StartsWith("CORS_ALLOW_CREDENTIALS should be a bool", first.GetProperty("message").GetProperty("text").GetString());
        var physical = Assert.Single(first.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        // Outside the current directory: an absolute file URI.
        Assert.Equal(new Uri(path).AbsoluteUri, physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = physical.GetProperty("region");
        Assert.Equal(2, region.GetProperty("startLine").GetInt32());
        Assert.Equal(26, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(2, region.GetProperty("endLine").GetInt32());
        // "yes" with its quotes: columns 26-30, SARIF's endColumn is the column after.
        Assert.Equal(31, region.GetProperty("endColumn").GetInt32());
        Assert.Equal("build", run.GetProperty("properties").GetProperty("evaluation").GetString());
    }

    [Fact]
    public void Paths_under_the_current_directory_are_relative_to_srcroot()
    {
        string path = _folder.Write("config/my settings/production.py", "CORS_ALOWED_ORIGINS = []\n");
        var text = new SettingsSource(path, File.ReadAllText(path));
        var diagnostic = SettingsDiagnostic.Create(DiagnosticDescriptors.UnknownCorsSetting, text.GetLocation(new SourceSpan(0, 19)), "CORS_ALOWED_ORIGINS", "x");

        string sarif = SarifLog.Write(new[] { diagnostic }, "1.2.3", _folder.Root, "startup", new[] { "DJANGO_SECRET_KEY" });

        Assert.Empty(SarifSchema.Validate(sarif, RepositoryRoot.Path));
        using var doc = JsonDocument.Parse(sarif);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal(new Uri(_folder.Root + Path.DirectorySeparatorChar).AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        var artifact = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("config/my%20settings/production.py", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        Assert.Equal("1.2.3", run.GetProperty("tool").GetProperty("driver").GetProperty("version").GetString());
        // The names of the variables given, never their values.
        Assert.Equal(new[] { "DJANGO_SECRET_KEY" }, run.GetProperty("properties").GetProperty("environmentVariables").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void With_an_environment_the_log_says_so_and_holds_no_value()
    {
        string path = _folder.Write("settings.py", "import os\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\nCORS_ALLOWED_ORIGINS = os.environ[\"ORIGINS\"].split(\",\")\n");
        string env = _folder.Write(".env", "DJANGO_SECRET_KEY=do-not-print-me-0123456789abcdefghijklmnopqrstuvwxyz\nORIGINS=https://a.example.com/\n");
        var (code, stdout, _) = CliTestFolder.Run("check", "--env-file", env, "--format", "sarif", path);
        Assert.Equal(1, code);
        Assert.Empty(SarifSchema.Validate(stdout, RepositoryRoot.Path));
        Assert.DoesNotContain("do-not-print-me", stdout);
        using var doc = JsonDocument.Parse(stdout);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("startup", run.GetProperty("properties").GetProperty("evaluation").GetString());
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("DJS0213", result.GetProperty("ruleId").GetString());
        Assert.Equal(3, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void A_clean_file_gives_a_valid_log_with_no_results()
    {
        string path = _folder.Write("cors.settings", "CORS_ALLOWED_ORIGINS = [\"https://app.example.com\"]\n");
        var (code, stdout, _) = CliTestFolder.Run("check", "--format", "sarif", path);
        Assert.Equal(0, code);
        Assert.Empty(SarifSchema.Validate(stdout, RepositoryRoot.Path));
        using var doc = JsonDocument.Parse(stdout);
        Assert.Empty(doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void The_validator_rejects_what_the_schema_forbids()
    {
        // The schema test can fail: a log with a wrong version and a bad level is refused.
        string path = _folder.Write("cors.settings", "CORS_ALOWED_ORIGINS = []\n");
        var (_, stdout, _) = CliTestFolder.Run("check", "--format", "sarif", path);
        Assert.NotEmpty(SarifSchema.Validate(stdout.Replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\""), RepositoryRoot.Path));
        Assert.NotEmpty(SarifSchema.Validate(stdout.Replace("\"level\": \"warning\"", "\"level\": \"serious\""), RepositoryRoot.Path));
        Assert.NotEmpty(SarifSchema.Validate(stdout.Replace("\"startLine\": 1", "\"startLine\": 0"), RepositoryRoot.Path));
    }
}
