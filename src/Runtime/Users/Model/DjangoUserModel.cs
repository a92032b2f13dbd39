using System;
using System.Collections.Generic;
using System.Linq;

namespace DjangoSettings.Users;

/// <summary>
/// The project's user model (<c>AUTH_USER_MODEL</c>) as the stores and the SimpleJWT endpoints need
/// it: the table, the concrete fields in Django's order with their columns and storage types, the
/// primary key, <c>USERNAME_FIELD</c>, <c>EMAIL_FIELD</c> and <c>REQUIRED_FIELDS</c>. Whether the
/// model has <c>is_active</c>, <c>is_staff</c>, <c>is_superuser</c> and <c>last_login</c> columns follows
/// from the fields: a model without <c>is_active</c> (built on <c>AbstractBaseUser</c> alone) treats
/// every user as active, as Django does.
/// </summary>
/// <remarks>
/// <see cref="Default"/> is Django's <c>auth.User</c>. The source generator emits the description it
/// reads from the project's <c>models.py</c>; describe it by hand with
/// <see cref="Create(string, Action{DjangoUserModelBuilder})"/> and register it with
/// <see cref="Microsoft.Extensions.DependencyInjection.DjangoUserModelServiceCollectionExtensions.AddDjangoUserModel(Microsoft.Extensions.DependencyInjection.IServiceCollection, DjangoUserModel)"/>.
/// </remarks>
public sealed record DjangoUserModel
{
    private readonly IReadOnlyList<DjangoUserField> _fields = [];
    private readonly IReadOnlyList<string> _requiredFields = [];

    /// <summary><c>AUTH_USER_MODEL</c>: <c>app_label.ModelName</c>.</summary>
    public required string Label { get; init; }

    /// <summary>
    /// The table: <c>Meta.db_table</c>, else <c>app_label + "_" + model name lower-cased</c> (see
    /// <see cref="TableName"/> for the database's length limit).
    /// </summary>
    public required string Table { get; init; }

    /// <summary>Whether <see cref="Table"/> comes from <c>Meta.db_table</c> (Django never shortens those).</summary>
    public bool TableIsExplicit { get; init; }

