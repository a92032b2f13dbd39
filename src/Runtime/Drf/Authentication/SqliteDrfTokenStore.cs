using System;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using Microsoft.Data.Sqlite;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>authtoken_token</c> table in the Django SQLite database the stores use. At startup
/// (<c>EnsureDjangoDatabase()</c>) the table is created when absent with the DDL Django 3.2's
/// migration produces (tests compare it with a database Django migrated), and used as it is otherwise.
/// </summary>
public sealed class SqliteDrfTokenStore : IDrfTokenStore, IDjangoSchemaInitializer
{
    /// <summary>Django's DDL for the table.</summary>
    internal const string CreateTable =
        "CREATE TABLE \"authtoken_token\" (\"key\" varchar(40) NOT NULL PRIMARY KEY, \"created\" datetime NOT NULL, \"user_id\" integer NOT NULL UNIQUE REFERENCES \"auth_user\" (\"id\") DEFERRABLE INITIALLY DEFERRED)";

    private readonly SqliteDjangoDatabase _database;

    /// <summary>The table in <paramref name="database"/>.</summary>
    public SqliteDrfTokenStore(SqliteDjangoDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public async ValueTask<string?> FindUserIdAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = _database.OpenConnection();
        await using var command = connection.CreateCommand();
        // An exact key = ? match, as Token.objects.get(key=...) on SQLite (case-sensitive).
        command.CommandText = "SELECT \"user_id\" FROM \"authtoken_token\" WHERE \"key\" = $key";
        command.Parameters.AddWithValue("$key", key);
        object? result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is null or DBNull ? null : Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void EnsureCreated()
    {
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var exists = connection.CreateCommand())
        {
            exists.Transaction = transaction;
            exists.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'authtoken_token'";
            if (exists.ExecuteScalar() is not null)
            {
                transaction.Commit();
                return;
            }
        }
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateTable;
            create.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Creates a token row (DRF's <c>Token.objects.create(user=...)</c>: 40 lower-case hex characters).</summary>
    public async ValueTask<string> CreateTokenAsync(long userId, string? key = null, CancellationToken cancellationToken = default)
    {
        key ??= Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
        await using var connection = _database.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO \"authtoken_token\" (\"key\", \"created\", \"user_id\") VALUES ($key, $created, $user)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$created", DjangoSqliteDateTime.Format(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$user", userId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }
}
