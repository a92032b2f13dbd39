using System;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace DjangoSettings.PostgreSql;

/// <summary>
/// simplejwt's blacklist app over Django's own PostgreSQL tables (<c>token_blacklist_outstandingtoken</c>,
/// <c>token_blacklist_blacklistedtoken</c>), shared by any number of instances and by Django.
/// </summary>
public sealed partial class PostgreSqlTokenBlacklistStore : ITokenBlacklistStore
{

    private const string InsertBlacklisted =
        "INSERT INTO token_blacklist_blacklistedtoken (blacklisted_at, token_id) " +
        "SELECT @now, id FROM token_blacklist_outstandingtoken WHERE jti = @jti " +
        "ON CONFLICT (token_id) DO NOTHING";

    private readonly string _insertOutstanding;
    private readonly DjangoUserTable _users;
    private readonly PostgreSqlDjangoDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the store over <paramref name="database"/> (call <see cref="PostgreSqlDjangoDatabase.EnsureCreated(DjangoUserModel)"/> once first).</summary>
    /// <param name="database">The Django PostgreSQL database.</param>
    /// <param name="timeProvider">The clock for <c>blacklisted_at</c>; the system clock when null.</param>
    /// <param name="logger">Logs blacklisting and flushing at Debug/Information.</param>
    /// <param name="model">The user model <c>user_id</c> points at; Django's <c>auth.User</c> when null.</param>
    public PostgreSqlTokenBlacklistStore(PostgreSqlDjangoDatabase database, TimeProvider? timeProvider = null, ILogger<PostgreSqlTokenBlacklistStore>? logger = null, DjangoUserModel? model = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _users = new DjangoUserTable(model ?? DjangoUserModel.Default, DjangoSqlDialect.PostgreSql);
        // The parameter is cast to the key's type (Npgsql cannot infer it from NULL); text keys to text,
        // as a cast to varchar(n) would silently cut a longer value.
        var pk = _users.Model.PrimaryKey;
        string keyType = pk.IsText ? "text" : DjangoColumnTypes.ReferenceTo(pk, DjangoSqlDialect.PostgreSql);
        _insertOutstanding =
            "INSERT INTO token_blacklist_outstandingtoken (token, created_at, expires_at, user_id, jti) " +
            // A user id that is not in the user table becomes NULL, like simplejwt's lookup on the fly
            // (a plain insert would fail the deferred foreign key at commit).
            $"VALUES (@token, @created, @expires, (SELECT {_users.PrimaryKeyColumn} FROM {_users.Quoted} WHERE {_users.PrimaryKeyColumn} = CAST(@user AS {keyType})), @jti) " +
            "ON CONFLICT (jti) DO NOTHING";
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask RecordOutstandingAsync(OutstandingToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlCommand insert = OutstandingInsert(new NpgsqlCommand(_insertOutstanding, connection), token);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> IsBlacklistedAsync(string jti, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jti);
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var query = new NpgsqlCommand(
                "SELECT EXISTS (SELECT 1 FROM token_blacklist_blacklistedtoken b " +
                "JOIN token_blacklist_outstandingtoken o ON o.id = b.token_id WHERE o.jti = @jti)", connection);
            query.Parameters.AddWithValue("jti", jti);
            return (bool)(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One round trip, one implicit transaction: the get-or-create of the outstanding row
    /// (<c>ON CONFLICT (jti) DO NOTHING</c>), then the blacklist row (<c>ON CONFLICT (token_id) DO
    /// NOTHING</c>). A concurrent inserter of the same row waits on the unique index until the first
    /// commits; under READ COMMITTED each statement then sees the committed rows, so the caller whose
    /// insert added the blacklist row is the only one that gets <see cref="BlacklistOutcome.Blacklisted"/>,
    /// across instances and against Django's own <c>get_or_create</c>.
    /// </remarks>
    public async ValueTask<BlacklistOutcome> TryBlacklistAsync(OutstandingToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        int inserted;
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection, transaction);
            var outstanding = new NpgsqlBatchCommand(_insertOutstanding);
            AddOutstandingParameters(outstanding.Parameters, token);
            var blacklisted = new NpgsqlBatchCommand(InsertBlacklisted);
            blacklisted.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, PostgreSqlTime.ToDb(_time.GetUtcNow()));
            blacklisted.Parameters.AddWithValue("jti", token.Jti);
            batch.BatchCommands.Add(outstanding);
            batch.BatchCommands.Add(blacklisted);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            inserted = blacklisted.RecordsAffected;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            // A failure before the commit answered leaves nothing half-done: the transaction rolls back.
            throw _database.Unavailable(e);
        }
        if (inserted == 1)
        {
            LogBlacklisted(_logger, token.Jti);
            return BlacklistOutcome.Blacklisted;
        }
        LogAlreadyBlacklisted(_logger, token.Jti);
        return BlacklistOutcome.AlreadyBlacklisted;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Like <c>manage.py flushexpiredtokens</c>: rows with <c>expires_at &lt;= now</c> go, their blacklist
    /// rows first (Django emulates that cascade; the foreign key has no ON DELETE). Returns the number
    /// of outstanding rows deleted.
    /// </remarks>
    public async ValueTask<int> FlushExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        DateTime cutoff = PostgreSqlTime.ToDb(now);
        int blacklisted, outstanding;
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection, transaction);
            var first = new NpgsqlBatchCommand(
                "DELETE FROM token_blacklist_blacklistedtoken WHERE token_id IN " +
                "(SELECT id FROM token_blacklist_outstandingtoken WHERE expires_at <= @now)");
            first.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, cutoff);
            var second = new NpgsqlBatchCommand("DELETE FROM token_blacklist_outstandingtoken WHERE expires_at <= @now");
            second.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, cutoff);
            batch.BatchCommands.Add(first);
            batch.BatchCommands.Add(second);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            blacklisted = first.RecordsAffected;
            outstanding = second.RecordsAffected;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
        LogFlushed(_logger, outstanding, blacklisted, now);
        return outstanding;
    }

    /// <summary>The outstanding row recorded for <paramref name="jti"/>, or null (the admin's view of it).</summary>
    public async ValueTask<OutstandingToken?> FindOutstandingAsync(string jti, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jti);
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var query = new NpgsqlCommand(
                "SELECT jti, token, user_id, created_at, expires_at FROM token_blacklist_outstandingtoken WHERE jti = @jti", connection);
            query.Parameters.AddWithValue("jti", jti);
            await using NpgsqlDataReader reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            return new OutstandingToken(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : DjangoUserKey.From(_users.Model.KeyType, _users.FromDb(_users.Model.PrimaryKey, reader.GetValue(2))),
                reader.IsDBNull(3) ? null : PostgreSqlTime.FromDb(reader.GetDateTime(3)),
                PostgreSqlTime.FromDb(reader.GetDateTime(4)));
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
    }

    /// <summary>When the token with <paramref name="jti"/> was blacklisted, or null if it is not.</summary>
    public async ValueTask<DateTimeOffset?> FindBlacklistedAtAsync(string jti, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jti);
        try
        {
            await using NpgsqlConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var query = new NpgsqlCommand(
                "SELECT b.blacklisted_at FROM token_blacklist_blacklistedtoken b " +
                "JOIN token_blacklist_outstandingtoken o ON o.id = b.token_id WHERE o.jti = @jti", connection);
            query.Parameters.AddWithValue("jti", jti);
            object? value = await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DateTime at ? PostgreSqlTime.FromDb(at) : null;
        }
        catch (Exception e) when (PostgreSqlDjangoDatabase.IsUnavailable(e))
        {
            throw _database.Unavailable(e);
        }
    }

    private NpgsqlCommand OutstandingInsert(NpgsqlCommand command, OutstandingToken token)
    {
        AddOutstandingParameters(command.Parameters, token);
        return command;
    }

    private void AddOutstandingParameters(NpgsqlParameterCollection parameters, OutstandingToken token)
    {
        parameters.AddWithValue("token", token.Token);
        parameters.AddWithValue("created", NpgsqlDbType.TimestampTz, token.CreatedAt is { } created ? PostgreSqlTime.ToDb(created) : DBNull.Value);
        parameters.AddWithValue("expires", NpgsqlDbType.TimestampTz, PostgreSqlTime.ToDb(token.ExpiresAt));
        parameters.AddWithValue("user", UserIdToDb(token.UserId));
        parameters.AddWithValue("jti", token.Jti);
    }

    // A key of another kind than the model's, or beyond the column's range, names no user (NULL), as a failed lookup does.
    private object UserIdToDb(DjangoUserKey? user)
    {
        if (user is null || !DjangoUserKeys.SameKind(user.Type, _users.Model.KeyType)) return DBNull.Value;
        var lookup = DjangoLookup.Convert(_users.Model.PrimaryKey, user.Value);
        return lookup.Outcome == DjangoLookupOutcome.Value ? _users.ToDb(_users.Model.PrimaryKey, lookup.Value!) : DBNull.Value;
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug, Message = "Token {Jti} blacklisted (PostgreSQL)")]
    private static partial void LogBlacklisted(ILogger logger, string jti);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Token {Jti} was already blacklisted (PostgreSQL)")]
    private static partial void LogAlreadyBlacklisted(ILogger logger, string jti);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Flushed {Outstanding} expired outstanding tokens ({Blacklisted} of them blacklisted) with expires_at <= {Cutoff} (PostgreSQL)")]
    private static partial void LogFlushed(ILogger logger, int outstanding, int blacklisted, DateTimeOffset cutoff);
}
