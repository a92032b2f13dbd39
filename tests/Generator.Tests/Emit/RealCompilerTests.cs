using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Emit;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Emit;

/// <summary>The emitter behind the real front end (lexer, parser, evaluator, binder, checks).</summary>
public class RealCompilerTests
{
    private static readonly CompileOptions Options = new("MyApp.Web", "DjangoProjectSettings");

    [Fact]
    public void React_settings_compile_to_the_same_class_as_the_hand_evaluated_module()
    {
        var result = SettingsCompiler.Compile(new[] { new SettingsSource("cors.settings", SampleSettings.ReactText) }, Options);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(SettingsEmitter.Emit(SampleSettings.React().Bind(), Options), result.GeneratedSource);
    }

    [Fact]
    public void Deferred_settings_compile_to_the_same_class_as_the_hand_evaluated_module()
    {
        var result = SettingsCompiler.Compile(new[] { new SettingsSource("cors.settings", SampleSettings.DeferredText) }, Options);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(SettingsEmitter.Emit(SampleSettings.Deferred().Bind(), Options), result.GeneratedSource);
    }

    [Theory]
    [InlineData("allow_all.cors.settings")]
    [InlineData("legacy.cors.settings")]
    [InlineData("react.cors.settings")]
    [InlineData("regex.cors.settings")]
    public void Every_oracle_settings_file_compiles_to_code_that_compiles(string name)
    {
        string text = System.IO.File.ReadAllText(RepositoryRoot.Corpus("Emit/" + name));
        var result = SettingsCompiler.Compile(new[] { new SettingsSource(name, text) }, Options);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        CompiledSettings.Load(result.GeneratedSource!, "DjangoProjectSettings");
    }
}
