using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Npgsql;

namespace DjangoSettings.PostgreSql;

/// <summary>
/// A Django PostgreSQL database shared with Django and with other instances: the stores read and
/// write Django's own <c>auth_user</c> and <c>token_blacklist_*</c> tables in it, through one pooled
/// <see cref="NpgsqlDataSource"/>.
/// </summary>
public sealed class PostgreSqlDjangoDatabase : IDjangoSchemaInitializer, IDisposable, IAsyncDisposable
{
    // Any constant: serialises EnsureCreated across instances starting at once.
    private const long SchemaLockKey = 0x446A616E676F5354; // "DjangoST"

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Uses the database <paramref name="connectionString"/> names (an Npgsql connection string).</summary>
    public PostgreSqlDjangoDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"{builder.Database}@{builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>database@host:port, for messages (never the password).</summary>
    public string Description { get; }

    /// <summary><see cref="EnsureCreated(DjangoUserModel)"/> for Django's <c>auth.User</c>.</summary>
    /// <exception cref="InvalidOperationException">An existing table lacks a column the stores need.</exception>
    /// <exception cref="TokenStoreUnavailableException">The server cannot be reached.</exception>
    public void EnsureCreated() => EnsureCreated(DjangoUserModel.Default);

    /// <summary>
    /// Creates whichever of the user table of <paramref name="model"/>, <c>token_blacklist_outstandingtoken</c> and
    /// <c>token_blacklist_blacklistedtoken</c> are missing with Django 3.2's DDL, in one transaction
    /// under an advisory lock (instances starting together create them once), and checks that
    /// existing ones have the columns the stores use. A database Django migrated is used as it is
    /// (no <c>django_migrations</c> rows are added: run Django's <c>migrate</c> first if Django will
    /// share the database later).
    /// </summary>
    /// <exception cref="InvalidOperationException">An existing table lacks a column the stores need.</exception>
    /// <exception cref="TokenStoreUnavailableException">The server cannot be reached.</exception>
    public void EnsureCreated(DjangoUserModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        IReadOnlyList<DjangoPostgreSqlSchema.Table> tables = DjangoPostgreSqlSchema.Tables(model);
        try
        {
            using NpgsqlConnection connection = _dataSource.OpenConnection();
            using (NpgsqlTransaction transaction = connection.BeginTransaction())
            {
                using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
                {
                    lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
                    lockCommand.ExecuteNonQuery();
                }
                HashSet<string> present = ExistingTables(connection, transaction, tables);
                foreach (DjangoPostgreSqlSchema.Table table in tables.Where(t => !present.Contains(t.Name)))
                {
                    foreach (string statement in table.Statements)
                    {
                        using var create = new NpgsqlCommand(statement, connection, transaction);
                        create.ExecuteNonQuery();
                    }
                }
                transaction.Commit();
            }
            foreach (DjangoPostgreSqlSchema.Table table in tables)
            {
                CheckColumns(connection, table);
            }
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    /// <summary>Opens a pooled connection; a server that cannot be reached becomes <see cref="TokenStoreUnavailableException"/>.</summary>
    internal async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    /// <summary>Whether <paramref name="e"/> means the server is down, unreachable or too slow (rather than a bad statement).</summary>
    internal static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException pg => pg.IsTransient,
        NpgsqlException => true,
        TimeoutException or SocketException => true,
        _ => false,
    };

    /// <summary>The exception the endpoints turn into a 503.</summary>
    internal TokenStoreUnavailableException Unavailable(Exception e) =>
        new($"The PostgreSQL database {Description} is unavailable: {e.Message}", e);

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static HashSet<string> ExistingTables(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DjangoPostgreSqlSchema.Table> tables)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        // The first schema of the search_path, where unqualified CREATE TABLE puts them (as Django's do).
        using var query = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY(@names)",
            connection, transaction);
        query.Parameters.AddWithValue("names", tables.Select(t => t.Name).ToArray());
        using NpgsqlDataReader reader = query.ExecuteReader();
        while (reader.Read()) present.Add(reader.GetString(0));
        return present;
    }

    private void CheckColumns(NpgsqlConnection connection, DjangoPostgreSqlSchema.Table table)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var query = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table", connection))
        {
            query.Parameters.AddWithValue("table", table.Name);
            using NpgsqlDataReader reader = query.ExecuteReader();
            while (reader.Read()) present.Add(reader.GetString(0));
        }
        string[] absent = table.Columns.Where(c => !present.Contains(c)).ToArray();
        if (absent.Length > 0)
        {
            throw new InvalidOperationException(
                $"Table {table.Name} in {Description} lacks column(s) {string.Join(", ", absent)}: " +
                "it was not created by Django 3.2+ migrations for this user model (describe the model the table really has) " +
                "with rest_framework_simplejwt.token_blacklist migrated to 0012 or later.");
        }
    }
}
