using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DjangoSettings.Users;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DjangoSettings.Stores;

/// <summary>
/// A Django SQLite database file (<c>db.sqlite3</c>) shared with Django: the stores read and write
/// Django's own <c>auth_user</c> and <c>token_blacklist_*</c> tables in it.
/// </summary>
/// <remarks>
/// <para><b>Waiting for a lock holds no thread.</b> Microsoft.Data.Sqlite is synchronous, and
/// SQLite waits for a lock another connection holds by sleeping on the calling thread (its busy
/// handler, then Microsoft.Data.Sqlite's own retry loop). On ASP.NET Core's thread pool that
/// starved the whole server: with 50 logins waiting on a lock another process held for 25 s, a
/// request that touches no database took 25 s too. Here SQLite never waits (busy timeout 0); a
/// busy answer is retried after an asynchronous delay (1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50,
/// then 100 ms: SQLite's own busy-handler schedule), within one budget per operation,
/// <see cref="Timeout"/> (Django's <c>OPTIONS['timeout']</c>, 5 s by default). When the budget is
/// spent the operation throws <see cref="TokenStoreUnavailableException"/>: the endpoints answer
/// 503 <c>store_unavailable</c> with <c>Retry-After</c>, as for PostgreSQL and Redis.</para>
/// <para>Reads (<see cref="ReadAsync{T}"/>) run on SQLite's own API (<see cref="SqliteStatement"/>),
/// which reports a busy database at once. Writes (<see cref="WriteAsync{T}"/>) queue in this object
/// (one writer at a time, first come first served, the queue wait counted in the budget), take the
/// write lock with <c>BEGIN IMMEDIATE</c> (retried as above, so a transaction never has to upgrade
/// a read lock, which SQLite refuses outright), run their statements, which cannot meet a lock any
/// more, and <c>COMMIT</c> (retried while readers finish). Only other processes, and other
/// <see cref="SqliteDjangoDatabase"/> objects over the same file, ever make a writer retry.</para>
/// <para>Connections are pooled and opened per operation with <c>PRAGMA foreign_keys = ON</c> (as
/// Django's backend does). The journal mode is left alone: switching to WAL would persist in the
/// file and change it for Django too. Switch to WAL yourself (<c>PRAGMA journal_mode=WAL</c>) if
/// readers must never wait for a writer.</para>
/// </remarks>
public sealed partial class SqliteDjangoDatabase
{
    /// <summary>How long an operation waits for another connection's lock by default (Django's 5 s).</summary>
    public static readonly TimeSpan DefaultBusyTimeout = SqliteDatabaseOptions.DefaultTimeout;

    private readonly string _connectionString;
    private readonly int _startupBusyMilliseconds;

    /// <summary>Uses (or creates, in <see cref="EnsureCreated(DjangoSettings.Users.DjangoUserModel)"/>) the SQLite file at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">The database file; relative paths resolve against the current directory.</param>
    /// <param name="busyTimeout">How long an operation may wait for a lock held by another connection before the store reports it unavailable; default 5 s (<see cref="SqliteDatabaseOptions.Timeout"/>).</param>
    public SqliteDjangoDatabase(string databasePath, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        if (databasePath == ":memory:" || databasePath.StartsWith("file:", StringComparison.Ordinal))
        {
            // Every operation opens its own connection: a private in-memory database would vanish
            // between them.
            throw new ArgumentException($"SQLite database '{databasePath}' is not a file path; the stores need a database file.", nameof(databasePath));
        }
        TimeSpan wait = busyTimeout ?? DefaultBusyTimeout;
        if (wait < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(busyTimeout), "The lock wait cannot be negative.");
        DatabasePath = Path.GetFullPath(databasePath);
        Timeout = wait;
        _startupBusyMilliseconds = (int)Math.Clamp(wait.TotalMilliseconds, 0, int.MaxValue);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite sleeps and retries a busy statement up to this many seconds. The
            // stores' statements run with the lock already held, so it only bounds the unexpected.
            DefaultTimeout = 1,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>How long one operation may wait for another connection's lock (<see cref="SqliteDatabaseOptions.Timeout"/>).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// <see cref="EnsureCreated(DjangoUserModel)"/> for Django's <c>auth.User</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">An existing table lacks a column the stores need, or the file cannot be opened.</exception>
    public void EnsureCreated() => EnsureCreated(DjangoUserModel.Default);

    /// <summary>
    /// Creates whichever of the user table of <paramref name="model"/>,
    /// <c>token_blacklist_blacklistedtoken</c> and <c>token_blacklist_outstandingtoken</c> are missing,
    /// with exactly the DDL Django 3.2's migrations produce (the outstanding token's <c>user_id</c>
    /// typed as a key to the model's primary key), and checks that existing ones have the columns the
    /// stores use. A database Django created is used as it is: nothing is recreated and no other table
    /// is added (so no <c>django_migrations</c> rows either: run Django's <c>migrate</c> first if Django
    /// will share the file later). Call it once at startup.
    /// </summary>
    /// <exception cref="InvalidOperationException">An existing table lacks a column the stores need, or the file cannot be opened.</exception>
    public void EnsureCreated(DjangoUserModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        IReadOnlyList<DjangoSqliteSchema.Table> tables = DjangoSqliteSchema.Tables(model);
        using SqliteConnection connection = OpenConnection();
        // Startup, not a request: SQLite may block this thread for the whole wait.
        raw.sqlite3_busy_timeout(connection.Handle, _startupBusyMilliseconds);
        if (FindMissingTables(connection, null, tables).Count > 0)
        {
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            // Re-read under the write lock: another process may have created them meanwhile.
            HashSet<string> missing = FindMissingTables(connection, transaction, tables);
            foreach (DjangoSqliteSchema.Table table in tables.Where(t => missing.Contains(t.Name)))
            {
                foreach (string statement in table.Statements)
                {
                    using SqliteCommand create = connection.CreateCommand();
                    create.Transaction = transaction;
                    create.CommandText = statement;
                    create.ExecuteNonQuery();
                }
            }
            transaction.Commit();
        }
        foreach (DjangoSqliteSchema.Table table in tables)
        {
            CheckColumns(connection, table);
        }
    }

    /// <summary>Opens a pooled connection with foreign keys on and SQLite's busy wait off (see the remarks).</summary>
    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            raw.sqlite3_busy_timeout(connection.Handle, 0);
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidOperationException($"Cannot open the SQLite database '{DatabasePath}': {e.Message}", e);
        }
    }

    private static HashSet<string> FindMissingTables(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<DjangoSqliteSchema.Table> tables)
    {
        var missing = new HashSet<string>(tables.Select(t => t.Name), StringComparer.Ordinal);
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read()) missing.Remove(reader.GetString(0));
        return missing;
    }

    private void CheckColumns(SqliteConnection connection, DjangoSqliteSchema.Table table)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table.Name);
        using (SqliteDataReader reader = command.ExecuteReader())
        {
            while (reader.Read()) present.Add(reader.GetString(0));
        }
        string[] absent = table.Columns.Where(c => !present.Contains(c)).ToArray();
        if (absent.Length > 0)
        {
            throw new InvalidOperationException(
                $"Table {table.Name} in '{DatabasePath}' lacks column(s) {string.Join(", ", absent)}: " +
                "it was not created by Django 3.2+ migrations for this user model (describe the model the table really has) " +
                "with rest_framework_simplejwt.token_blacklist migrated to 0012 or later.");
        }
    }
}
