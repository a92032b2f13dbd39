using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DjangoSettings.Benchmarks.Origins;

/// <summary>Compiles C# in-process (Release) against this process's assemblies and loads it.</summary>
internal static class RoslynLoader
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Append(typeof(DjangoSettings.Cors.DjangoCorsPolicy).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    /// <summary>The compilation of <paramref name="source"/>, not yet emitted.</summary>
    public static CSharpCompilation Create(string source) => CSharpCompilation.Create(
        "Bench" + Guid.NewGuid().ToString("N"),
        new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Emits <paramref name="compilation"/> to memory; the size of the image, or an exception listing the errors.</summary>
    public static long Emit(CSharpCompilation compilation, Stream? into = null)
    {
        var pe = into ?? new MemoryStream();
        var result = compilation.Emit(pe);
        if (!result.Success)
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        return pe.Length;
    }

    /// <summary>Compiles and loads <paramref name="source"/>.</summary>
    public static Assembly Load(string source)
    {
        using var pe = new MemoryStream();
        Emit(Create(source), pe);
        pe.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(pe);
    }
}
