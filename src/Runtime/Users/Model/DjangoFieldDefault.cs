using System;

namespace DjangoSettings.Users;

/// <summary>
/// A field's Python-side default (Django writes no DEFAULT clause into the database, so whoever
/// inserts a row supplies every NOT NULL column): nothing, a constant, <c>timezone.now</c> or
/// <c>uuid.uuid4</c>.
/// </summary>
public sealed record DjangoFieldDefault
{
    private DjangoFieldDefault(DjangoFieldDefaultKind kind, object? value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>What kind of default this is.</summary>
    public DjangoFieldDefaultKind Kind { get; }

    /// <summary>The constant, for <see cref="DjangoFieldDefaultKind.Constant"/> (bool, long, string or null).</summary>
    public object? Value { get; }

    /// <summary>
    /// No default: Django's <c>Field.get_default()</c> then gives <c>""</c> for text fields that are
    /// not nullable and None (NULL) otherwise.
    /// </summary>
    public static DjangoFieldDefault None { get; } = new(DjangoFieldDefaultKind.None, null);

    /// <summary><c>default=timezone.now</c>: the time of the insert.</summary>
    public static DjangoFieldDefault Now { get; } = new(DjangoFieldDefaultKind.Now, null);

    /// <summary><c>default=uuid.uuid4</c>: a new random UUID.</summary>
    public static DjangoFieldDefault Uuid4 { get; } = new(DjangoFieldDefaultKind.Uuid4, null);

    /// <summary>A constant default (<c>default=True</c>, <c>default=""</c>, <c>default=0</c>).</summary>
    /// <param name="value">A bool, integer (stored as long), string, or null.</param>
    public static DjangoFieldDefault Constant(object? value) => value switch
    {
        null or bool or string or long => new(DjangoFieldDefaultKind.Constant, value),
        int i => new(DjangoFieldDefaultKind.Constant, (long)i),
        _ => throw new ArgumentException($"A constant default must be a bool, an integer, a string or null, not {value.GetType().Name}.", nameof(value)),
    };
}

/// <summary>The kinds of <see cref="DjangoFieldDefault"/>.</summary>
public enum DjangoFieldDefaultKind
{
    /// <summary>No default.</summary>
    None,

    /// <summary>A constant.</summary>
    Constant,

    /// <summary><c>timezone.now</c>.</summary>
    Now,

    /// <summary><c>uuid.uuid4</c>.</summary>
    Uuid4,
}
