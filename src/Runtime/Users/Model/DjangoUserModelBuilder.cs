using System;
using System.Collections.Generic;

namespace DjangoSettings.Users;

/// <summary>
/// Describes a user model field by field, the way its Python class is written: the base classes
/// first (<see cref="AbstractBaseUser"/>, <see cref="PermissionsMixin"/>, or <see cref="AbstractUser"/>
/// for both plus Django's username, names, e-mail and flags), then the model's own fields. A field
/// added again under the same name replaces the inherited one in place, as a subclass's field does.
/// Without a primary key field, <see cref="Build"/> adds Django's auto-created <c>id</c>
/// (<see cref="DefaultAutoField"/>).
/// </summary>
public sealed class DjangoUserModelBuilder
{
    private readonly string _label;
    private readonly List<DjangoUserField> _fields = [];
    private string? _table;
    private string? _usernameField;
    private string _emailField = "email";
    private string[] _requiredFields = [];
    private DjangoFieldType _autoField = DjangoFieldType.AutoField;

    /// <summary>Starts a description of <paramref name="label"/> (<c>app_label.ModelName</c>).</summary>
    public DjangoUserModelBuilder(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        _label = label;
    }

    /// <summary><c>Meta.db_table</c>: the table, instead of Django's <c>app_label_modelname</c>.</summary>
    public DjangoUserModelBuilder Table(string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        _table = table;
        return this;
    }

    /// <summary>
    /// The type of the primary key Django adds when the model declares none: <c>DEFAULT_AUTO_FIELD</c>
    /// or the app config's <c>default_auto_field</c> (default <c>AutoField</c>).
    /// </summary>
    public DjangoUserModelBuilder DefaultAutoField(DjangoFieldType type)
    {
        if (type is not (DjangoFieldType.AutoField or DjangoFieldType.BigAutoField or DjangoFieldType.SmallAutoField))
        {
            throw new ArgumentException($"{type} is not an auto field type.", nameof(type));
        }
        _autoField = type;
        return this;
    }

    /// <summary><c>AbstractBaseUser</c>'s fields: <c>password</c> (varchar 128) and <c>last_login</c> (nullable).</summary>
    public DjangoUserModelBuilder AbstractBaseUser()
    {
        Field(DjangoUserField.Char("password", 128));
        Field(DjangoUserField.DateTime("last_login", nullable: true) with { VerboseName = "last login" });
        return this;
    }

    /// <summary><c>PermissionsMixin</c>'s column: <c>is_superuser</c> (default False); its many-to-many fields have no column.</summary>
    public DjangoUserModelBuilder PermissionsMixin() => Field(DjangoUserField.Boolean("is_superuser", false) with { VerboseName = "superuser status" });

    /// <summary>
    /// <c>AbstractUser</c>: <see cref="AbstractBaseUser"/>, <see cref="PermissionsMixin"/>, then
    /// <c>username</c> (unique, 150), <c>first_name</c>, <c>last_name</c> (150), <c>email</c> (254, not
    /// unique), <c>is_staff</c>, <c>is_active</c>, <c>date_joined</c>; <c>USERNAME_FIELD = 'username'</c>,
    /// <c>REQUIRED_FIELDS = ['email']</c>.
    /// </summary>
    public DjangoUserModelBuilder AbstractUser()
    {
        AbstractBaseUser();
        PermissionsMixin();
        Field(DjangoUserField.Char("username", 150, unique: true) with { Format = DjangoTextFormat.UnicodeUsername });
        Field(DjangoUserField.Char("first_name", 150) with { VerboseName = "first name" });
        Field(DjangoUserField.Char("last_name", 150) with { VerboseName = "last name" });
        Field(DjangoUserField.Email("email") with { VerboseName = "email address" });
        Field(DjangoUserField.Boolean("is_staff", false) with { VerboseName = "staff status" });
        Field(DjangoUserField.Boolean("is_active", true) with { VerboseName = "active" });
        Field(DjangoUserField.DateTime("date_joined", defaultNow: true) with { VerboseName = "date joined" });
        _usernameField = "username";
        _emailField = "email";
        _requiredFields = ["email"];
        return this;
    }

    /// <summary>Adds a field, or replaces an inherited one of the same name where it stands.</summary>
    public DjangoUserModelBuilder Field(DjangoUserField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        int at = _fields.FindIndex(f => string.Equals(f.Name, field.Name, StringComparison.Ordinal));
        if (at >= 0) _fields[at] = field;
        else _fields.Add(field);
        return this;
    }

    /// <summary>Removes an inherited field (<c>last_login = None</c> in the class body).</summary>
    public DjangoUserModelBuilder RemoveField(string name)
    {
        _fields.RemoveAll(f => string.Equals(f.Name, name, StringComparison.Ordinal));
        return this;
    }

    /// <summary><c>USERNAME_FIELD</c>.</summary>
    public DjangoUserModelBuilder UsernameField(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _usernameField = name;
        return this;
    }

    /// <summary><c>EMAIL_FIELD</c>.</summary>
    public DjangoUserModelBuilder EmailField(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _emailField = name;
        return this;
    }

    /// <summary><c>REQUIRED_FIELDS</c>.</summary>
    public DjangoUserModelBuilder RequiredFields(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _requiredFields = (string[])names.Clone();
        return this;
    }

    /// <summary>The validated description.</summary>
    /// <exception cref="DjangoUserModelException">It is incomplete or contradicts itself.</exception>
    public DjangoUserModel Build()
    {
        var fields = new List<DjangoUserField>(_fields);
        // Django's auto-created key has the lowest creation counter: it is the first column.
        if (!fields.Exists(f => f.PrimaryKey)) fields.Insert(0, DjangoUserField.AutoPrimaryKey(_autoField));
        int dot = _label.IndexOf('.', StringComparison.Ordinal);
        string defaultTable = dot > 0 ? _label.Substring(0, dot) + "_" + _label.Substring(dot + 1).ToLowerInvariant() : _label;
        return new DjangoUserModel
        {
            Label = _label,
            Table = _table ?? defaultTable,
            TableIsExplicit = _table is not null,
            Fields = fields,
            UsernameField = _usernameField ?? throw new DjangoUserModelException(_label, "has no USERNAME_FIELD (AbstractBaseUser does not set one)."),
            EmailField = _emailField,
            RequiredFields = _requiredFields,
        }.Validate();
    }
}
