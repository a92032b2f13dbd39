extern alias generator;

using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using generator::DjangoSettings.Generator;
using generator::DjangoSettings.Generator.Text;

namespace DjangoSettings.Benchmarks;

/// <summary>
/// Compiling a realistic 300-line settings.py (evaluate, bind, check, emit), and the same file
/// repeated 2x and 4x to show the cost is linear in size. Target: under 2 ms for 300 lines.
/// </summary>
[MemoryDiagnoser]
public class SettingsCompileBenchmarks
{
    private SettingsSource[] _source = Array.Empty<SettingsSource>();
    private readonly CompileOptions _options = new("Bench", "DjangoSettings");

    /// <summary>How many copies of the 312-line file are concatenated.</summary>
    [Params(1, 2, 4)]
    public int Copies { get; set; }

    /// <summary>Reads the fixture once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "settings.py"));
        var sb = new StringBuilder();
        for (int i = 0; i < Copies; i++) sb.Append(text).Append('\n');
        _source = new[] { new SettingsSource("settings.py", sb.ToString()) };
        var result = SettingsCompiler.Compile(_source, _options);
        if (result.GeneratedSource is null || result.Diagnostics.Any(d => d.Id == "DJS0900"))
            throw new InvalidOperationException("the benchmark input does not compile: " + string.Join("; ", result.Diagnostics));
    }

    /// <summary>The whole pipeline, as the generator runs it on every edit of the settings file.</summary>
    [Benchmark]
    public int CompileSettingsPy() => SettingsCompiler.Compile(_source, _options).Diagnostics.Count;
}
