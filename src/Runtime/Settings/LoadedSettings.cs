using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Settings;

/// <summary>
/// Settings evaluated at startup with the real environment and checked. Typed getters by binding
/// key (<c>CORS_ALLOWED_ORIGINS</c>, <c>SIMPLE_JWT.ACCESS_TOKEN_LIFETIME</c>) return the value the
/// file computes, or the library default when the file leaves the setting unset.
/// </summary>
public sealed class LoadedSettings
{
    private readonly BoundSettings _bound;

    internal LoadedSettings(BoundSettings bound, IReadOnlyList<SettingsDiagnostic> warnings)
    {
        _bound = bound;
        Warnings = warnings;
    }

    /// <summary>
    /// Answers a generated class's <c>DeferredResolver</c>: each binding key converted to the CLR
    /// value the generated member's type expects (the same conversion the emitter uses for literals).
    /// </summary>
    public Func<string, object?> Resolver => DjangoSettings.Generator.Emit.SettingValues.Resolver(_bound);

    /// <summary>Warnings and information the checks produced with this environment.</summary>
    public IReadOnlyList<SettingsDiagnostic> Warnings { get; }

    /// <summary>Whether the file sets the setting (Django's "defined wins" rule).</summary>
    public bool IsSet(string key) => _bound[key].IsSet;

    /// <summary>A list-of-strings setting (a str value becomes a one-element list, as simplejwt does for AUTH_HEADER_TYPES).</summary>
    public IReadOnlyList<string> GetStrings(string key) => _bound[key].Value switch
    {
        PyStr s => new[] { s.Value },
        PySequence seq => seq.Items.Select(i => i switch
        {
            PyStr s => s.Value,
            PyPattern p => p.Pattern,
            _ => null,
        }).Where(s => s is not null).Select(s => s!).ToArray(),
        _ => Array.Empty<string>(),
    };

    /// <summary>A list-of-strings setting that may be None.</summary>
    public IReadOnlyList<string>? GetOptionalStrings(string key) => _bound[key].Value is PyNone ? null : GetStrings(key);

    /// <summary>A bool setting, by Python truthiness.</summary>
    public bool GetBool(string key) => Truthy(_bound[key].Value);

    /// <summary>An int setting (a bool counts as 0/1, as in Python).</summary>
    public int GetInt(string key) => _bound[key].Value switch
    {
        PyInt i => checked((int)i.Value),
        PyBool b => b.Value ? 1 : 0,
        _ => 0,
    };

    /// <summary>A timedelta (or, for LEEWAY, a number of seconds) as a TimeSpan.</summary>
    public TimeSpan GetTimeSpan(string key) => _bound[key].Value switch
    {
        PyTimeDelta t => TimeSpan.FromTicks(t.Microseconds * 10),
        PyInt i => TimeSpan.FromSeconds(i.Value),
        PyFloat f => TimeSpan.FromSeconds(f.Value),
        _ => TimeSpan.Zero,
    };

    /// <summary>A str setting, or null when it is None or unset without default.</summary>
    public string? GetString(string key) => _bound[key].Value switch
    {
        PyStr s => s.Value,
        PyInt i => i.Value.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    // A value known at startup; unknown parts cannot reach here (the checks reported them).
    private static bool Truthy(PyValue value) => PyOps.Truth(value) ?? true;
}
