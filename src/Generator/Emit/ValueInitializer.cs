using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Emit;

/// <summary>Turns a constant Python value into a C# initializer expression for a setting's kind.</summary>
internal static class ValueInitializer
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>The C# expression for <paramref name="value"/>, or null when it does not fit the kind (the binder reported that).</summary>
    public static string? For(SettingKind kind, PyValue value)
    {
        switch (kind)
        {
            case SettingKind.StringSequence:
            case SettingKind.ImportPathSequence:
                return Strings(value, patterns: false) is { } list ? CSharpLiteral.ReadOnlyStringList(list) : null;
            case SettingKind.RegexSequence:
                return Strings(value, patterns: true) is { } regexes ? CSharpLiteral.ReadOnlyStringList(regexes) : null;
            case SettingKind.StringOrSequence:
                if (value is PyStr single) return CSharpLiteral.ReadOnlyStringList(new[] { single.Value });
                return Strings(value, patterns: false) is { } items ? CSharpLiteral.ReadOnlyStringList(items) : null;
            case SettingKind.OptionalStringOrSequence:
                if (value is PyNone) return "null";
                goto case SettingKind.StringOrSequence;
            case SettingKind.Bool:
                return value is PyBool flag ? CSharpLiteral.Bool(flag.Value) : null;
            case SettingKind.NonNegativeInt:
                return value switch
                {
                    PyBool b => CSharpLiteral.Int(b.Value ? 1 : 0),
                    // int is what the runtime formats into Access-Control-Max-Age; 68 years is plenty.
                    PyInt i when i.Value >= 0 => CSharpLiteral.Int(i.Value > int.MaxValue ? int.MaxValue : (int)i.Value),
                    _ => null,
                };
            case SettingKind.TimeDelta:
            case SettingKind.Leeway:
                return Microseconds(value) is { } micros ? TimeSpanLiteral(micros) : null;
            case SettingKind.Regex:
                return Pattern(value) is { } pattern ? CSharpLiteral.String(pattern) : null;
            case SettingKind.String:
                return value is PyStr text ? CSharpLiteral.String(text.Value) : null;
            case SettingKind.OptionalString:
            case SettingKind.ImportPath:
                return value switch
                {
                    PyStr s => CSharpLiteral.String(s.Value),
                    PyNone => "null",
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// A timedelta (or LEEWAY's seconds) in whole microseconds, as Python stores it: floats round
    /// half to even, exactly as <c>timedelta(seconds=f)</c> does.
    /// </summary>
    public static long? Microseconds(PyValue value) => value switch
    {
        PyTimeDelta t => t.Microseconds,
        PyBool b => b.Value ? 1_000_000L : 0L,
        PyInt i => SaturatingMultiply(i.Value, 1_000_000L),
        PyFloat f when !double.IsNaN(f.Value) && !double.IsInfinity(f.Value) => ClampToLong(Math.Round(f.Value * 1_000_000d, MidpointRounding.ToEven)),
        _ => null,
    };

    /// <summary><c>TimeSpan.FromTicks(n)</c>, exact (one microsecond is ten ticks); saturates at TimeSpan's range.</summary>
    public static string TimeSpanLiteral(long microseconds)
    {
        long ticks = SaturatingMultiply(microseconds, TicksPerMicrosecond);
        if (ticks == long.MaxValue) return "global::System.TimeSpan.MaxValue";
        if (ticks == long.MinValue) return "global::System.TimeSpan.MinValue";
        return "global::System.TimeSpan.FromTicks(" + CSharpLiteral.Long(ticks) + ")";
    }

    // Python's re.compile(p, re.IGNORECASE) is the same pattern with a leading (?i) global flag,
    // which both Python and .NET read, so the flag survives as plain text.
    private static string? Pattern(PyValue value) => value switch
    {
        PyStr s => s.Value,
        PyPattern { IgnoreCase: true } p => "(?i)" + p.Pattern,
        PyPattern p => p.Pattern,
        _ => null,
    };

    private static IReadOnlyList<string>? Strings(PyValue value, bool patterns)
    {
        // list and tuple only: a set is not a sequence to Django's checks (the binder reported it).
        if (value is not (PyList or PyTuple)) return null;
        var sequence = (PySequence)value;
        var list = new List<string>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            string? text = patterns ? Pattern(item) : (item as PyStr)?.Value;
            if (text is null) return null;
            list.Add(text);
        }
        return list;
    }

    private static long SaturatingMultiply(long a, long b)
    {
        try
        {
            return checked(a * b);
        }
        catch (OverflowException)
        {
            return (a < 0) ^ (b < 0) ? long.MinValue : long.MaxValue;
        }
    }

    private static long ClampToLong(double d)
    {
        if (d >= long.MaxValue) return long.MaxValue;
        if (d <= long.MinValue) return long.MinValue;
        return (long)d;
    }
}
