using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Binding;

/// <summary>
/// One schema setting after binding: its value (the file's, or the library default when unset),
/// the name it was written under (a legacy alias, perhaps) and where.
/// </summary>
/// <param name="Definition">The schema entry.</param>
/// <param name="Value">The value, type-checked; the default when <see cref="IsSet"/> is false.</param>
/// <param name="IsSet">Whether the file defines it (Django's "defined wins, even if empty" rule looks at this).</param>
/// <param name="WrittenName">The name used in the file (<c>CORS_ORIGIN_WHITELIST</c> for the legacy alias).</param>
/// <param name="NameLocation">The name (or SIMPLE_JWT key) token that set it, when set.</param>
/// <param name="StatementLocation">The statement (or dict entry) that set it, when set.</param>
/// <param name="HasError">A type error was reported; later checks skip it.</param>
internal sealed record BoundSetting(
    SettingDefinition Definition,
    PyValue Value,
    bool IsSet,
    string WrittenName,
    SourceLocation? NameLocation,
    SourceLocation? StatementLocation,
    bool HasError)
{
    /// <summary>The binding key (<c>CORS_ALLOWED_ORIGINS</c>, <c>SIMPLE_JWT.ALGORITHM</c>).</summary>
    public string Key => Definition.Key;

    /// <summary>True when the value is known only at application startup.</summary>
    public bool IsDeferred => !Value.IsConstant;

    /// <summary>Where a diagnostic about the value should point: the value, else the name.</summary>
    public SourceLocation? ValueLocation => Value.Origin ?? NameLocation;
}
