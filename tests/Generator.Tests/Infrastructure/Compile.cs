using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Tests.Infrastructure;

/// <summary>Compiles settings text the way the generator does and formats diagnostics compactly.</summary>
internal static class Compile
{
    public static CompilationResult Text(string text, string path = "cors.settings")
        => SettingsCompiler.Compile(new[] { new SettingsSource(path, text) }, new CompileOptions("Tests", "DjangoProjectSettings"));

    /// <summary>"DJS0212@3:5" for each diagnostic of at least the given severity, in source order.</summary>
    public static string[] Ids(string text, SettingsSeverity minimum = SettingsSeverity.Warning)
        => Text(text).Diagnostics.Where(d => d.Severity >= minimum).Select(d => $"{d.Id}@{d.Location.Start.Line}:{d.Location.Start.Column}").ToArray();

    public static SettingsDiagnostic Single(string text, string id)
        => Text(text).Diagnostics.Single(d => d.Id == id);
}
