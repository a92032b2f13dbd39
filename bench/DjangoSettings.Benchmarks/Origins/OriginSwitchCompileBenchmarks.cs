extern alias generator;

using System.Linq;
using BenchmarkDotNet.Attributes;
using Emit = generator::DjangoSettings.Generator.Emit;

namespace DjangoSettings.Benchmarks.Origins;

/// <summary>
/// Where the switch stops paying (issue 16.4): what Roslyn needs to compile the emitted
/// <c>MatchOrigin</c> switch alone for N distinct pairs, against the same class holding the N
/// origins as the one split literal the settings class emits beyond the threshold.
/// </summary>
[MemoryDiagnoser]
public class OriginSwitchCompileBenchmarks
{
    private string _switch = "";
    private string _literal = "";

    /// <summary>Distinct (scheme, netloc) pairs.</summary>
    [Params(64, 256, 1_024)]
    public int Pairs { get; set; }

    /// <summary>Writes both sources.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var origins = OriginLists.Customers(Pairs);
        var w = new Emit.IndentedWriter();
        w.Line("public static class OriginSwitch");
        w.Line("{");
        Emit.OriginMatcherEmitter.WriteSwitch(w, origins.Select(o => ("https", o.Substring("https://".Length))).ToList());
        w.Line("}");
        _switch = w.ToString();
        _literal = "public static class OriginList\n{\n    public static global::System.Collections.Generic.IReadOnlyList<string> Origins { get; } = "
            + Emit.CSharpLiteral.ReadOnlyStringList(origins) + ";\n}\n";
    }

    /// <summary>The class with the switch.</summary>
    [Benchmark(Description = "compile the switch")]
    public long CompileSwitch() => RoslynLoader.Emit(RoslynLoader.Create(_switch));

    /// <summary>The class with the list (the frozen dictionary is built from it at startup).</summary>
    [Benchmark(Baseline = true, Description = "compile the list literal")]
    public long CompileList() => RoslynLoader.Emit(RoslynLoader.Create(_literal));
}