    /// <summary>The concrete fields in Django's order (the order of the columns Django's migration creates).</summary>
    public required IReadOnlyList<DjangoUserField> Fields
    {
        get => _fields;
        init => _fields = value?.ToArray() ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary><c>USERNAME_FIELD</c>: the login field (the obtain endpoint's body field).</summary>
    public required string UsernameField { get; init; }

    /// <summary><c>EMAIL_FIELD</c> (Django's <c>get_email_field_name()</c> falls back to <c>email</c>).</summary>
    public string EmailField { get; init; } = "email";

    /// <summary><c>REQUIRED_FIELDS</c>: what <c>createsuperuser --noinput</c> asks for besides the login field.</summary>
    public IReadOnlyList<string> RequiredFields
    {
        get => _requiredFields;
        init => _requiredFields = value?.ToArray() ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Django's <c>auth.User</c> (table <c>auth_user</c>, integer <c>id</c>, login by <c>username</c>).</summary>
    public static DjangoUserModel Default { get; } = Create("auth.User", m => m.AbstractUser());

    /// <summary>Describes a model by hand: <paramref name="label"/> is <c>AUTH_USER_MODEL</c>, the builder adds the fields.</summary>
    /// <example>
    /// <code>
    /// DjangoUserModel.Create("users.Member", m => m
    ///     .AbstractBaseUser().PermissionsMixin()
    ///     .Field(DjangoUserField.Uuid("id", primaryKey: true))
    ///     .Field(DjangoUserField.Email("email", unique: true))
    ///     .Field(DjangoUserField.Boolean("is_active", true))
    ///     .UsernameField("email"));
    /// </code>
    /// </example>
    /// <exception cref="DjangoUserModelException">The description is incomplete or contradicts itself.</exception>
    public static DjangoUserModel Create(string label, Action<DjangoUserModelBuilder> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        var builder = new DjangoUserModelBuilder(label);
        describe(builder);
        return builder.Build();
    }

    /// <summary>The primary key field.</summary>
    public DjangoUserField PrimaryKey => _fields.FirstOrDefault(f => f.PrimaryKey)
        ?? throw new DjangoUserModelException(Label, "has no primary key field.");

    /// <summary>What the primary key holds.</summary>
    public DjangoUserKeyType KeyType => KeyTypeOf(PrimaryKey);

    /// <summary>The <c>is_active</c> field, or null (<c>AbstractBaseUser</c>'s <c>is_active = True</c>: everyone is active).</summary>
    public DjangoUserField? IsActiveField => Find("is_active");

    /// <summary>The <c>last_login</c> field, or null (removed with <c>last_login = None</c>).</summary>
    public DjangoUserField? LastLoginField => Find("last_login");

    /// <summary>The login field (<see cref="UsernameField"/>).</summary>
    public DjangoUserField Username => Find(UsernameField) ?? throw new DjangoUserModelException(Label, $"USERNAME_FIELD '{UsernameField}' is not a field of the model.");

    /// <summary>The password field (<c>AbstractBaseUser.password</c>).</summary>
    public DjangoUserField Password => Find("password") ?? throw new DjangoUserModelException(Label, "has no 'password' field (is it built on AbstractBaseUser?).");

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public DjangoUserField? Find(string name)
    {
        foreach (var field in _fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal)) return field;
        }
        return null;
    }

    /// <summary>The field a lookup names: <c>pk</c> is the primary key (as Django's ORM reads it), else the field of that name, or null.</summary>
    public DjangoUserField? Resolve(string name) => name == "pk" ? PrimaryKey : Find(name);

    /// <summary>
    /// The table name on a database whose identifiers are at most <paramref name="maxNameLength"/>
    /// long (PostgreSQL: 63; SQLite: null, no limit): a default name that is too long is shortened
    /// with an MD5 suffix, as Django does when it builds the model; <c>Meta.db_table</c> never is.
    /// </summary>
    public string TableName(int? maxNameLength) => TableIsExplicit ? Table : DjangoNames.Truncate(Table, maxNameLength);

    /// <summary>What a field of this kind holds as a key.</summary>
    public static DjangoUserKeyType KeyTypeOf(DjangoUserField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Type switch
        {
            DjangoFieldType.UuidField => DjangoUserKeyType.Uuid,
            DjangoFieldType.CharField or DjangoFieldType.TextField => DjangoUserKeyType.String,
            DjangoFieldType.BigAutoField or DjangoFieldType.BigIntegerField => DjangoUserKeyType.BigInteger,
            DjangoFieldType.AutoField or DjangoFieldType.SmallAutoField or DjangoFieldType.IntegerField or DjangoFieldType.SmallIntegerField => DjangoUserKeyType.Integer,
            _ => throw new ArgumentException($"A {field.Type} cannot identify a user.", nameof(field)),
        };
    }

    /// <summary>
    /// Checks the description as Django's system checks and the stores need it: one primary key,
    /// distinct names and columns, a password field, <c>USERNAME_FIELD</c> and every
    /// <c>REQUIRED_FIELDS</c> entry naming a field, <c>USERNAME_FIELD</c> not listed in
    /// <c>REQUIRED_FIELDS</c> (auth.E002). Returns the model.
    /// </summary>
    /// <exception cref="DjangoUserModelException">What is wrong, naming the model.</exception>
    public DjangoUserModel Validate()
    {
        string[] parts = Label.Split('.');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new DjangoUserModelException(Label, "AUTH_USER_MODEL must be of the form 'app_label.model_name'.");
        }
        if (string.IsNullOrEmpty(Table)) throw new DjangoUserModelException(Label, "has no table name.");
        int keys = _fields.Count(f => f.PrimaryKey);
        if (keys != 1) throw new DjangoUserModelException(Label, keys == 0 ? "has no primary key field." : "has more than one primary key field.");
        _ = KeyTypeOf(PrimaryKey);
        foreach (var group in _fields.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new DjangoUserModelException(Label, $"has two fields named '{group.Key}'.");
        }
        foreach (var group in _fields.GroupBy(f => f.Column, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new DjangoUserModelException(Label, $"has two fields stored in column '{group.Key}'.");
        }
        foreach (var field in _fields.Where(f => f.Type == DjangoFieldType.CharField && f.MaxLength is null))
        {
            throw new DjangoUserModelException(Label, $"CharField '{field.Name}' needs a max_length.");
        }
        _ = Password;
        _ = Username;
        foreach (string required in _requiredFields)
        {
            if (string.Equals(required, UsernameField, StringComparison.Ordinal))
            {
                throw new DjangoUserModelException(Label, "The field named as the 'USERNAME_FIELD' for a custom user model must not be included in 'REQUIRED_FIELDS'. (auth.E002)");
            }
            if (Find(required) is null) throw new DjangoUserModelException(Label, $"REQUIRED_FIELDS names '{required}', which is not a field of the model.");
        }
        return this;
    }
}
