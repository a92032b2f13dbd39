using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Users;
using Npgsql;

namespace DjangoSettings.PostgreSql;

/// <summary>
/// Users in the user table of a Django PostgreSQL database (<c>auth_user</c>, or the table of the
/// project's <see cref="DjangoUserModel"/>), with Django password hashes, so the .NET service and
/// Django (and several instances of either) share users. UUID keys are native <c>uuid</c> values;
/// PostgreSQL's <c>=</c> on varchar is case-sensitive, as Django's exact lookup is.
/// </summary>
public sealed class PostgreSqlUserStore : IUserStore
{
    private readonly PostgreSqlDjangoDatabase _database;
    private readonly IPasswordHasher _hasher;
    private readonly TimeProvider _time;
    private readonly DjangoUserTable _table;

    /// <summary>Creates the store (call <see cref="PostgreSqlDjangoDatabase.EnsureCreated(DjangoUserModel)"/> once first).</summary>
    /// <param name="database">The Django PostgreSQL database.</param>
    /// <param name="hasher">Hashes passwords of created users.</param>
    /// <param name="timeProvider">The clock for defaults such as <c>date_joined</c>; the system clock when null.</param>
    /// <param name="model">The user model; Django's <c>auth.User</c> when null.</param>
    public PostgreSqlUserStore(PostgreSqlDjangoDatabase database, IPasswordHasher hasher, TimeProvider? timeProvider = null, DjangoUserModel? model = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _time = timeProvider ?? TimeProvider.System;
        _table = new DjangoUserTable(model ?? DjangoUserModel.Default, DjangoSqlDialect.PostgreSql);
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
    public async ValueTask<DjangoUser?> FindByFieldAsync(string field, object? value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(field);
        var target = Model.Resolve(field) ?? throw new ArgumentException($"'{field}' is not a field of {Model.Label}.", nameof(field));
        var lookup = DjangoLookup.Convert(target, value);
        if (lookup.Outcome != DjangoLookupOutcome.Value) return null;
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var query = new NpgsqlCommand(_table.SelectWhere(target), connection);
            query.Parameters.AddWithValue("key", _table.ToDb(target, lookup.Value!));
            await using NpgsqlDataReader reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? _table.Read(reader) : null;
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
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
    /// <remarks>As the model's manager does: see <see cref="DjangoNewUser"/>. An auto key comes back with <c>RETURNING</c>.</remarks>
    /// <exception cref="DuplicateUsernameException">The (normalised) login, or another unique value, exists.</exception>
    public async ValueTask<DjangoUser> CreateUserAsync(DjangoNewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        Dictionary<string, object?> values = _table.NewRow(user, _hasher, _time.GetUtcNow());
        var (sql, parameters) = _table.Insert(values);
        var pk = Model.PrimaryKey;
        if (pk.IsAuto) sql += " RETURNING " + _table.PrimaryKeyColumn;
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = new NpgsqlCommand(sql, connection);
            foreach (var (name, value) in parameters) insert.Parameters.AddWithValue(name, value);
            object? key = await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (pk.IsAuto) values[pk.Name] = Convert.ToInt64(key, System.Globalization.CultureInfo.InvariantCulture);
            return _table.ToUser(values);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateUsernameException(values[Model.UsernameField] as string ?? user.Username, e);
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
    }

    private async ValueTask UpdateAsync(DjangoUserField field, object value, DjangoUserKey pk, CancellationToken cancellationToken)
    {
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var update = new NpgsqlCommand(_table.UpdateOne(field), connection);
            update.Parameters.AddWithValue("value", _table.ToDb(field, value));
            update.Parameters.AddWithValue("key", _table.KeyToDb(pk));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
    }
}
