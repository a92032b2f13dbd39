using System;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using Microsoft.Data.Sqlite;

namespace DjangoSettings.Users;

/// <summary>
/// Users in Django's <c>auth_user</c> table of a SQLite database, with Django password hashes, so a
/// .NET service and Django can share users during a migration.
/// </summary>
public sealed class SqliteUserStore : IUserStore
{
    private const string Columns =
        "id, username, password, is_active, is_staff, is_superuser, email, first_name, last_name, date_joined, last_login";

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    private readonly SqliteDjangoDatabase _database;
    private readonly IPasswordHasher _hasher;
    private readonly TimeProvider _time;

    /// <summary>Creates the store (call <see cref="SqliteDjangoDatabase.EnsureCreated"/> once first).</summary>
    /// <param name="database">The Django SQLite database.</param>
    /// <param name="hasher">Hashes passwords of created users.</param>
    /// <param name="timeProvider">The clock for <c>date_joined</c>; the system clock when null.</param>
    public SqliteUserStore(SqliteDjangoDatabase database, IPasswordHasher hasher, TimeProvider? timeProvider = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<DjangoUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        // SQLite's default BINARY collation makes '=' case-sensitive, as Django's exact lookup is there.
        return _database.ReadAsync(connection =>
        {
            using var query = SqliteStatement.Prepare(connection, $"SELECT {Columns} FROM auth_user WHERE username = $key").Bind("$key", username);
            return query.Step() ? Read(query) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The text is read the way the ORM coerces it for an integer primary key, Python's <c>int()</c>
    /// (<see cref="PythonInt"/>: surrounding white space, a sign, <c>_</c> separators and Unicode
    /// digits allowed; a trailing NUL is not); anything Python refuses (Django: 500) finds no user.
    /// </remarks>
    public ValueTask<DjangoUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (!PythonInt.TryParseInt64(userId, out long id))
        {
            return ValueTask.FromResult<DjangoUser?>(null);
        }
        return _database.ReadAsync(connection =>
        {
            using var query = SqliteStatement.Prepare(connection, $"SELECT {Columns} FROM auth_user WHERE id = $key").Bind("$key", id);
            return query.Step() ? Read(query) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask UpdateLastLoginAsync(long id, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        await _database.WriteAsync(connection =>
        {
            using SqliteCommand update = connection.CreateCommand();
            // Only this column, like Django's update_last_login (save(update_fields=['last_login'])).
            update.CommandText = "UPDATE auth_user SET last_login = $when WHERE id = $id";
            update.Parameters.AddWithValue("$when", DjangoSqliteDateTime.Format(when));
            update.Parameters.AddWithValue("$id", id);
            return update.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
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
        cancellationToken.ThrowIfCancellationRequested();
        var user = new DjangoUser(
            Id: 0,
            Username: DjangoUserNormalization.Username(username),
            // Hashed before the write lock is taken: PBKDF2 takes a while.
            Password: _hasher.Hash(password),
            IsActive: true,
            IsStaff: isSuperuser,
            IsSuperuser: isSuperuser,
            Email: DjangoUserNormalization.Email(email),
            FirstName: "",
            LastName: "",
            DateJoined: TruncateToMicroseconds(_time.GetUtcNow()),
            LastLogin: null);

        long id = await _database.WriteAsync(connection =>
        {
            using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText =
                "INSERT INTO auth_user (password, last_login, is_superuser, username, last_name, email, is_staff, is_active, date_joined, first_name) " +
                "VALUES ($password, NULL, $superuser, $username, $last, $email, $staff, $active, $joined, $first)";
            insert.Parameters.AddWithValue("$password", user.Password);
            insert.Parameters.AddWithValue("$superuser", user.IsSuperuser ? 1 : 0);
            insert.Parameters.AddWithValue("$username", user.Username);
            insert.Parameters.AddWithValue("$last", user.LastName);
            insert.Parameters.AddWithValue("$email", user.Email);
            insert.Parameters.AddWithValue("$staff", user.IsStaff ? 1 : 0);
            insert.Parameters.AddWithValue("$active", user.IsActive ? 1 : 0);
            insert.Parameters.AddWithValue("$joined", DjangoSqliteDateTime.Format(user.DateJoined));
            insert.Parameters.AddWithValue("$first", user.FirstName);
            try
            {
                insert.ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint && e.SqliteExtendedErrorCode == SqliteConstraintUnique)
            {
                throw new DuplicateUsernameException(user.Username, e);
            }
            using SqliteCommand rowId = connection.CreateCommand();
            rowId.CommandText = "SELECT last_insert_rowid()";
            return (long)rowId.ExecuteScalar()!;
        }, cancellationToken).ConfigureAwait(false);
        return user with { Id = id };
    }

    private static DjangoUser Read(SqliteStatement r) => new(
        Id: r.GetInt64(0),
        Username: r.GetString(1),
        Password: r.GetString(2),
        IsActive: r.GetInt64(3) != 0,
        IsStaff: r.GetInt64(4) != 0,
        IsSuperuser: r.GetInt64(5) != 0,
        Email: r.GetString(6),
        FirstName: r.GetString(7),
        LastName: r.GetString(8),
        DateJoined: DjangoSqliteDateTime.Parse(r.GetString(9)),
        LastLogin: r.IsNull(10) ? null : DjangoSqliteDateTime.Parse(r.GetString(10)));

    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
