using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DjangoSettings.Generator.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does: a CSharpGeneratorDriver over in-memory files and build properties.</summary>
public static class GeneratorHarness
{
    /// <summary>The project directory the tests pretend to build in.</summary>
    public const string ProjectDirectory = "/src/MyApp";

    /// <summary>The runtime's own assemblies (the trusted platform assemblies), enough to compile the generated code.</summary>
    public static ImmutableArray<MetadataReference> References { get; } = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();

    /// <summary>
    /// The attribute as DjangoSettings.Runtime declares it (these tests compile without the runtime;
    /// the generator matches it by metadata name).
    /// </summary>
    public const string AttributeSource = "namespace DjangoSettings { [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class DjangoSettingsFileAttribute : System.Attribute { public DjangoSettingsFileAttribute(string path) => Path = path; public string Path { get; } } }";

    /// <summary>A reference to an assembly named DjangoSettings.Runtime (empty), which turns on what depends on the runtime being referenced.</summary>
    public static MetadataReference FakeRuntime { get; } = CSharpCompilation.Create("DjangoSettings.Runtime", null, References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference();

    /// <summary>Parse options: the latest language version.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>A library compilation with nullable on.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "MyApp",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver with step tracking on.</summary>
    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, IEnumerable<AdditionalText> files, TestOptionsProvider options)
        => CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            files,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Default build properties: project directory and root namespace.</summary>
    public static TestOptionsProvider Options(string rootNamespace = "MyApp.Web", string? settingsFile = null)
    {
        var global = new Dictionary<string, string>
        {
            ["build_property.MSBuildProjectDirectory"] = ProjectDirectory,
            ["build_property.RootNamespace"] = rootNamespace,
        };
        if (settingsFile is not null) global["build_property.DjangoSettingsFile"] = settingsFile;
        return new TestOptionsProvider(global);
    }

    /// <summary>Runs the generator over <paramref name="files"/>, then compiles the result; returns both.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output, GeneratorDriver Driver) Run(
        IIncrementalGenerator generator, IEnumerable<AdditionalText> files, TestOptionsProvider options, params string[] csharp)
    {
        var compilation = CreateCompilation(csharp);
        var driver = CreateDriver(generator, files, options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output, driver);
    }

    /// <summary>
    /// The generator over hand-built modules (through the real binder and emitter), matched by the
    /// path and text the core sees; the real evaluator takes this role once the language branch lands.
    /// </summary>
    internal static SettingsGenerator Over(params ModuleBuilder[] modules)
        => new((files, options, _) =>
        {
            var main = files[files.Count - 1];
            return modules.Single(m => m.Source.Path == main.Path && m.Source.Text == main.Text).Compile(options);
        });

    /// <summary>The errors and warnings of a compilation (hidden and info diagnostics left out).</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

/// <summary>An additional file held in memory.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    /// <summary>Creates the file.</summary>
    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    /// <inheritdoc />
    public override string Path { get; }

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>An additional file whose text cannot be read (the generator must still not throw).</summary>
public sealed class ThrowingAdditionalText : AdditionalText
{
    /// <summary>Creates the file.</summary>
    public ThrowingAdditionalText(string path) => Path = path;

    /// <inheritdoc />
    public override string Path { get; }

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => throw new IOException("disk on fire");
}

/// <summary>Build properties and per-file metadata, as MSBuild passes them in the generated .editorconfig.</summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, DictionaryOptions> _files = new(StringComparer.Ordinal);

    /// <summary>Creates the provider with global properties (<c>build_property.X</c>).</summary>
    public TestOptionsProvider(IDictionary<string, string> global) => GlobalOptions = new DictionaryOptions(global);

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions { get; }

    /// <summary>Sets <c>build_metadata.AdditionalFiles.{name}</c> for one file.</summary>
    public TestOptionsProvider WithMetadata(string path, string name, string value)
    {
        if (!_files.TryGetValue(path, out var options)) _files[path] = options = new DictionaryOptions(new Dictionary<string, string>());
        options.Values["build_metadata.AdditionalFiles." + name] = value;
        return this;
    }

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => _files.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;

    /// <summary>Options from a dictionary.</summary>
    public sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        /// <summary>No options.</summary>
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        /// <summary>Creates the options.</summary>
        public DictionaryOptions(IDictionary<string, string> values) => Values = new Dictionary<string, string>(values, KeyComparer);

        /// <summary>The values.</summary>
        public Dictionary<string, string> Values { get; }

        /// <inheritdoc />
        public override bool TryGetValue(string key, out string value) => Values.TryGetValue(key, out value!);
    }
}
