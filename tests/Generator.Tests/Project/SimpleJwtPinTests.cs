using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DjangoSettings.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DjangoSettings.Generator.Tests.Project;

/// <summary>
/// The simplejwt behaviour version comes from the Django project's requirements (DJS0316-DJS0318):
/// requirements.txt, requirements*.txt, requirements/*.txt and pyproject.toml (PEP 621 and Poetry)
/// at the folder holding manage.py, in every syntax pip and Poetry accept for a pin; a range
/// resolves to the newest release the runtime knows that it allows, as pip would install today.
/// </summary>
public sealed class SimpleJwtPinTests
{
    private const string Dir = GeneratorHarness.ProjectDirectory;
    private const string Settings = "INSTALLED_APPS = ['rest_framework_simplejwt']\nSIMPLE_JWT = {'ROTATE_REFRESH_TOKENS': True}\n";

    private static (GeneratorDriverRunResult Run, string? Version) Generate(IEnumerable<(string Path, string Text)> extra, bool runtime = true, string root = "web")
    {
        var files = new List<AdditionalText>
        {
            new InMemoryAdditionalText(Dir + "/web/manage.py", "import sys\n"),
            new InMemoryAdditionalText(Dir + "/web/config/settings.py", Settings),
        };
        files.AddRange(extra.Select(f => (AdditionalText)new InMemoryAdditionalText(Dir + "/" + root + "/" + f.Path, f.Text)));
        var compilation = GeneratorHarness.CreateCompilation("[DjangoSettings.DjangoSettingsFile(\"web/config/settings.py\")] partial class ProjectSettings;", GeneratorHarness.AttributeSource);
        if (runtime) compilation = compilation.AddReferences(GeneratorHarness.FakeRuntime);
        var run = GeneratorHarness.CreateDriver(new SettingsGenerator(), files, GeneratorHarness.Options()).RunGenerators(compilation).GetRunResult();
        string? version = run.Results[0].GeneratedSources
            .Where(s => s.HintName.EndsWith(".SimpleJwtVersion.g.cs", StringComparison.Ordinal))
            .Select(s => s.SourceText.ToString())
            .SingleOrDefault();
        return (run, version);
    }

    private static Diagnostic[] Pins(GeneratorDriverRunResult run)
        => run.Diagnostics.Where(d => d.Id is "DJS0316" or "DJS0317" or "DJS0318").ToArray();

