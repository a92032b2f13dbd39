using System;

namespace DjangoSettings.Users;

/// <summary>
/// One concrete field of the user model: its Python name, its column, how it is stored, and the
/// options that change the schema or an insert. Build with the factory methods
/// (<see cref="Char"/>, <see cref="Uuid"/>, ...) and adjust with <c>with { ... }</c>.
/// </summary>
/// <param name="Name">The field's attribute name (what <c>USERNAME_FIELD</c>, <c>REQUIRED_FIELDS</c> and <c>USER_ID_FIELD</c> name).</param>
/// <param name="Type">How it is stored.</param>
public sealed record DjangoUserField(string Name, DjangoFieldType Type)
{
    private readonly string? _column;
    private readonly string? _verboseName;

    /// <summary>The column: <c>db_column</c> when set, else the name.</summary>
    public string Column
    {
        get => _column ?? Name;
        init => _column = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary><c>max_length</c> of a <see cref="DjangoFieldType.CharField"/>.</summary>
    public int? MaxLength { get; init; }

    /// <summary><c>null=True</c>: the column accepts NULL.</summary>
    public bool Null { get; init; }

    /// <summary><c>unique=True</c> (a primary key is unique too).</summary>
    public bool Unique { get; init; }

    /// <summary><c>primary_key=True</c>.</summary>
    public bool PrimaryKey { get; init; }

    /// <summary><c>db_index=True</c>: Django adds an index on the column.</summary>
    public bool DbIndex { get; init; }

    /// <summary>The Python-side default an insert applies when no value is given.</summary>
    public DjangoFieldDefault Default { get; init; } = DjangoFieldDefault.None;

    /// <summary>
    /// <c>verbose_name</c>, as <c>createsuperuser</c> names the field in its messages (default: the
    /// name with underscores as spaces).
    /// </summary>
    public string VerboseName
    {
        get => _verboseName ?? Name.Replace('_', ' ');
        init => _verboseName = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The validator Django runs on text values besides max_length (<c>createsuperuser</c> runs it).</summary>
    public DjangoTextFormat Format { get; init; }

    /// <summary>Whether the database numbers the column (the auto fields).</summary>
    public bool IsAuto => Type is DjangoFieldType.AutoField or DjangoFieldType.BigAutoField or DjangoFieldType.SmallAutoField;

    /// <summary>Whether values are whole numbers (auto and integer fields).</summary>
    public bool IsInteger => IsAuto || Type is DjangoFieldType.IntegerField or DjangoFieldType.BigIntegerField or DjangoFieldType.SmallIntegerField;

    /// <summary>Whether values are text (char and text fields).</summary>
    public bool IsText => Type is DjangoFieldType.CharField or DjangoFieldType.TextField;

    /// <summary>A <c>CharField(max_length=…)</c> (also EmailField, SlugField, URLField).</summary>
    public static DjangoUserField Char(string name, int maxLength, bool unique = false, bool nullable = false) =>
        new(name, DjangoFieldType.CharField) { MaxLength = maxLength > 0 ? maxLength : throw new ArgumentOutOfRangeException(nameof(maxLength)), Unique = unique, Null = nullable };

    /// <summary>An <c>EmailField</c>: a CharField of 254 characters, validated as an e-mail address.</summary>
    public static DjangoUserField Email(string name, bool unique = false) => Char(name, 254, unique) with { Format = DjangoTextFormat.Email };

    /// <summary>A <c>TextField</c>.</summary>
    public static DjangoUserField Text(string name, bool nullable = false) => new(name, DjangoFieldType.TextField) { Null = nullable };

    /// <summary>A <c>UUIDField</c>; as a primary key with <c>default=uuid.uuid4</c> (the usual form).</summary>
    public static DjangoUserField Uuid(string name, bool primaryKey = false) => new(name, DjangoFieldType.UuidField)
    {
        PrimaryKey = primaryKey,
        Unique = primaryKey,
        Default = primaryKey ? DjangoFieldDefault.Uuid4 : DjangoFieldDefault.None,
    };

    /// <summary>A <c>BooleanField(default=…)</c>.</summary>
    public static DjangoUserField Boolean(string name, bool? defaultValue = null) => new(name, DjangoFieldType.BooleanField)
    {
        Default = defaultValue is { } d ? DjangoFieldDefault.Constant(d) : DjangoFieldDefault.None,
    };

    /// <summary>A <c>DateTimeField</c>; <paramref name="defaultNow"/> for <c>default=timezone.now</c>.</summary>
    public static DjangoUserField DateTime(string name, bool nullable = false, bool defaultNow = false) => new(name, DjangoFieldType.DateTimeField)
    {
        Null = nullable,
        Default = defaultNow ? DjangoFieldDefault.Now : DjangoFieldDefault.None,
    };

    /// <summary>An <c>IntegerField</c> (or <see cref="DjangoFieldType.BigIntegerField"/> / <see cref="DjangoFieldType.SmallIntegerField"/>).</summary>
    public static DjangoUserField Integer(string name, DjangoFieldType type = DjangoFieldType.IntegerField, bool unique = false, bool nullable = false)
    {
        if (type is not (DjangoFieldType.IntegerField or DjangoFieldType.BigIntegerField or DjangoFieldType.SmallIntegerField))
        {
            throw new ArgumentException($"{type} is not an integer field type.", nameof(type));
        }
        return new DjangoUserField(name, type) { Unique = unique, Null = nullable };
    }

    /// <summary>An auto-numbered primary key (<c>AutoField</c>, <c>BigAutoField</c> or <c>SmallAutoField</c>), named <c>id</c> when Django adds it.</summary>
    public static DjangoUserField AutoPrimaryKey(DjangoFieldType type = DjangoFieldType.AutoField, string name = "id")
    {
        if (type is not (DjangoFieldType.AutoField or DjangoFieldType.BigAutoField or DjangoFieldType.SmallAutoField))
        {
            throw new ArgumentException($"{type} is not an auto field type.", nameof(type));
        }
        return new DjangoUserField(name, type) { PrimaryKey = true, Unique = true };
    }
}
