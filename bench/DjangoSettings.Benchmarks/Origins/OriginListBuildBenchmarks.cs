extern alias generator;

using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using generator::DjangoSettings.Generator;
using generator::DjangoSettings.Generator.Text;
using Emit = generator::DjangoSettings.Generator.Emit;

namespace DjangoSettings.Benchmarks.Origins;

/// <summary>
/// Issue 16.4, the build side in-process: the generator's own work on a settings file of N origins
/// (evaluate, bind, check, emit the class and its wiring), and Roslyn compiling what it emitted
/// (no analyzers; bench/origin-build.sh measures the real compiler process with the SDK's). Both
/// must grow about linearly.
/// </summary>
[MemoryDiagnoser]
public class OriginListBuildBenchmarks
{
    private SettingsSource[] _sources = Array.Empty<SettingsSource>();
    private string _generated = "";
    private readonly CompileOptions _options = new("App", CompileOptions.DefaultClassName, EmitRuntimeWiring: true);

    /// <summary>Entries in CORS_ALLOWED_ORIGINS.</summary>
    [Params(10, 1_000, 100_000)]
    public int Origins { get; set; }

    /// <summary>Writes the settings file and generates once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _sources = new[] { new SettingsSource("/src/App/cors.settings", OriginLists.SettingsText(OriginLists.Customers(Origins))) };
        var result = SettingsCompiler.Compile(_sources, _options);
        if (result.HasErrors || result.GeneratedSource is null) throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
        _generated = result.GeneratedSource;
        bool isSwitch = _generated.Contains("switch (netloc)", StringComparison.Ordinal);
        if (isSwitch != (Origins <= Emit.OriginMatcherEmitter.MaxSwitchPairs)) throw new InvalidOperationException("unexpected representation");
    }

    /// <summary>The generator's core on the file (what runs inside the compiler on every edit).</summary>
    [Benchmark(Description = "generator: evaluate, bind, check, emit")]
    public int Generate() => SettingsCompiler.Compile(_sources, _options).Diagnostics.Count;

    /// <summary>Roslyn parsing, binding and emitting the generated source.</summary>
    [Benchmark(Description = "C# compile of the generated source")]
    public long CompileGenerated() => RoslynLoader.Emit(RoslynLoader.Create(_generated));
}
