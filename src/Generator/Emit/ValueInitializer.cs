using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// Turns a constant Python value into a C# initializer expression for a setting's kind, through
/// <see cref="SettingValues"/> so that build-time literals and startup values are the same objects.
/// </summary>
internal static class ValueInitializer
{
    /// <summary>The C# expression for <paramref name="value"/>, or null when it does not fit the kind (the binder reported that).</summary>
    public static string? For(SettingKind kind, PyValue value)
        => SettingValues.TryConvert(kind, value, out var clr) ? Literal(clr) : null;

    /// <summary>The C# literal of a value <see cref="SettingValues"/> produced.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => CSharpLiteral.String(s),
        bool b => CSharpLiteral.Bool(b),
        int i => CSharpLiteral.Int(i),
        long l => CSharpLiteral.Long(l),
        TimeSpan t when t == TimeSpan.MaxValue => "global::System.TimeSpan.MaxValue",
        TimeSpan t when t == TimeSpan.MinValue => "global::System.TimeSpan.MinValue",
        TimeSpan t => "global::System.TimeSpan.FromTicks(" + CSharpLiteral.Long(t.Ticks) + ")",
        IReadOnlyList<string> list => CSharpLiteral.ReadOnlyStringList(list),
        IReadOnlyDictionary<string, string?> map => CSharpLiteral.ReadOnlyStringMap(map),
        _ => throw new ArgumentException("no literal for " + value.GetType().Name),
    };
}
