extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using DjangoSettings.Cors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using SettingsGenerator = generator::DjangoSettings.Generator.SettingsGenerator;

namespace DjangoSettings.Runtime.Tests.Cors.Support;

/// <summary>
/// What a project build does with a settings file, in-process: the real source generator runs in a
/// <see cref="CSharpGeneratorDriver"/> over <c>cors.settings</c> (the project's default
/// <c>DjangoProjectSettings</c>), Roslyn compiles the result against this runtime, and the CORS
/// policy comes from the generated wiring, so the tests run the emitted origin matcher and
/// regexes, not a policy built by hand.
/// </summary>
internal sealed class GeneratedWiring
{
    private const string ProjectDirectory = "/src/App";
    private const string ClassName = "DjangoProjectSettings";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Append(typeof(DjangoCorsPolicy).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    private readonly Assembly _assembly;

    private GeneratedWiring(string source, Assembly assembly)
    {
        Source = source;
        _assembly = assembly;
    }

    /// <summary>The generated C# (every file the generator added).</summary>
    public string Source { get; }

    /// <summary>Runs the generator on <paramref name="settingsText"/> and compiles its output; asserts both succeed without errors.</summary>
    public static GeneratedWiring Compile(string settingsText)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            Array.Empty<SyntaxTree>(),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new SettingsGenerator().AsSourceGenerator() },
            new AdditionalText[] { new MemoryFile(Path.Combine(ProjectDirectory, "cors.settings"), settingsText) },
            parse,
            new BuildProperties(new Dictionary<string, string>
            {
                ["build_property.MSBuildProjectDirectory"] = ProjectDirectory,
                ["build_property.RootNamespace"] = "App",
            }));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string source = string.Join("\n", output.SyntaxTrees.Select(t => t.ToString()));

        using var pe = new MemoryStream();
        var emit = output.Emit(pe);
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(emit.Success, string.Join("\n", errors.Take(20)));
        pe.Position = 0;
        // Collectible; DjangoSettings.Runtime and ASP.NET Core resolve from the default context,
        // so the policy it returns is this process's DjangoCorsPolicy.
        var context = new AssemblyLoadContext(output.AssemblyName, isCollectible: true);
        return new GeneratedWiring(source, context.LoadFromStream(pe));
    }

    /// <summary>
    /// The policy <c>AddDjangoSettings</c> would register: the generated wiring's
    /// <c>CreateCorsPolicy</c> over a settings instance its <c>Create</c> made.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Tests run JIT-compiled with the generated assembly loaded whole.")]
    public DjangoCorsPolicy CreateCorsPolicy()
    {
        var settingsType = _assembly.GetTypes().Single(t => t.Name == ClassName && !t.IsNested);
        var wiring = settingsType.GetNestedType("DjangoSettingsWiring", BindingFlags.NonPublic) ?? throw new InvalidOperationException("no wiring class");
        object compiled = wiring.GetField("Compiled", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var create = (Delegate)compiled.GetType().GetProperty("Create")!.GetValue(compiled)!;
        var createCorsPolicy = (Delegate)compiled.GetType().GetProperty("CreateCorsPolicy")!.GetValue(compiled)!;
        try
        {
            object settings = create.DynamicInvoke(new object?[] { null })!;
            return (DjangoCorsPolicy)createCorsPolicy.DynamicInvoke(settings)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private sealed class MemoryFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class BuildProperties(IDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(IDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
