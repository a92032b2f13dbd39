using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DjangoSettings.Users;
using Microsoft.Data.Sqlite;

namespace DjangoSettings.Stores;

/// <summary>
/// A Django SQLite database file (<c>db.sqlite3</c>) shared with Django: the stores read and write
/// Django's own <c>auth_user</c> and <c>token_blacklist_*</c> tables in it.
/// </summary>
/// <remarks>
/// <para>Connections are pooled and opened per operation, each with <c>PRAGMA foreign_keys = ON</c>
/// (as Django's backend does) and a busy timeout, so concurrent writers (other threads, other
/// processes, Django itself) wait for the lock instead of failing with <c>SQLITE_BUSY</c>. Writes use
/// <c>BEGIN IMMEDIATE</c> so a transaction never has to upgrade a read lock (which SQLite answers
/// with an immediate <c>SQLITE_BUSY</c>, busy timeout or not).</para>
/// <para>The journal mode is left alone: switching to WAL would persist in the file and change it
/// for Django too, and the rollback journal with busy waits is enough for login and blacklist
/// traffic. Switch to WAL yourself (<c>PRAGMA journal_mode=WAL</c>) if readers must never wait.</para>
/// </remarks>
public sealed class SqliteDjangoDatabase
{
    /// <summary>How long a statement waits for another connection's lock by default.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;
    private readonly int _busyMilliseconds;

    /// <summary>Uses (or creates, in <see cref="EnsureCreated(DjangoSettings.Users.DjangoUserModel)"/>) the SQLite file at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">The database file; relative paths resolve against the current directory.</param>
    /// <param name="busyTimeout">How long to wait for a lock held by another connection; default 30 s.</param>
    public SqliteDjangoDatabase(string databasePath, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        if (databasePath == ":memory:" || databasePath.StartsWith("file:", StringComparison.Ordinal))
        {
            // Every operation opens its own connection: a private in-memory database would vanish
            // between them.
            throw new ArgumentException($"SQLite database '{databasePath}' is not a file path; the stores need a database file.", nameof(databasePath));
        }
        DatabasePath = Path.GetFullPath(databasePath);
        TimeSpan busy = busyTimeout ?? DefaultBusyTimeout;
        _busyMilliseconds = (int)Math.Clamp(busy.TotalMilliseconds, 0, int.MaxValue);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite also retries SQLITE_BUSY up to the command timeout.
            DefaultTimeout = (int)Math.Ceiling(busy.TotalSeconds),
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

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

    /// <summary>Opens a pooled connection with foreign keys on and the busy timeout set.</summary>
    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using SqliteCommand pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = " + _busyMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            pragma.ExecuteNonQuery();
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
