using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Roslyn;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks;

/// <summary>
/// When Django's deploy checks (DJS07NN) run: only with DjangoDeployChecks=true (the package's
/// targets set it for Release builds), read by the generator from the build property; and
/// SILENCED_SYSTEM_CHECKS silences them, and the request-handling checks that carry a Django id, as
/// Django does. (Each check's triggering and non-triggering example: HelpPageExampleTests.)
/// </summary>
public class DeployCheckSwitchTests
{
    private const string Debug = "DEBUG = True\n";

    private static IEnumerable<string> Ids(string text, bool deploy)
        => SettingsCompiler.Check(new[] { new SettingsSource("cors.settings", text) }, deploy).Diagnostics.Select(d => d.Id);

    [Fact]
    public void Deploy_checks_are_off_unless_asked_for()
    {
        Assert.DoesNotContain(Ids(Debug, deploy: false), id => id.StartsWith("DJS07", System.StringComparison.Ordinal));
        Assert.Contains("DJS0718", Ids(Debug, deploy: true));
        // The generator's own compile path, with the option the build passes.
        var compiled = SettingsCompiler.Compile(new[] { new SettingsSource("cors.settings", Debug) }, new CompileOptions("Tests", "DjangoProjectSettings", DeployChecks: true));
        Assert.Contains(compiled.Diagnostics, d => d.Id == "DJS0718");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData(" True ", true)]
    public void The_build_property_switches_them(string? property, bool expected)
    {
        Assert.Equal(expected, ProjectOptions.Create("/p", null, "App", property).DeployChecks);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(null, false)]
    public void The_generator_reads_DjangoDeployChecks(string? property, bool reported)
    {
        var options = GeneratorHarness.Options();
        if (property is not null) options = new TestOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.MSBuildProjectDirectory"] = GeneratorHarness.ProjectDirectory,
            ["build_property.RootNamespace"] = "MyApp.Web",
            ["build_property.DjangoDeployChecks"] = property,
        });
        var files = new AdditionalText[] { new InMemoryAdditionalText(GeneratorHarness.ProjectDirectory + "/cors.settings", Debug) };
        var (run, _, _) = GeneratorHarness.Run(new SettingsGenerator(), files, options);
        Assert.Equal(reported, run.Diagnostics.Any(d => d.Id == "DJS0718"));
    }

    [Fact]
    public void Silenced_system_checks_silence_the_diagnostics_with_that_django_id()
    {
        const string text = "DEBUG = True\nSECURE_REFERRER_POLICY = 'same_origin'\nSILENCED_SYSTEM_CHECKS = ['security.W018', 'security.E023']\n";
        var ids = Ids(text, deploy: true).ToList();
        Assert.DoesNotContain("DJS0718", ids);
        Assert.DoesNotContain("DJS0405", ids);
        // Others stay: W008 and W004 were not silenced.
        Assert.Contains("DJS0708", ids);
        Assert.Contains("DJS0704", ids);
    }

    [Fact]
    public void A_fragment_without_middleware_is_judged_with_startprojects_list()
    {
        // startproject's MIDDLEWARE has SecurityMiddleware, XFrameOptionsMiddleware and CsrfViewMiddleware.
        var ids = Ids("SECURE_HSTS_SECONDS = 3600\n", deploy: true).ToList();
        Assert.DoesNotContain("DJS0701", ids);
        Assert.DoesNotContain("DJS0702", ids);
        Assert.DoesNotContain("DJS0703", ids);
        Assert.Contains("DJS0705", ids);
        // Values known only at startup are not judged.
        Assert.DoesNotContain("DJS0718", Ids("import os\nDEBUG = os.environ.get('DEBUG') == '1'\n", deploy: true));
    }
}
