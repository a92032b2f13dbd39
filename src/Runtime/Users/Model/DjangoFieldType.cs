namespace DjangoSettings.Users;

/// <summary>
/// How a Django model field is stored: the field classes a user model uses, by the column they
/// make. <c>EmailField</c>, <c>URLField</c> and <c>SlugField</c> store as <see cref="CharField"/>
/// (with their max_length); foreign keys as the type of the key they point at.
/// </summary>
public enum DjangoFieldType
{
    /// <summary><c>AutoField</c>: integer key the database numbers (SQLite <c>integer … AUTOINCREMENT</c>, PostgreSQL <c>serial</c>).</summary>
    AutoField,

    /// <summary><c>BigAutoField</c>: 64-bit key the database numbers (PostgreSQL <c>bigserial</c>).</summary>
    BigAutoField,

    /// <summary><c>SmallAutoField</c>: 16-bit key the database numbers (PostgreSQL <c>smallserial</c>).</summary>
    SmallAutoField,

    /// <summary><c>IntegerField</c> (<c>integer</c>).</summary>
    IntegerField,

    /// <summary><c>BigIntegerField</c> (<c>bigint</c>).</summary>
    BigIntegerField,

    /// <summary><c>SmallIntegerField</c> (<c>smallint</c>).</summary>
    SmallIntegerField,

    /// <summary><c>CharField</c> and its subclasses (<c>varchar(max_length)</c>).</summary>
    CharField,

    /// <summary><c>TextField</c> (<c>text</c>).</summary>
    TextField,

    /// <summary><c>UUIDField</c>: SQLite <c>char(32)</c> holding 32 lower-case hex digits, PostgreSQL <c>uuid</c>.</summary>
    UuidField,

    /// <summary><c>BooleanField</c> (SQLite <c>bool</c> holding 0/1, PostgreSQL <c>boolean</c>).</summary>
    BooleanField,

    /// <summary><c>DateTimeField</c>: SQLite naive UTC text, PostgreSQL <c>timestamp with time zone</c>.</summary>
    DateTimeField,

    /// <summary><c>DateField</c> (<c>date</c>).</summary>
    DateField,
}
