using System;
using System.Globalization;

namespace DjangoSettings.Users;

/// <summary>
/// A user's primary key value, typed as the model stores it: a whole number, a UUID or text.
/// Equal keys are equal values of the same kind; <see cref="ToString"/> is Python's <c>str(pk)</c>
/// (digits, the hyphenated lower-case UUID, or the text).
/// </summary>
public sealed class DjangoUserKey : IEquatable<DjangoUserKey>
{
    private readonly long _number;
    private readonly Guid _uuid;
    private readonly string? _text;

    private DjangoUserKey(DjangoUserKeyType type, long number, Guid uuid, string? text)
    {
        Type = type;
        _number = number;
        _uuid = uuid;
        _text = text;
    }

    /// <summary>The kind of value (<see cref="DjangoUserKeyType.Integer"/> and <see cref="DjangoUserKeyType.BigInteger"/> both hold a long).</summary>
    public DjangoUserKeyType Type { get; }

    /// <summary>The value as an object: <see cref="long"/>, <see cref="Guid"/> or <see cref="string"/>.</summary>
    public object Value => Type switch
    {
        DjangoUserKeyType.Uuid => _uuid,
        DjangoUserKeyType.String => _text!,
        _ => _number,
    };

    /// <summary>An integer key.</summary>
    public static DjangoUserKey FromInt64(long value, DjangoUserKeyType type = DjangoUserKeyType.BigInteger)
    {
        if (type is not (DjangoUserKeyType.Integer or DjangoUserKeyType.BigInteger)) throw new ArgumentException("An integer key is Integer or BigInteger.", nameof(type));
        return new DjangoUserKey(type, value, Guid.Empty, null);
    }

    /// <summary>A UUID key.</summary>
    public static DjangoUserKey FromGuid(Guid value) => new(DjangoUserKeyType.Uuid, 0, value, null);

    /// <summary>A text key.</summary>
    public static DjangoUserKey FromString(string value) => new(DjangoUserKeyType.String, 0, Guid.Empty, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A key of <paramref name="type"/> from a value a store read (long, int, short, Guid or string).</summary>
    public static DjangoUserKey From(DjangoUserKeyType type, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return type switch
        {
            DjangoUserKeyType.Uuid => FromGuid(value is Guid g ? g : throw new ArgumentException($"A UUID key needs a Guid, not {value.GetType().Name}.", nameof(value))),
            DjangoUserKeyType.String => FromString(value as string ?? throw new ArgumentException($"A text key needs a string, not {value.GetType().Name}.", nameof(value))),
            _ => FromInt64(Convert.ToInt64(value, CultureInfo.InvariantCulture), type),
        };
    }

    /// <summary>The integer value; throws for a UUID or text key.</summary>
    public long AsInt64() => Type is DjangoUserKeyType.Integer or DjangoUserKeyType.BigInteger
        ? _number
        : throw new InvalidOperationException($"The user key is a {Type}, not an integer.");

    /// <summary>The UUID value; throws for another kind.</summary>
    public Guid AsGuid() => Type == DjangoUserKeyType.Uuid ? _uuid : throw new InvalidOperationException($"The user key is a {Type}, not a UUID.");

    /// <summary>Python's <c>str(pk)</c>: digits, the hyphenated lower-case UUID, or the text.</summary>
    public override string ToString() => Type switch
    {
        DjangoUserKeyType.Uuid => _uuid.ToString("D"),
        DjangoUserKeyType.String => _text!,
        _ => _number.ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public bool Equals(DjangoUserKey? other)
    {
        if (other is null) return false;
        bool integer = Type is DjangoUserKeyType.Integer or DjangoUserKeyType.BigInteger;
        bool otherInteger = other.Type is DjangoUserKeyType.Integer or DjangoUserKeyType.BigInteger;
        if (integer || otherInteger) return integer && otherInteger && _number == other._number;
        return Type == other.Type && _uuid == other._uuid && string.Equals(_text, other._text, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DjangoUserKey);

    /// <inheritdoc />
    public override int GetHashCode() => Type switch
    {
        DjangoUserKeyType.Uuid => _uuid.GetHashCode(),
        DjangoUserKeyType.String => StringComparer.Ordinal.GetHashCode(_text!),
        _ => _number.GetHashCode(),
    };

    /// <summary>Value equality.</summary>
    public static bool operator ==(DjangoUserKey? left, DjangoUserKey? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(DjangoUserKey? left, DjangoUserKey? right) => !(left == right);
}

/// <summary>Helpers over <see cref="DjangoUserKeyType"/>.</summary>
internal static class DjangoUserKeys
{
    /// <summary>Whether keys of the two types can name the same row (integers of either width can).</summary>
    public static bool SameKind(DjangoUserKeyType a, DjangoUserKeyType b) =>
        a == b || (IsInteger(a) && IsInteger(b));

    public static bool IsInteger(DjangoUserKeyType type) => type is DjangoUserKeyType.Integer or DjangoUserKeyType.BigInteger;
}
