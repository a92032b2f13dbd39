namespace DjangoSettings.Users;

/// <summary>What kind of value the user model's primary key holds.</summary>
public enum DjangoUserKeyType
{
    /// <summary>A 32-bit integer (<c>AutoField</c>, <c>IntegerField</c>; <c>SmallAutoField</c> too).</summary>
    Integer,

    /// <summary>A 64-bit integer (<c>BigAutoField</c>, <c>BigIntegerField</c>).</summary>
    BigInteger,

    /// <summary>A UUID (<c>UUIDField</c>).</summary>
    Uuid,

    /// <summary>Text (<c>CharField</c>, <c>TextField</c>).</summary>
    String,
}
