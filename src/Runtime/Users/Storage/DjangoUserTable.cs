using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using DjangoSettings.Stores;

namespace DjangoSettings.Users;

/// <summary>
/// The user table of one <see cref="DjangoUserModel"/> on one database: the SQL the stores run
/// (every column of the model, quoted; <c>@p</c> parameters, which SQLite and Npgsql both take), and
/// the conversions between field values and what the database holds (UUIDs as 32 hex digits and
/// booleans as 0/1 on SQLite, naive UTC text for SQLite date-times), so both stores read and write
/// rows exactly as Django does.
/// </summary>
internal sealed class DjangoUserTable
{
    // Django's RANDOM_STRING_CHARS: unusable passwords are "!" + 40 of them (UNUSABLE_PASSWORD_SUFFIX_LENGTH).
    private const string RandomChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly DjangoSqlDialect _dialect;
    private readonly DjangoUserField[] _fields;
    private readonly string _select;

    public DjangoUserTable(DjangoUserModel model, DjangoSqlDialect dialect)
    {
        Model = (model ?? throw new ArgumentNullException(nameof(model))).Validate();
        _dialect = dialect;
        _fields = model.Fields.ToArray();
        Name = model.TableName(dialect == DjangoSqlDialect.PostgreSql ? DjangoNames.PostgreSqlMaxNameLength : null);
        Quoted = DjangoColumnTypes.Quote(Name);
        _select = "SELECT " + string.Join(", ", _fields.Select(f => DjangoColumnTypes.Quote(f.Column))) + " FROM " + Quoted;
    }

    public DjangoUserModel Model { get; }

    /// <summary>The table name on this database.</summary>
    public string Name { get; }

    /// <summary>The quoted table name.</summary>
    public string Quoted { get; }

    /// <summary>The quoted primary key column.</summary>
    public string PrimaryKeyColumn => DjangoColumnTypes.Quote(Model.PrimaryKey.Column);

    /// <summary><c>SELECT every column FROM table WHERE column = @key</c>.</summary>
    public string SelectWhere(DjangoUserField field) => _select + " WHERE " + DjangoColumnTypes.Quote(field.Column) + " = @key";

    /// <summary><c>UPDATE table SET column = @value WHERE pk = @key</c>.</summary>
    public string UpdateOne(DjangoUserField field) =>
        "UPDATE " + Quoted + " SET " + DjangoColumnTypes.Quote(field.Column) + " = @value WHERE " + PrimaryKeyColumn + " = @key";

    /// <summary>A lookup value (already converted by <see cref="DjangoLookup"/>) as the column holds it.</summary>
    public object ToDb(DjangoUserField field, object value) => (field.Type, value) switch
    {
        (DjangoFieldType.UuidField, Guid g) => _dialect == DjangoSqlDialect.Sqlite ? PythonUuid.Hex(g) : g,
        (DjangoFieldType.BooleanField, bool b) => _dialect == DjangoSqlDialect.Sqlite ? (b ? 1L : 0L) : b,
        (DjangoFieldType.DateTimeField, DateTimeOffset t) => _dialect == DjangoSqlDialect.Sqlite
            ? DjangoSqliteDateTime.Format(t)
            : new DateTime(Microseconds(t).UtcTicks, DateTimeKind.Utc),
        (DjangoFieldType.DateField, DateOnly d) => _dialect == DjangoSqlDialect.Sqlite ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d,
        (_, DjangoUserKey key) => ToDb(field, key.Value),
        _ => value,
    };

    /// <summary>The primary key as the column holds it.</summary>
    public object KeyToDb(DjangoUserKey pk) => ToDb(Model.PrimaryKey, pk.Value);

    /// <summary>Reads the current row of a reader positioned on a <see cref="SelectWhere"/> result.</summary>
    public DjangoUser Read(DbDataReader reader)
    {
        var values = new Dictionary<string, object?>(_fields.Length, StringComparer.Ordinal);
        for (int i = 0; i < _fields.Length; i++)
        {
            values[_fields[i].Name] = reader.IsDBNull(i) ? null : FromDb(_fields[i], reader.GetValue(i));
        }
        return ToUser(values);
    }

