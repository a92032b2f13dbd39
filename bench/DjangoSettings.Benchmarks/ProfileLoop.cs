using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace DjangoSettings.Benchmarks;

/// <summary>
/// Runs one benchmark method in a tight loop for a fixed time, outside BenchmarkDotNet, so a
/// sampling profiler (<c>bench/profile.sh</c>, Linux <c>perf</c> with the runtime's perf map)
/// sees nothing but that method: <c>profile CorsMiddlewareBenchmarks.DjangoCors Case=AllowedGet 20</c>.
/// </summary>
internal static class ProfileLoop
{
    /// <summary>args: <c>Class.Method [Param=Value ...] [seconds]</c>.</summary>
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !args[0].Contains('.'))
        {
            Console.Error.WriteLine("usage: profile Class.Method [Param=Value ...] [seconds]");
            return 2;
        }
        string[] name = args[0].Split('.', 2);
        var type = typeof(ProfileLoop).Assembly.GetTypes().SingleOrDefault(t => t.Name == name[0])
            ?? throw new ArgumentException($"no benchmark class {name[0]}");
        var method = type.GetMethod(name[1], BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"no method {name[1]} on {type.Name}");
        object instance = Activator.CreateInstance(type)!;
        double seconds = 20;
        foreach (string a in args.Skip(1))
        {
            int eq = a.IndexOf('=');
            if (eq < 0) { seconds = double.Parse(a, System.Globalization.CultureInfo.InvariantCulture); continue; }
            var prop = type.GetProperty(a[..eq]) ?? throw new ArgumentException($"no parameter {a[..eq]}");
            prop.SetValue(instance, Convert.ChangeType(a[(eq + 1)..], prop.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var m in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null)) m.Invoke(instance, null);

        // A typed delegate, not MethodInfo.Invoke, so reflection does not show up in the profile.
        var direct = Bind(method, instance);
        direct(); // the first call JITs; the loop then runs tier-1 code after a few seconds
        var watch = Stopwatch.StartNew();
        long n = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 10_000; i++) direct();
            n += 10_000;
        }
        Console.WriteLine($"{args[0]}: {n:N0} calls in {watch.Elapsed.TotalSeconds:F1} s, {watch.Elapsed.TotalMilliseconds * 1e6 / n:F1} ns per call");
        return 0;
    }

    private static Action Bind(MethodInfo method, object instance)
    {
        if (method.ReturnType == typeof(void)) return method.CreateDelegate<Action>(instance);
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            // Awaited through its own type: boxing the ValueTask would add an allocation per call to the profile.
            var result = method.ReturnType.GetGenericArguments()[0];
            var wrapValueTask = typeof(ProfileLoop).GetMethod(nameof(WrapValueTask), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(result);
            return (Action)wrapValueTask.Invoke(null, [method.CreateDelegate(typeof(Func<>).MakeGenericType(method.ReturnType), instance)])!;
        }
        var wrap = typeof(ProfileLoop).GetMethod(nameof(Wrap), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(method.ReturnType);
        return (Action)wrap.Invoke(null, [method.CreateDelegate(typeof(Func<>).MakeGenericType(method.ReturnType), instance)])!;
    }

    private static Action WrapValueTask<T>(Func<ValueTask<T>> f) => () => f().GetAwaiter().GetResult();

    // The suites' methods complete synchronously; waiting on an unfinished task would be a bug in them.
    private static Action Wrap<T>(Func<T> f) => () =>
    {
        object? r = f();
        if (r is Task t) t.GetAwaiter().GetResult();
        else if (r is ValueTask vt) vt.GetAwaiter().GetResult();
    };
}
