using System;
using System.IO;
using System.Linq;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Hosting;

/// <summary>
/// The settings compiler core is linked into the runtime as source and stays internal: no
/// DjangoSettings.Generator type is public, and the recorded public API (PublicApiAnalyzers keeps it
/// equal to the real surface at build time) never names one.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void No_compiler_core_type_is_public_in_the_runtime()
    {
        var exported = typeof(DjangoSettings.Settings.SettingsLoader).Assembly.GetExportedTypes();
        Assert.NotEmpty(exported);
        Assert.DoesNotContain(exported, t => t.Namespace is { } ns && ns.StartsWith("DjangoSettings.Generator", StringComparison.Ordinal));
        Assert.DoesNotContain(exported, t => t.Name is "PyValue" or "PyDict" or "SettingsBinder" or "DiagnosticDescriptors" or "SettingsDiagnostic" or "ISettingsEnvironment");
    }

    [Theory]
    [InlineData("Runtime")]
    [InlineData("Runtime.PostgreSql")]
    [InlineData("Runtime.Redis")]
    public void The_recorded_public_api_names_no_compiler_core_type(string project)
    {
        foreach (var name in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            string path = Path.Combine(SharedDirectory.RepositoryRoot, "src", project, name);
            Assert.True(File.Exists(path), path);
            var lines = File.ReadAllLines(path);
            Assert.Equal("#nullable enable", lines[0]);
            Assert.DoesNotContain(lines, l => l.Contains("DjangoSettings.Generator.", StringComparison.Ordinal));
        }
    }
}
