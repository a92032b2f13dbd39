using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// A setting's value as the CLR object the generated member holds: <c>IReadOnlyList&lt;string&gt;</c>,
/// <c>bool</c>, <c>int</c>, <c>TimeSpan</c>, <c>string</c> or <c>IReadOnlyDictionary&lt;string, string?&gt;</c>
/// (null where the member is nullable). The
/// emitter formats these as literals, and the runtime answers a generated class's
/// <c>DeferredResolver</c> with them after evaluating the settings at startup, so both agree.
/// </summary>
internal static class SettingValues
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>
    /// A resolver for a generated class's <c>DeferredResolver</c>: each binding key answered from
    /// settings bound at startup (evaluated with configuration, checked, free of errors).
    /// </summary>
    public static Func<string, object?> Resolver(BoundSettings settings) => key => ToClr(settings[key]);

    /// <summary>The member value of a bound setting: its value when it fits the kind, else the default.</summary>
    public static object? ToClr(BoundSetting setting)
    {
        var def = setting.Definition;
        if (!setting.HasError && TryConvert(def.Kind, setting.Value, out var value)) return value;
        if (def.Default is not null && TryConvert(def.Kind, def.Default, out var fallback)) return fallback;
        return null;
    }

    /// <summary>Converts a constant value for a kind; false when it does not fit (or is not constant).</summary>
    public static bool TryConvert(SettingKind kind, PyValue value, out object? result)
    {
        result = null;
        switch (kind)
        {
            case SettingKind.StringSequence:
            case SettingKind.ImportPathSequence:
                return Strings(value, patterns: false, out result);
            case SettingKind.RegexSequence:
                return Strings(value, patterns: true, out result);
            case SettingKind.LooseStringSequence:
                // Snippets write `...` placeholders in INSTALLED_APPS: keep the strings, drop the rest.
                if (value is not (PyList or PyTuple)) return false;
                result = ReadOnly(((PySequence)value).Items.OfType<PyStr>().Select(s => s.Value).ToArray());
                return true;
            case SettingKind.StringOrSequence:
                if (value is PyStr single) { result = ReadOnly(new[] { single.Value }); return true; }
                return Strings(value, patterns: false, out result);
            case SettingKind.OptionalStringOrSequence:
                if (value is PyNone) return true;
                goto case SettingKind.StringOrSequence;
            case SettingKind.ReferrerPolicy:
                switch (value)
                {
                    case PyNone: return true;
                    case PyStr policy: result = DjangoSettings.Shared.ReferrerPolicyText.FromString(policy.Value); return true;
                    default:
                        if (!Strings(value, patterns: false, out var items)) return false;
                        result = DjangoSettings.Shared.ReferrerPolicyText.FromSequence((IReadOnlyList<string>)items!);
                        return true;
                }
            case SettingKind.OptionalStringPair:
                if (value is PyNone) return true;
                return value is PySequence { Items.Count: 2 } && Strings(value, patterns: false, out result);
            case SettingKind.OptionalNonNegativeInt:
                switch (value)
                {
                    case PyNone: return true;
                    case PyBool b: result = b.Value ? 1L : 0L; return true;
                    case PyInt { Value: >= 0 } n: result = n.Value; return true;
                    default: return false;
                }
            case SettingKind.Bool:
                if (value is not PyBool flag) return false;
                result = flag.Value;
                return true;
            case SettingKind.NonNegativeInt:
                switch (value)
                {
                    case PyBool b: result = b.Value ? 1 : 0; return true;
                    // int is what the runtime formats into Access-Control-Max-Age; 68 years is plenty.
                    case PyInt { Value: >= 0 } i: result = i.Value > int.MaxValue ? int.MaxValue : (int)i.Value; return true;
                    default: return false;
                }
            case SettingKind.TimeDelta:
            case SettingKind.Leeway:
                if (Microseconds(value) is not { } micros) return false;
                result = ToTimeSpan(micros);
                return true;
            case SettingKind.Regex:
                result = Pattern(value);
                return result is not null;
            case SettingKind.String:
                if (value is not PyStr text) return false;
                result = text.Value;
                return true;
            case SettingKind.OptionalString:
            case SettingKind.ImportPath:
                if (value is PyNone) return true;
                if (value is not PyStr optional) return false;
                result = optional.Value;
                return true;
            case SettingKind.OptionalInt:
                switch (value)
                {
                    case PyNone: return true;
                    case PyBool b: result = b.Value ? 1 : 0; return true;
                    // PAGE_SIZE and NUM_PROXIES: beyond int's range saturates (no page or proxy chain is that long).
                    case PyInt i: result = i.Value > int.MaxValue ? int.MaxValue : i.Value < int.MinValue ? int.MinValue : (int)i.Value; return true;
                    default: return false;
                }
            case SettingKind.StringMap:
                return StringMap(value, out result);
            case SettingKind.LanguageSequence:
                if (value is not (PyList or PyTuple)) return false;
                var codes = new List<string>();
                foreach (var item in ((PySequence)value).Items)
                {
                    if (item is not PySequence { Items.Count: 2 } pair || pair.Items[0] is not PyStr code) return false;
                    codes.Add(code.Value);
                }
                result = ReadOnly(codes.ToArray());
                return true;
            default:
                return false;
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

    /// <summary>A TimeSpan of exactly that many microseconds (ten ticks each), saturating at TimeSpan's range.</summary>
    public static TimeSpan ToTimeSpan(long microseconds)
    {
        long ticks = SaturatingMultiply(microseconds, TicksPerMicrosecond);
        return ticks == long.MaxValue ? TimeSpan.MaxValue : ticks == long.MinValue ? TimeSpan.MinValue : TimeSpan.FromTicks(ticks);
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

    private static bool Strings(PyValue value, bool patterns, out object? result)
    {
        result = null;
        // list and tuple only: a set is not a sequence to Django's checks (the binder reported it).
        if (value is not (PyList or PyTuple)) return false;
        var sequence = (PySequence)value;
        var list = new string[sequence.Items.Count];
        for (int i = 0; i < list.Length; i++)
        {
            string? text = patterns ? Pattern(sequence.Items[i]) : (sequence.Items[i] as PyStr)?.Value;
            if (text is null) return false;
            list[i] = text;
        }
        result = ReadOnly(list);
        return true;
    }

    private static bool StringMap(PyValue value, out object? result)
    {
        result = null;
        if (value is not PyDict dict) return false;
        // Insertion order kept (a Dictionary only added to enumerates in insertion order; a later
        // duplicate key wins in place, as in a Python dict display).
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in dict.Entries)
        {
            if (entry.Key is not PyStr key) return false;
            string? text;
            if (entry.Value is PyStr s) text = s.Value;
            else if (entry.Value is PyNone) text = null;
            else return false;
            map[key.Value] = text;
        }
        result = new ReadOnlyDictionary<string, string?>(map);
        return true;
    }

    private static IReadOnlyList<string> ReadOnly(string[] items) => new ReadOnlyCollection<string>(items);

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
