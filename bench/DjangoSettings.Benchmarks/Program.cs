using BenchmarkDotNet.Running;

namespace DjangoSettings.Benchmarks;

/// <summary>Runs the suites: <c>dotnet run -c Release --project bench/DjangoSettings.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point; arguments go to BenchmarkDotNet's switcher.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
