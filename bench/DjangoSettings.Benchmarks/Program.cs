using BenchmarkDotNet.Running;

namespace DjangoSettings.Benchmarks;

/// <summary>
/// Runs the suites: <c>dotnet run -c Release --project bench/DjangoSettings.Benchmarks -- --filter '*'</c>;
/// or one method in a loop for a profiler: <c>-- profile Class.Method [Param=Value] [seconds]</c>.
/// </summary>
public static class Program
{
    /// <summary>Entry point; arguments go to BenchmarkDotNet's switcher unless the first is <c>profile</c>.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "profile") return ProfileLoop.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