    private static string Message(Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string, int> Pinned() => new()
    {
        // file, text, expected release, line of the pin
        { "requirements.txt", "djangorestframework-simplejwt==5.3.1\n", "5.3.1", 1 },
        { "requirements.txt", "Django>=3.2,<3.3\n# JWT\ndjangorestframework_simplejwt == 5.2.2   # pinned for the mobile app\n", "5.2.2", 3 },
        { "requirements.txt", "DjangoRestFramework.SimpleJWT==5.4.0\n", "5.4.0", 1 },
        { "requirements.txt", "djangorestframework-simplejwt[crypto]==5.3.1\n", "5.3.1", 1 },
        { "requirements.txt", "djangorestframework-simplejwt[crypto] ==5.2.1 ; python_version >= \"3.8\"\n", "5.2.1", 1 },
        { "requirements.txt", "djangorestframework-simplejwt~=5.3.0\n", "5.3.1", 1 },
        { "requirements.txt", "djangorestframework-simplejwt~=5.2\n", "5.5.1", 1 },
        { "requirements.txt", "djangorestframework-simplejwt>=5.2,<5.5\n", "5.4.0", 1 },
        { "requirements.txt", "djangorestframework-simplejwt<5.3\n", "5.2.2", 1 },
        { "requirements.txt", "djangorestframework-simplejwt>=5.0,!=5.5.1\n", "5.5.0", 1 },
        { "requirements.txt", "djangorestframework-simplejwt==5.3.*\n", "5.3.1", 1 },
        { "requirements.txt", "djangorestframework-simplejwt (>=5.2, <5.3)\n", "5.2.2", 1 },
        { "requirements.txt", "djangorestframework-simplejwt===5.2.0\n", "5.2.0", 1 },
        { "requirements.txt", "djangorestframework-simplejwt\n", "5.5.1", 1 },
        { "requirements.txt", "-r base.txt\n\ndjangorestframework-simplejwt==5.2.2 \\\n    --hash=sha256:0123456789abcdef\nrequests==2.31.0\n", "5.2.2", 3 },
        { "requirements-prod.txt", "gunicorn\ndjangorestframework-simplejwt==5.5.0\n", "5.5.0", 2 },
        { "requirements/base.txt", "django==4.2.*\ndjangorestframework-simplejwt==5.2.2\n", "5.2.2", 2 },
        { "pyproject.toml", "[project]\nname = \"api\"\ndependencies = [\n    \"django>=4.2\",  # web\n    \"djangorestframework-simplejwt[crypto]>=5.3,<5.5\",\n]\n", "5.4.0", 5 },
        { "pyproject.toml", "[project]\ndependencies = ['djangorestframework-simplejwt==5.3.0']\n", "5.3.0", 2 },
        { "pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.11\"\ndjangorestframework-simplejwt = \"^5.2.2\"\n", "5.5.1", 3 },
        { "pyproject.toml", "[tool.poetry.dependencies]\ndjangorestframework-simplejwt = \"~5.3\"\n", "5.3.1", 2 },
        { "pyproject.toml", "[tool.poetry.dependencies]\ndjangorestframework-simplejwt = \"5.2.2\"\n", "5.2.2", 2 },
        { "pyproject.toml", "[tool.poetry.dependencies]\n\"djangorestframework_simplejwt\" = { version = \">=5.2,<5.4\", extras = [\"crypto\"] }\n", "5.3.1", 2 },
        { "pyproject.toml", "[tool.poetry.dependencies]\ndjangorestframework-simplejwt = \"5.0.0 || ^5.4\"\n", "5.5.1", 2 },
    };

    [Theory]
    [MemberData(nameof(Pinned))]
    public void The_pin_is_read_in_every_syntax(string file, string text, string release, int line)
    {
        var (run, source) = Generate(new[] { (file, text) });
        var info = Assert.Single(Pins(run));
        Assert.Equal("DJS0316", info.Id);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.StartsWith("simplejwt " + release + " behaviour from " + file + "(" + line.ToString(CultureInfo.InvariantCulture) + "): ", Message(info), StringComparison.Ordinal);
        var span = info.Location.GetLineSpan();
        Assert.Equal(Dir + "/web/" + file, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.NotNull(source);
        Assert.Contains("version = \"" + release + "\";", source);
        Assert.Contains("source = \"" + file + "(" + line.ToString(CultureInfo.InvariantCulture) + ")\";", source);
    }

    [Fact]
    public void A_range_says_it_was_resolved_as_pip_would()
    {
        var (run, _) = Generate(new[] { ("requirements.txt", "djangorestframework-simplejwt>=5.2,<5.5\n") });
        Assert.Contains("pip installs the newest release it allows, and 5.4.0 is the newest the runtime knows", Message(Assert.Single(Pins(run))));
        var (exact, _) = Generate(new[] { ("requirements.txt", "djangorestframework-simplejwt==5.4.0\n") });
        Assert.Contains("'djangorestframework-simplejwt==5.4.0' is an exact pin", Message(Assert.Single(Pins(exact))));
    }

    public static TheoryData<string, string, string> Unreadable() => new()
    {
        { "requirements.txt", "djangorestframework-simplejwt==4.8.0\n", "4.8.0 is not a release the runtime imitates" },
        { "requirements.txt", "djangorestframework-simplejwt==5.6.0\n", "5.6.0 is not a release the runtime imitates" },
        { "requirements.txt", "djangorestframework-simplejwt>=6\n", "no release the runtime imitates satisfies it" },
        { "requirements.txt", "djangorestframework-simplejwt==${SIMPLEJWT_VERSION}\n", "is not a release version the build understands" },
        { "requirements.txt", "djangorestframework-simplejwt=5.2.2\n", "is not a version specifier" },
        { "requirements.txt", "djangorestframework-simplejwt==5.3.0rc1\n", "is not a release version the build understands" },
        { "requirements.txt", "djangorestframework-simplejwt @ git+https://github.com/jazzband/djangorestframework-simplejwt.git@master\n", "a direct reference" },
        { "requirements.txt", "-e git+https://github.com/jazzband/djangorestframework-simplejwt.git#egg=djangorestframework-simplejwt\n", "an editable or URL install names no version" },
        { "requirements.txt", "https://files.example/djangorestframework_simplejwt-5.3.1-py3-none-any.whl\n", "a URL or path install" },
        { "pyproject.toml", "[tool.poetry.dependencies]\ndjangorestframework-simplejwt = { git = \"https://github.com/jazzband/djangorestframework-simplejwt.git\" }\n", "names no version (a git, path or url source)" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_pin_that_cannot_be_read_is_a_warning_and_the_default_applies(string file, string text, string reason)
    {
        var (run, source) = Generate(new[] { (file, text) });
        var warning = Assert.Single(Pins(run));
        Assert.Equal("DJS0317", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains(reason, Message(warning));
        Assert.Contains("pin a release from 5.0.0 to 5.5.1", Message(warning));
        Assert.Equal(Dir + "/web/" + file, warning.Location.GetLineSpan().Path);
        Assert.Null(source);
    }

    [Fact]
    public void No_pin_means_no_diagnostic_and_no_source()
    {
        var (run, source) = Generate(new[] { ("requirements.txt", "Django==3.2.25\ndjangorestframework==3.14.0\n# djangorestframework-simplejwt==5.2.2 (commented out)\n") });
        Assert.Empty(Pins(run));
        Assert.Null(source);
        var (none, nothing) = Generate(Array.Empty<(string, string)>());
        Assert.Empty(Pins(none));
        Assert.Null(nothing);
    }

    [Fact]
    public void Files_that_disagree_are_reported_and_the_first_wins()
    {
        var (run, source) = Generate(new[]
        {
            ("requirements/base.txt", "djangorestframework-simplejwt==5.5.1\n"),
            ("requirements.txt", "-r requirements/base.txt\ndjangorestframework-simplejwt==5.2.2\n"),
            ("pyproject.toml", "[project]\ndependencies = [\"djangorestframework-simplejwt==5.2.2\"]\n"),
        });
        var pins = Pins(run);
        Assert.Equal(new[] { "DJS0316", "DJS0318" }, pins.Select(d => d.Id).ToArray());
        Assert.StartsWith("simplejwt 5.2.2 behaviour from requirements.txt(2)", Message(pins[0]), StringComparison.Ordinal);
        Assert.StartsWith("requirements/base.txt(1) resolves simplejwt to 5.5.1, but requirements.txt(2) to 5.2.2", Message(pins[1]), StringComparison.Ordinal);
        Assert.Contains("version = \"5.2.2\";", source);
    }

    [Fact]
    public void Only_the_project_root_and_its_requirements_folder_are_read()
    {
        var (run, source) = Generate(new[] { ("docs/requirements.txt", "djangorestframework-simplejwt==5.2.2\n"), ("requirements/dev/extra.txt", "djangorestframework-simplejwt==5.2.2\n") });
        Assert.Empty(Pins(run));
        Assert.Null(source);
    }

    [Fact]
    public void DjangoProjectRoot_points_at_the_requirements()
    {
        // Settings copied away from the project (no manage.py above them): the property says where it is.
        var files = new List<AdditionalText>
        {
            new InMemoryAdditionalText(Dir + "/cors.settings", Settings),
            new InMemoryAdditionalText("/src/backend/manage.py", "import sys\n"),
            new InMemoryAdditionalText("/src/backend/requirements.txt", "djangorestframework-simplejwt==5.3.0\n"),
        };
        var options = new TestOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.MSBuildProjectDirectory"] = Dir,
            ["build_property.RootNamespace"] = "MyApp.Web",
            ["build_property.DjangoProjectRoot"] = "../backend",
        });
        var compilation = GeneratorHarness.CreateCompilation("class Program { }").AddReferences(GeneratorHarness.FakeRuntime);
        var run = GeneratorHarness.CreateDriver(new SettingsGenerator(), files, options).RunGenerators(compilation).GetRunResult();
        Assert.StartsWith("simplejwt 5.3.0 behaviour from requirements.txt(1)", Message(Assert.Single(Pins(run))), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_runtime_nothing_is_read()
    {
        var (run, source) = Generate(new[] { ("requirements.txt", "djangorestframework-simplejwt==4.0.0\n") }, runtime: false);
        Assert.Empty(Pins(run));
        Assert.Null(source);
    }

    [Theory]
    [InlineData("DJS0316", new[] { "requirements.txt" })]
    [InlineData("DJS0317", new[] { "requirements.txt" })]
    [InlineData("DJS0318", new[] { "requirements.txt", "requirements/base.txt" })]
    public void The_help_page_shows_what_the_generator_reports(string id, string[] files)
    {
        // The page's "Wrong" section: one text block per file, then the diagnostic as the build prints it.
        string page = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "diagnostics", id + ".md")).Replace("\r\n", "\n");
        string wrong = page.Substring(page.IndexOf("## Wrong", StringComparison.Ordinal));
        wrong = wrong.Substring(0, wrong.IndexOf("\n## ", 3, StringComparison.Ordinal));
        var blocks = System.Text.RegularExpressions.Regex.Matches(wrong, "```text\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(files.Length + 1, blocks.Length);
        var (run, _) = Generate(files.Select((f, i) => (f, blocks[i])).ToArray());
        var d = Assert.Single(run.Diagnostics, x => x.Id == id);
        var span = d.Location.GetLineSpan();
        string relative = span.Path.Substring((Dir + "/web/").Length);
        string shown = relative + "(" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + "," + (span.StartLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture) + "): "
            + d.Severity.ToString().ToLowerInvariant() + " " + id + ": " + Message(d);
        Assert.Equal(blocks[files.Length].TrimEnd('\n'), shown);
    }

    [Fact]
    public void The_pin_step_stays_cached_until_a_requirements_file_changes()
    {
        var requirements = new InMemoryAdditionalText(Dir + "/web/requirements.txt", "djangorestframework-simplejwt==5.2.2\n");
        var models = new InMemoryAdditionalText(Dir + "/web/accounts/models.py", "X = 1\n");
        var files = new List<AdditionalText>
        {
            new InMemoryAdditionalText(Dir + "/web/manage.py", "import sys\n"),
            new InMemoryAdditionalText(Dir + "/web/config/settings.py", Settings),
            requirements,
            models,
        };
        string declaration = "[DjangoSettings.DjangoSettingsFile(\"web/config/settings.py\")] partial class ProjectSettings;";
        var compilation = GeneratorHarness.CreateCompilation(declaration, GeneratorHarness.AttributeSource).AddReferences(GeneratorHarness.FakeRuntime);
        var driver = GeneratorHarness.CreateDriver(new SettingsGenerator(), files, GeneratorHarness.Options()).RunGenerators(compilation);

        // C# edited, a model edited: the pin is not read again.
        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Other { }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);
        AssertPinStep(driver.GetRunResult(), IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        driver = driver.ReplaceAdditionalText(models, new InMemoryAdditionalText(models.Path, "X = 2\n")).RunGenerators(edited);
        AssertPinStep(driver.GetRunResult(), IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);

        // The pin edited: read again, and the source says the new release.
        driver = driver.ReplaceAdditionalText(requirements, new InMemoryAdditionalText(requirements.Path, "djangorestframework-simplejwt==5.5.1\n")).RunGenerators(edited);
        var run = driver.GetRunResult();
        AssertPinStep(run, IncrementalStepRunReason.Modified);
        Assert.Contains("version = \"5.5.1\";", run.Results[0].GeneratedSources.Single(s => s.HintName.EndsWith(".SimpleJwtVersion.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    private static void AssertPinStep(GeneratorDriverRunResult run, params IncrementalStepRunReason[] allowed)
    {
        var steps = run.Results[0].TrackedSteps[DjangoSettings.Generator.Roslyn.TrackingNames.SimpleJwtPin];
        Assert.NotEmpty(steps);
        foreach (var (_, reason) in steps.SelectMany(s => s.Outputs)) Assert.Contains(reason, allowed);
    }
}
