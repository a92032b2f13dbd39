extern alias generator;

using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using DjangoSettings.Cors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Compiler = generator::DjangoSettings.Generator;
using SettingsSource = generator::DjangoSettings.Generator.Text.SettingsSource;

namespace DjangoSettings.Runtime.Tests.Cors.Support;

/// <summary>
/// What a project build does with a settings file, in-process: the generator's compiler core emits
/// the settings class and its ASP.NET Core wiring, Roslyn compiles that source against this
/// runtime, and the CORS policy comes from the generated <c>CreateCorsPolicy</c>, so the tests run
/// the emitted origin matcher and regexes, not a policy built by hand.
/// </summary>
internal sealed class GeneratedWiring
{
    private const string ClassName = "CorsSettings";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Append(typeof(DjangoCorsPolicy).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    private GeneratedWiring(string source, Assembly assembly)
    {
        Source = source;
        _assembly = assembly;
    }

    private readonly Assembly _assembly;

    /// <summary>The generated C#.</summary>
    public string Source { get; }

    /// <summary>Runs the generator core on <paramref name="settingsText"/> and compiles its output; asserts both succeed.</summary>
    public static GeneratedWiring Compile(string settingsText)
    {
        var result = Compiler.SettingsCompiler.Compile(
            new[] { new SettingsSource("cors.settings", settingsText) },
            new Compiler.CompileOptions("App", ClassName, EmitRuntimeWiring: true));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        string source = result.GeneratedSource!;

        var compilation = CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "CorsSettings.g.cs") },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(emit.Success, string.Join("\n", errors.Take(20)));
        pe.Position = 0;
        // Collectible; DjangoSettings.Runtime and ASP.NET Core resolve from the default context,
        // so the policy it returns is this process's DjangoCorsPolicy.
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return new GeneratedWiring(source, context.LoadFromStream(pe));
    }

    /// <summary>The policy the generated <c>CreateCorsPolicy()</c> builds, as <c>builder.AddCorsSettings()</c> would register it.</summary>
    public DjangoCorsPolicy CreateCorsPolicy()
    {
        var hosting = _assembly.GetTypes().Single(t => t.Name == ClassName + "HostingExtensions");
        var create = hosting.GetMethod("CreateCorsPolicy", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("the wiring has no CreateCorsPolicy");
        try
        {
            return (DjangoCorsPolicy)create.Invoke(null, null)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
