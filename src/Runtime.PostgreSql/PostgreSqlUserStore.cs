using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Users;
using Npgsql;

namespace DjangoSettings.PostgreSql;

/// <summary>
/// Users in Django's <c>auth_user</c> table of a PostgreSQL database, with Django password hashes,
/// so the .NET service and Django (and several instances of either) share users.
/// </summary>
public sealed class PostgreSqlUserStore : IUserStore
{
    private const string Columns =
        "id, username, password, is_active, is_staff, is_superuser, email, first_name, last_name, date_joined, last_login";

    private readonly PostgreSqlDjangoDatabase _database;
    private readonly IPasswordHasher _hasher;
    private readonly TimeProvider _time;

    /// <summary>Creates the store (call <see cref="PostgreSqlDjangoDatabase.EnsureCreated"/> once first).</summary>
    /// <param name="database">The Django PostgreSQL database.</param>
    /// <param name="hasher">Hashes passwords of created users.</param>
    /// <param name="timeProvider">The clock for <c>date_joined</c>; the system clock when null.</param>
    public PostgreSqlUserStore(PostgreSqlDjangoDatabase database, IPasswordHasher hasher, TimeProvider? timeProvider = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    /// <remarks>PostgreSQL's <c>=</c> on varchar is case-sensitive, as Django's exact lookup is.</remarks>
    public ValueTask<DjangoUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        return FindOneAsync("username = @key", username, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The text is read as Python's <c>int()</c> reads it (white space and a sign allowed); anything else, or a value beyond the integer column, finds no user.</remarks>
    public ValueTask<DjangoUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        // Python's int(), as the ORM reads it (PythonInt); beyond the integer column's range no row matches.
        if (!PythonInt.TryParseInt64(userId, out long id) || id < int.MinValue || id > int.MaxValue)
        {
            return ValueTask.FromResult<DjangoUser?>(null);
        }
        return FindOneAsync("id = @key", (int)id, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask UpdateLastLoginAsync(long id, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Only this column, like Django's update_last_login (save(update_fields=['last_login'])).
            await using var update = new NpgsqlCommand("UPDATE auth_user SET last_login = @when WHERE id = @id", connection);
            update.Parameters.AddWithValue("when", PostgreSqlTime.ToDb(when));
            update.Parameters.AddWithValue("id", (int)id);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// As Django's <c>create_user</c> / <c>create_superuser</c>: the username NFKC-normalised, the
    /// e-mail's domain lower-cased, active, staff and superuser both set for a superuser,
    /// <c>date_joined</c> now, no <c>last_login</c>.
    /// </remarks>
    /// <exception cref="DuplicateUsernameException">The (normalised) username exists.</exception>
    public async ValueTask<DjangoUser> CreateUserAsync(string username, string password, bool isSuperuser, string email = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrEmpty(username)) throw new ArgumentException("The given username must be set.", nameof(username));
        var user = new DjangoUser(
            Id: 0,
            Username: DjangoUserNormalization.Username(username),
            Password: _hasher.Hash(password),
            IsActive: true,
            IsStaff: isSuperuser,
            IsSuperuser: isSuperuser,
            Email: DjangoUserNormalization.Email(email),
            FirstName: "",
            LastName: "",
            DateJoined: PostgreSqlTime.Truncate(_time.GetUtcNow()),
            LastLogin: null);
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = new NpgsqlCommand(
                "INSERT INTO auth_user (password, last_login, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined) " +
                "VALUES (@password, NULL, @superuser, @username, @first, @last, @email, @staff, @active, @joined) RETURNING id", connection);
            insert.Parameters.AddWithValue("password", user.Password);
            insert.Parameters.AddWithValue("superuser", user.IsSuperuser);
            insert.Parameters.AddWithValue("username", user.Username);
            insert.Parameters.AddWithValue("first", user.FirstName);
            insert.Parameters.AddWithValue("last", user.LastName);
            insert.Parameters.AddWithValue("email", user.Email);
            insert.Parameters.AddWithValue("staff", user.IsStaff);
            insert.Parameters.AddWithValue("active", user.IsActive);
            insert.Parameters.AddWithValue("joined", PostgreSqlTime.ToDb(user.DateJoined));
            object? id = await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return user with { Id = Convert.ToInt64(id, CultureInfo.InvariantCulture) };
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateUsernameException(user.Username, e);
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
    }

    private async ValueTask<DjangoUser?> FindOneAsync(string where, object key, CancellationToken cancellationToken)
    {
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var query = new NpgsqlCommand($"SELECT {Columns} FROM auth_user WHERE {where}", connection);
            query.Parameters.AddWithValue("key", key);
            await using NpgsqlDataReader reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
    }

    private static DjangoUser Read(NpgsqlDataReader r) => new(
        Id: r.GetInt32(0),
        Username: r.GetString(1),
        Password: r.GetString(2),
        IsActive: r.GetBoolean(3),
        IsStaff: r.GetBoolean(4),
        IsSuperuser: r.GetBoolean(5),
        Email: r.GetString(6),
        FirstName: r.GetString(7),
        LastName: r.GetString(8),
        DateJoined: PostgreSqlTime.FromDb(r.GetDateTime(9)),
        LastLogin: r.IsDBNull(10) ? null : PostgreSqlTime.FromDb(r.GetDateTime(10)));
}
