namespace DjangoSettings.Users;

/// <summary>What a lookup value became after Django's field conversion.</summary>
public enum DjangoLookupOutcome
{
    /// <summary>A value to compare with the column (<see cref="DjangoLookupValue.Value"/>).</summary>
    Value,

    /// <summary>The value can match no row (null, or out of the column's range): no user, no error.</summary>
    NoMatch,

    /// <summary>
    /// Django raises on it (a 500 on an API call; a 400 on refresh for a UUID); here it matches
    /// nothing, and <see cref="DjangoLookupValue.Error"/> holds Django's message.
    /// </summary>
    Invalid,
}

/// <summary>A lookup value converted for one field (see <see cref="DjangoLookup.Convert"/>).</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Value">For <see cref="DjangoLookupOutcome.Value"/>: a <see cref="long"/>, <see cref="System.Guid"/> or <see cref="string"/>.</param>
/// <param name="Error">For <see cref="DjangoLookupOutcome.Invalid"/>: Django's message.</param>
public readonly record struct DjangoLookupValue(DjangoLookupOutcome Outcome, object? Value, string? Error)
{
    /// <summary>A usable value.</summary>
    public static DjangoLookupValue Of(object value) => new(DjangoLookupOutcome.Value, value, null);

    /// <summary>Matches nothing.</summary>
    public static DjangoLookupValue None { get; } = new(DjangoLookupOutcome.NoMatch, null, null);

    /// <summary>Django would raise <paramref name="error"/>.</summary>
    public static DjangoLookupValue Invalid(string error) => new(DjangoLookupOutcome.Invalid, null, error);
}