    /// <summary>Reads a row whose columns (in <see cref="SelectWhere"/>'s order) <paramref name="column"/> gives, null for NULL.</summary>
    public DjangoUser Read(Func<int, object?> column)
    {
        var values = new Dictionary<string, object?>(_fields.Length, StringComparer.Ordinal);
        for (int i = 0; i < _fields.Length; i++)
        {
            values[_fields[i].Name] = column(i) is { } value ? FromDb(_fields[i], value) : null;
        }
        return ToUser(values);
    }

    /// <summary>A user from field values by name (read from the database or just inserted).</summary>
    public DjangoUser ToUser(IReadOnlyDictionary<string, object?> given)
    {
        var model = Model;
        // In the model's field order, whatever order the values were collected in.
        var values = new Dictionary<string, object?>(_fields.Length, StringComparer.Ordinal);
        foreach (var field in _fields) values[field.Name] = given.GetValueOrDefault(field.Name);
        object pk = values[model.PrimaryKey.Name] ?? throw new InvalidOperationException($"{Name}: a row has no primary key value.");
        return new DjangoUser
        {
            Pk = DjangoUserKey.From(model.KeyType, pk),
            Username = PythonText.Str(values.GetValueOrDefault(model.UsernameField)) ?? "",
            Password = values.GetValueOrDefault("password") as string ?? "",
            // No column: AbstractBaseUser.is_active = True. A NULL is falsy for simplejwt.
            IsActive = model.IsActiveField is null || values.GetValueOrDefault("is_active") is true,
            IsStaff = values.GetValueOrDefault("is_staff") is true,
            IsSuperuser = values.GetValueOrDefault("is_superuser") is true,
            Email = values.GetValueOrDefault(model.EmailField) as string ?? "",
            LastLogin = values.GetValueOrDefault("last_login") as DateTimeOffset?,
            Fields = values,
        };
    }

