using System.Collections.Generic;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Checks;

/// <summary>What every check gets: the bound settings and a place to report, with helpers to read values.</summary>
internal sealed class CheckContext
{
    private readonly ICollection<SettingsDiagnostic> _diagnostics;

    public CheckContext(BoundSettings settings, ICollection<SettingsDiagnostic> diagnostics)
    {
        Settings = settings;
        _diagnostics = diagnostics;
    }

    public BoundSettings Settings { get; }

    public BoundSetting this[string key] => Settings[key];

    /// <summary>A setting whose value is known now and passed its type check.</summary>
    public bool IsUsable(BoundSetting setting) => !setting.HasError && setting.Value.IsConstant;

    public void Report(DjsDescriptor descriptor, SourceLocation? location, BoundSetting? setting, params object?[] args)
    {
        var at = location ?? setting?.ValueLocation ?? setting?.NameLocation ?? SourceLocation.None(Settings.Sources.Count > 0 ? Settings.Sources[Settings.Sources.Count - 1].Path : "settings");
        var related = setting?.Value.DefinedAt is { } d && d != at ? EquatableArray.From(new[] { d }) : EquatableArray<SourceLocation>.Empty;
        _diagnostics.Add(SettingsDiagnostic.Create(descriptor, at, related, args));
    }

    /// <summary>The str items of a constant list/tuple, each with where it was written.</summary>
    public static IEnumerable<(string Text, SourceLocation? Location)> Strings(BoundSetting setting)
    {
        if (setting.Value is PySequence seq)
        {
            foreach (var item in seq.Items)
            {
                if (item is PyStr s) yield return (s.Value, item.Origin ?? setting.ValueLocation);
            }
        }
    }

    /// <summary>The str or pattern items of a constant regex list, with their flags.</summary>
    public static IEnumerable<(string Pattern, bool IgnoreCase, SourceLocation? Location)> Patterns(BoundSetting setting)
    {
        if (setting.Value is PySequence seq)
        {
            foreach (var item in seq.Items)
            {
                if (item is PyStr s) yield return (s.Value, false, item.Origin ?? setting.ValueLocation);
                else if (item is PyPattern p) yield return (p.Pattern, p.IgnoreCase, item.Origin ?? setting.ValueLocation);
            }
        }
    }

    /// <summary>Python truthiness of a constant value (the evaluator's definition).</summary>
    public static bool Truthy(PyValue value) => PyOps.Truth(value) ?? true;
}
