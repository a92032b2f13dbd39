using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// <c>datetime.timedelta</c>: construction from every unit (floats rounded half-even to
/// microseconds as CPython does, range-checked), arithmetic, <c>.days/.seconds/.microseconds</c>
/// and <c>total_seconds()</c>.
/// </summary>
internal static class TimeDeltas
{
    private const long MicrosPerDay = 86_400_000_000L;

    private static readonly (string Name, decimal Micros)[] Units =
    {
        ("days", 86_400_000_000m),
        ("seconds", 1_000_000m),
        ("microseconds", 1m),
        ("milliseconds", 1_000m),
        ("minutes", 60_000_000m),
        ("hours", 3_600_000_000m),
        ("weeks", 604_800_000_000m),
    };

    /// <summary>The library functions this module models, by qualified name.</summary>
    public static IEnumerable<KeyValuePair<string, LibraryFunction>> Functions { get; } = new Dictionary<string, LibraryFunction>
    {
        ["datetime.timedelta"] = static (site, args) => site.Lift(args.All(), (s, vs) => Make(s, args.Rebuild(vs)), "timedelta"),
    };

    /// <summary>The result type of a timedelta method when it is certain (for deferred results).</summary>
    public static string? MethodResultType(string name) => name == "total_seconds" ? "float" : null;

    /// <summary><c>td.days</c>, <c>td.seconds</c>, <c>td.microseconds</c>; null for other attributes.</summary>
    public static PyValue? Attribute(PyTimeDelta td, string name) => name switch
    {
        "days" => new PyInt(PyOps.FloorDiv(td.Microseconds, MicrosPerDay)),
        "seconds" => new PyInt(PyOps.FloorMod(td.Microseconds, MicrosPerDay) / 1_000_000),
        "microseconds" => new PyInt(PyOps.FloorMod(td.Microseconds, 1_000_000)),
        _ => null,
    };

    /// <summary><c>td.total_seconds()</c>; null for other methods.</summary>
    public static PyValue? Method(PyTimeDelta td, string name) => name == "total_seconds" ? new PyFloat(td.Microseconds / 1e6) : null;

    /// <summary>An arithmetic operator with a timedelta operand; null when Python does not define it for these types.</summary>
    public static PyValue? Binary(Site site, string op, PyValue a, PyValue b)
    {
        switch (op)
        {
            case "+":
                if (a is PyTimeDelta da && b is PyTimeDelta db) return Value(site, (decimal)da.Microseconds + db.Microseconds);
                break;
            case "-":
                if (a is PyTimeDelta da2 && b is PyTimeDelta db2) return Value(site, (decimal)da2.Microseconds - db2.Microseconds);
                break;
            case "*":
                if (a is PyTimeDelta ta3 && PyOps.IsNumber(b)) return Value(site, Multiply(ta3.Microseconds, b));
                if (b is PyTimeDelta tb3 && PyOps.IsNumber(a)) return Value(site, Multiply(tb3.Microseconds, a));
                break;
            case "/":
                if (a is PyTimeDelta t4 && b is PyTimeDelta u4) return u4.Microseconds == 0 ? site.Error("ZeroDivisionError: division by zero") : new PyFloat((double)t4.Microseconds / u4.Microseconds);
                if (a is PyTimeDelta t5 && PyOps.IsNumber(b))
                {
                    double divisor = PyOps.AsDouble(b);
                    if (divisor == 0) return site.Error("ZeroDivisionError: division by zero");
                    return Value(site, PyOps.IsInteger(b) ? RoundHalfEven((decimal)t5.Microseconds / PyOps.AsLong(b)) : (decimal)Math.Round(t5.Microseconds / divisor, MidpointRounding.ToEven));
                }
                break;
            case "//":
                if (a is PyTimeDelta t6 && b is PyTimeDelta u6) return u6.Microseconds == 0 ? site.Error("ZeroDivisionError: integer division or modulo by zero") : new PyInt(PyOps.FloorDiv(t6.Microseconds, u6.Microseconds));
                if (a is PyTimeDelta t7 && PyOps.IsInteger(b)) return PyOps.AsLong(b) == 0 ? site.Error("ZeroDivisionError: integer division or modulo by zero") : new PyTimeDelta(PyOps.FloorDiv(t7.Microseconds, PyOps.AsLong(b)));
                break;
            case "%":
                if (a is PyTimeDelta t8 && b is PyTimeDelta u8) return u8.Microseconds == 0 ? site.Error("ZeroDivisionError: integer division or modulo by zero") : new PyTimeDelta(PyOps.FloorMod(t8.Microseconds, u8.Microseconds));
                break;
        }
        return null;
    }

    private static PyValue Make(Site site, Args args)
    {
        if (args.Positional.Count > Units.Length) return site.Error("TypeError: timedelta takes at most 7 arguments");
        decimal total = 0;
        var seen = new HashSet<string>();
        try
        {
            for (int i = 0; i < args.Positional.Count; i++)
            {
                var v = Component(site, Units[i].Name, args.Positional[i]);
                if (v is null) return new PyUnknown("invalid timedelta argument");
                total += v.Value * Units[i].Micros;
                seen.Add(Units[i].Name);
            }
            foreach (var kv in args.Keywords)
            {
                int unit = Array.FindIndex(Units, u => u.Name == kv.Key);
                if (unit < 0) return site.Error("TypeError: '" + kv.Key + "' is an invalid keyword argument for __new__()");
                if (!seen.Add(kv.Key)) return site.Error("TypeError: argument for __new__() given by name ('" + kv.Key + "') and position");
                var v = Component(site, kv.Key, kv.Value);
                if (v is null) return new PyUnknown("invalid timedelta argument");
                total += v.Value * Units[unit].Micros;
            }
        }
        catch (OverflowException)
        {
            return site.Error("OverflowError: timedelta out of range");
        }
        return Value(site, total);
    }

    private static decimal? Component(Site site, string unit, PyValue value)
    {
        switch (value)
        {
            case PyInt or PyBool:
                return PyOps.AsLong(value);
            case PyFloat f:
                if (double.IsNaN(f.Value) || double.IsInfinity(f.Value) || Math.Abs(f.Value) > 1e20)
                {
                    site.Error("OverflowError: cannot convert float " + PyOps.FloatRepr(f.Value) + " to integer");
                    return null;
                }
                return (decimal)f.Value;
        }
        site.Error("TypeError: unsupported type for timedelta " + unit + " component: " + value.TypeName);
        return null;
    }

    private static decimal RoundHalfEven(decimal value) => Math.Round(value, MidpointRounding.ToEven);

    private static decimal Multiply(long micros, PyValue factor)
        => PyOps.IsInteger(factor) ? (decimal)micros * PyOps.AsLong(factor) : RoundHalfEven((decimal)micros * (decimal)PyOps.AsDouble(factor));

    /// <summary>A timedelta from a microsecond total, rounded half-even and range-checked as Python does.</summary>
    private static PyValue Value(Site site, decimal micros)
    {
        var rounded = RoundHalfEven(micros);
        decimal days = Math.Floor(rounded / 86_400_000_000m);
        if (Math.Abs(days) > 999_999_999m) return site.Error("OverflowError: days=" + days + "; must have magnitude <= 999999999");
        return new PyTimeDelta((long)rounded);
    }
}