    /// <summary>
    /// The field values of a new row, as the model's manager builds it: the login normalised
    /// (<c>normalize_email</c> when it is the e-mail field, else NFKC <c>normalize_username</c>),
    /// the e-mail's domain lower-cased, the password hashed (unusable when null),
    /// <c>is_staff</c>/<c>is_superuser</c> for a superuser, every other field from the given values
    /// or its default. Auto fields are left to the database.
    /// </summary>
    /// <exception cref="DjangoUserModelException">A NOT NULL field has no value and no default.</exception>
    public Dictionary<string, object?> NewRow(DjangoNewUser user, IPasswordHasher hasher, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var model = Model;
        if (string.IsNullOrEmpty(user.Username)) throw new ArgumentException($"The {model.UsernameField} must be set.", nameof(user));
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            if (field.IsAuto) continue;
            object? value;
            if (field.Name == "password")
            {
                value = user.Password is null ? "!" + RandomNumberGenerator.GetString(RandomChars, 40) : hasher.Hash(user.Password);
            }
            else if (field.Name == model.UsernameField)
            {
                value = field.Name == model.EmailField ? DjangoUserNormalization.Email(user.Username) : DjangoUserNormalization.Username(user.Username);
            }
            else if (user.IsSuperuser && field.Name is "is_staff" or "is_superuser" && field.Type == DjangoFieldType.BooleanField)
            {
                value = true;
            }
            else if (user.Fields.TryGetValue(field.Name, out object? given))
            {
                value = field.Name == model.EmailField && given is string email ? DjangoUserNormalization.Email(email) : given;
            }
            else
            {
                value = DefaultOf(field, now);
            }
            if (value is null && !field.Null)
            {
                throw new DjangoUserModelException(model.Label, $"field '{field.Name}' is NOT NULL and has no default: give it a value.");
            }
            values[field.Name] = value;
        }
        return values;
    }

    /// <summary><c>INSERT INTO table (columns) VALUES (@p0, …)</c> for <paramref name="values"/>' fields, in the model's order.</summary>
    public (string Sql, IReadOnlyList<(string Name, object Value)> Parameters) Insert(IReadOnlyDictionary<string, object?> values)
    {
        var columns = new List<string>();
        var parameters = new List<(string, object)>();
        foreach (var field in _fields)
        {
            if (!values.TryGetValue(field.Name, out object? value)) continue;
            string name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            columns.Add(DjangoColumnTypes.Quote(field.Column));
            parameters.Add((name, value is null ? DBNull.Value : ToDb(field, value)));
        }
        string sql = "INSERT INTO " + Quoted + " (" + string.Join(", ", columns) + ") VALUES (" +
            string.Join(", ", parameters.Select(p => "@" + p.Item1)) + ")";
        return (sql, parameters);
    }

    /// <summary>A value the database returned, as the field's .NET value.</summary>
    public object FromDb(DjangoUserField field, object value)
    {
        switch (field.Type)
        {
            case DjangoFieldType.UuidField:
                if (value is Guid g) return g;
                // Django reads any form back (uuid.UUID(value)), although only 32 hex digits match a lookup.
                if (value is string s && PythonUuid.TryParse(s, out Guid parsed)) return parsed;
                throw new FormatException($"{Name}.{field.Column}: '{value}' is not a UUID.");
            case DjangoFieldType.BooleanField:
                return value is bool b ? b : System.Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;
            case DjangoFieldType.DateTimeField:
                return value switch
                {
                    DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
                    DateTimeOffset o => o.ToUniversalTime(),
                    _ => DjangoSqliteDateTime.Parse(System.Convert.ToString(value, CultureInfo.InvariantCulture)!),
                };
            case DjangoFieldType.DateField:
                return value switch
                {
                    DateOnly d => d,
                    DateTime t => DateOnly.FromDateTime(t),
                    _ => DateOnly.ParseExact(System.Convert.ToString(value, CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                };
            case DjangoFieldType.CharField or DjangoFieldType.TextField:
                return value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture)!;
            default:
                return System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
    }

    private static object? DefaultOf(DjangoUserField field, DateTimeOffset now) => field.Default.Kind switch
    {
        DjangoFieldDefaultKind.Constant => field.Default.Value,
        DjangoFieldDefaultKind.Now => field.Type == DjangoFieldType.DateField ? DateOnly.FromDateTime(now.UtcDateTime) : Microseconds(now),
        DjangoFieldDefaultKind.Uuid4 => Guid.NewGuid(),
        // Field.get_default(): "" for a text field that cannot be NULL, else None.
        _ => field.IsText && !field.Null ? "" : null,
    };

    private static DateTimeOffset Microseconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>The CREATE TABLE (and index) statements Django's migration runs for a user table it creates in one go.</summary>
    public IReadOnlyList<string> CreateStatements()
    {
        var statements = new List<string>
        {
            "CREATE TABLE " + Quoted + " (" + string.Join(", ", _fields.Select(f => DjangoColumnTypes.ColumnDefinition(f, _dialect))) + ")",
        };
        int? max = _dialect == DjangoSqlDialect.PostgreSql ? DjangoNames.PostgreSqlMaxNameLength : null;
        foreach (var field in _fields)
        {
            bool indexed = field.DbIndex && !field.Unique && !field.PrimaryKey;
            if (indexed)
            {
                statements.Add("CREATE INDEX " + DjangoColumnTypes.Quote(DjangoNames.IndexName(Name, [field.Column], "", max)) + " ON " + Quoted + " (" + DjangoColumnTypes.Quote(field.Column) + ")");
            }
            // PostgreSQL: text columns that are indexed or unique (primary keys too) also get a
            // pattern-ops index so LIKE 'x%' can use it.
            if (_dialect == DjangoSqlDialect.PostgreSql && field.IsText && (field.DbIndex || field.Unique || field.PrimaryKey))
            {
                string ops = field.Type == DjangoFieldType.TextField ? "text_pattern_ops" : "varchar_pattern_ops";
                statements.Add("CREATE INDEX " + DjangoColumnTypes.Quote(DjangoNames.IndexName(Name, [field.Column], "_like", max)) + " ON " + Quoted + " (" + DjangoColumnTypes.Quote(field.Column) + " " + ops + ")");
            }
        }
        return statements;
    }

    /// <summary>For messages: the model and its table.</summary>
    public override string ToString() => new StringBuilder(Model.Label).Append(" (table ").Append(Name).Append(')').ToString();
}
