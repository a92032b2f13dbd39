using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Emit;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Emit;

/// <summary>
/// The design for deferred values, end to end: the generated class embeds its source; at startup the
/// same compiler core evaluates it with configuration, checks it, and answers DeferredResolver.
/// </summary>
public class StartupWiringTests
{
    private sealed class Configuration : ISettingsEnvironment
    {
        private readonly Dictionary<string, string> _values;

        public Configuration(Dictionary<string, string> values) => _values = values;

        public string? GetVariable(string key) => _values.TryGetValue(key, out var v) ? v : null;

        public string? ReadFile(string path) => null;
    }

    [Fact]
    public void Deferred_members_read_the_values_evaluated_at_startup()
    {
        var build = SettingsCompiler.Compile(new[] { new SettingsSource("cors.settings", SampleSettings.DeferredText) }, new CompileOptions("MyApp.Web", "DjangoProjectSettings"));
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        var compiled = CompiledSettings.Load(build.GeneratedSource!, "DjangoProjectSettings");

        // What the runtime does at startup with the embedded source and IConfiguration.
        var sources = new[] { new SettingsSource((string)compiled.GetOuter("SourcePath")!, (string)compiled.GetOuter("SourceText")!) };
        var environment = new Configuration(new Dictionary<string, string>
        {
            ["DJANGO_SECRET_KEY"] = "a-long-random-secret-from-the-vault-0123456789",
            ["CORS_ALLOWED_ORIGINS"] = "https://a.example,https://b.example",
            ["ACCESS_MINUTES"] = "30",
        });
        var module = SettingsEvaluator.Evaluate(sources, environment);
        var diagnostics = new List<SettingsDiagnostic>(module.Diagnostics);
        var bound = SettingsBinder.Bind(module, sources, diagnostics);
        SettingsChecks.Run(bound, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Severity == SettingsSeverity.Error);
        Assert.False(bound.HasDeferred);
        compiled.SetResolver(SettingValues.Resolver(bound));

        Assert.Equal(new[] { "https://a.example", "https://b.example" }, (IReadOnlyList<string>)compiled.Get("Cors", "AllowedOrigins")!);
        Assert.Equal(TimeSpan.FromMinutes(30), compiled.Get("SimpleJwt", "AccessTokenLifetime"));
        Assert.Equal("a-long-random-secret-from-the-vault-0123456789", compiled.Get("SimpleJwt", "SigningKey"));
        Assert.Equal("a-long-random-secret-from-the-vault-0123456789", compiled.Get("Django", "SecretKey"));
        Assert.Equal(false, compiled.Get("Django", "Debug"));
    }

    [Fact]
    public void Startup_values_have_the_types_of_the_generated_members()
    {
        var bound = SampleSettings.React().Bind();
        var compiled = CompiledSettings.Load(SettingsEmitter.Emit(bound, new CompileOptions("MyApp.Web", "DjangoProjectSettings")), "DjangoProjectSettings");
        foreach (var setting in bound.All.Where(s => s.Definition.Kind != SettingKind.Removed))
        {
            string group = setting.Definition.Group.ToString();
            object? member = compiled.Get(group, setting.Definition.MemberName);
            object? runtime = SettingValues.ToClr(setting);
            if (member is IReadOnlyList<string> list) Assert.Equal(list, Assert.IsAssignableFrom<IReadOnlyList<string>>(runtime));
            else Assert.Equal(member, runtime);
        }
    }
}
