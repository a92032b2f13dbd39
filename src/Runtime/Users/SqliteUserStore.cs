using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using Microsoft.Data.Sqlite;

namespace DjangoSettings.Users;

/// <summary>
/// Users in the user table of a Django SQLite database (<c>auth_user</c>, or the table of the
/// project's <see cref="DjangoUserModel"/>), with Django password hashes, so a .NET service and
/// Django can share users during a migration. UUID keys are stored as Django stores them there
/// (32 lower-case hex digits); lookups are exact and case-sensitive (SQLite's BINARY collation),
/// as Django's are.
/// </summary>
public sealed class SqliteUserStore : IUserStore
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    private readonly SqliteDjangoDatabase _database;
    private readonly IPasswordHasher _hasher;
    private readonly TimeProvider _time;
    private readonly DjangoUserTable _table;

    /// <summary>Creates the store (call <see cref="SqliteDjangoDatabase.EnsureCreated(DjangoUserModel)"/> once first).</summary>
    /// <param name="database">The Django SQLite database.</param>
    /// <param name="hasher">Hashes passwords of created users.</param>
    /// <param name="timeProvider">The clock for defaults such as <c>date_joined</c>; the system clock when null.</param>
    /// <param name="model">The user model; Django's <c>auth.User</c> when null.</param>
    public SqliteUserStore(SqliteDjangoDatabase database, IPasswordHasher hasher, TimeProvider? timeProvider = null, DjangoUserModel? model = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _time = timeProvider ?? TimeProvider.System;
        _table = new DjangoUserTable(model ?? DjangoUserModel.Default, DjangoSqlDialect.Sqlite);
    }

    /// <inheritdoc />
    public DjangoUserModel Model => _table.Model;

    /// <inheritdoc />
    public ValueTask<DjangoUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        return FindByFieldAsync(Model.UsernameField, username, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<DjangoUser?> FindByFieldAsync(string field, object? value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(field);
        var target = Model.Resolve(field) ?? throw new ArgumentException($"'{field}' is not a field of {Model.Label}.", nameof(field));
        var lookup = DjangoLookup.Convert(target, value);
        if (lookup.Outcome != DjangoLookupOutcome.Value) return ValueTask.FromResult<DjangoUser?>(null);
        object key = _table.ToDb(target, lookup.Value!);
        // SQLite's default BINARY collation makes '=' case-sensitive, as Django's exact lookup is there.
        return _database.ReadAsync(connection =>
        {
            using var query = SqliteStatement.Prepare(connection, _table.SelectWhere(target)).Bind("@key", key);
            return query.Step() ? _table.Read(i => query.IsNull(i) ? null : query.GetValue(i)) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask UpdateLastLoginAsync(DjangoUserKey pk, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pk);
        // Only this column, like Django's update_last_login (save(update_fields=['last_login'])).
        return Model.LastLoginField is { } lastLogin ? UpdateAsync(lastLogin, when, pk, cancellationToken) : ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask SetPasswordAsync(DjangoUserKey pk, string encoded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pk);
        ArgumentNullException.ThrowIfNull(encoded);
        return UpdateAsync(Model.Password, encoded, pk, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// As the model's manager does: see <see cref="DjangoNewUser"/>. The new row's auto key comes
    /// from SQLite; a UUID key from <c>uuid4</c> unless given.
    /// </remarks>
    /// <exception cref="DuplicateUsernameException">The (normalised) login, or another unique value, exists.</exception>
    public async ValueTask<DjangoUser> CreateUserAsync(DjangoNewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        // Hashed before the write lock is taken: PBKDF2 takes a while.
        Dictionary<string, object?> values = _table.NewRow(user, _hasher, _time.GetUtcNow());
        var (sql, parameters) = _table.Insert(values);
        var pk = Model.PrimaryKey;
        long? rowId = await _database.WriteAsync<long?>(connection =>
        {
            using (SqliteCommand insert = connection.CreateCommand())
            {
                insert.CommandText = sql;
                foreach (var (name, value) in parameters) insert.Parameters.AddWithValue("@" + name, value);
                try
                {
                    insert.ExecuteNonQuery();
                }
                catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint && e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey)
                {
                    throw new DuplicateUsernameException(values[Model.UsernameField] as string ?? user.Username, e);
                }
            }
            if (!pk.IsAuto) return null;
            using SqliteCommand lastRow = connection.CreateCommand();
            lastRow.CommandText = "SELECT last_insert_rowid()";
            return (long)lastRow.ExecuteScalar()!;
        }, cancellationToken).ConfigureAwait(false);
        if (rowId is { } id) values[pk.Name] = id;
        return _table.ToUser(values);
    }

    private async ValueTask UpdateAsync(DjangoUserField field, object value, DjangoUserKey pk, CancellationToken cancellationToken)
    {
        string sql = _table.UpdateOne(field);
        object newValue = _table.ToDb(field, value);
        object key = _table.KeyToDb(pk);
        await _database.WriteAsync(connection =>
        {
            using SqliteCommand update = connection.CreateCommand();
            update.CommandText = sql;
            update.Parameters.AddWithValue("@value", newValue);
            update.Parameters.AddWithValue("@key", key);
            return update.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }
}
