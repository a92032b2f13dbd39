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
/// Settings evaluated at startup with the real environment and checked (see
/// <see cref="SettingsLoader"/>): the warnings the checks gave, and the CORS settings
/// (<see cref="LoadedSettingsCorsExtensions.ToCorsSettings"/>). The values stay inside the runtime:
/// applications read them through the generated settings class.
/// </summary>
public sealed class LoadedSettings
{
    private readonly BoundSettings _bound;

    internal LoadedSettings(BoundSettings bound, IReadOnlyList<SettingsDiagnostic> diagnostics)
    {
        _bound = bound;
        Diagnostics = diagnostics;
        Warnings = diagnostics.Select(d => new SettingsMessage(d)).ToArray();
    }

    /// <summary>
    /// Answers a generated class's deferred members: each binding key converted to the CLR value the
    /// generated member's type expects (the same conversion the emitter uses for literals).
    /// </summary>
    internal Func<string, object?> Resolver => DjangoSettings.Generator.Emit.SettingValues.Resolver(_bound);

    /// <summary>Warnings and information the checks produced with this environment (no errors: those throw).</summary>
    public IReadOnlyList<SettingsMessage> Warnings { get; }

    /// <summary>The same findings as the core reports them.</summary>
    internal IReadOnlyList<SettingsDiagnostic> Diagnostics { get; }

    /// <summary>Whether the file sets the setting (Django's "defined wins" rule).</summary>
    internal bool IsSet(string key) => _bound[key].IsSet;

    /// <summary>A list-of-strings setting (a str value becomes a one-element list, as simplejwt does for AUTH_HEADER_TYPES).</summary>
    internal IReadOnlyList<string> GetStrings(string key) => _bound[key].Value switch
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
    internal IReadOnlyList<string>? GetOptionalStrings(string key) => _bound[key].Value is PyNone ? null : GetStrings(key);

    /// <summary>A bool setting, by Python truthiness.</summary>
    internal bool GetBool(string key) => Truthy(_bound[key].Value);

    /// <summary>An int setting (a bool counts as 0/1, as in Python).</summary>
    internal int GetInt(string key) => _bound[key].Value switch
    {
        PyInt i => checked((int)i.Value),
        PyBool b => b.Value ? 1 : 0,
        _ => 0,
    };

    /// <summary>A timedelta (or, for LEEWAY, a number of seconds) as a TimeSpan.</summary>
    internal TimeSpan GetTimeSpan(string key) => _bound[key].Value switch
    {
        PyTimeDelta t => TimeSpan.FromTicks(t.Microseconds * 10),
        PyInt i => TimeSpan.FromSeconds(i.Value),
        PyFloat f => TimeSpan.FromSeconds(f.Value),
        _ => TimeSpan.Zero,
    };

    /// <summary>A str setting, or null when it is None or unset without default.</summary>
    internal string? GetString(string key) => _bound[key].Value switch
    {
        PyStr s => s.Value,
        PyInt i => i.Value.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    // A value known at startup; unknown parts cannot reach here (the checks reported them).
    private static bool Truthy(PyValue value) => PyOps.Truth(value) ?? true;
}
