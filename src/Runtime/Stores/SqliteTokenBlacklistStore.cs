using System;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Users;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DjangoSettings.Stores;

/// <summary>
/// simplejwt's blacklist app over Django's own SQLite tables (<c>token_blacklist_outstandingtoken</c>,
/// <c>token_blacklist_blacklistedtoken</c>), safe to share with a running Django. A lock another
/// process holds past <see cref="SqliteDjangoDatabase.Timeout"/> is a
/// <see cref="TokenStoreUnavailableException"/>; waiting for it holds no thread.
/// </summary>
public sealed partial class SqliteTokenBlacklistStore : ITokenBlacklistStore
{
    private readonly string _insertOutstanding;
    private readonly DjangoUserTable _users;
    private readonly SqliteDjangoDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the store over <paramref name="database"/> (call <see cref="SqliteDjangoDatabase.EnsureCreated(DjangoSettings.Users.DjangoUserModel)"/> once first).</summary>
    /// <param name="database">The Django SQLite database.</param>
    /// <param name="timeProvider">The clock for <c>blacklisted_at</c>; the system clock when null.</param>
    /// <param name="logger">Logs blacklisting and flushing at Debug/Information.</param>
    /// <param name="model">The user model <c>user_id</c> points at; Django's <c>auth.User</c> when null.</param>
    public SqliteTokenBlacklistStore(SqliteDjangoDatabase database, TimeProvider? timeProvider = null, ILogger<SqliteTokenBlacklistStore>? logger = null, DjangoUserModel? model = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _users = new DjangoUserTable(model ?? DjangoUserModel.Default, DjangoSqlDialect.Sqlite);
        _insertOutstanding =
            "INSERT INTO token_blacklist_outstandingtoken (token, created_at, expires_at, user_id, jti) " +
            // A user id that is not in the user table becomes NULL, like simplejwt's lookup on the fly
            // (and unlike a plain insert, which the deferred foreign key would fail at commit).
            $"VALUES ($token, $created, $expires, (SELECT {_users.PrimaryKeyColumn} FROM {_users.Quoted} WHERE {_users.PrimaryKeyColumn} = $user), $jti) " +
            "ON CONFLICT (jti) DO NOTHING";
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask RecordOutstandingAsync(OutstandingToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await _database.WriteAsync(connection =>
        {
            using SqliteCommand insert = OutstandingInsert(connection, token);
            return insert.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<bool> IsBlacklistedAsync(string jti, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jti);
        return _database.ReadAsync(connection =>
        {
            using var query = SqliteStatement.Prepare(connection,
                "SELECT EXISTS (SELECT 1 FROM token_blacklist_blacklistedtoken b " +
                "JOIN token_blacklist_outstandingtoken o ON o.id = b.token_id WHERE o.jti = $jti)").Bind("$jti", jti);
            return query.Step() && query.GetInt64(0) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One <c>BEGIN IMMEDIATE</c> transaction: get-or-create the outstanding row, then insert the
    /// blacklist row. The unique <c>token_id</c> index decides the winner: the caller whose insert adds
    /// a row gets <see cref="BlacklistOutcome.Blacklisted"/>, every other one (in this or any other
    /// process, Django included) sees the conflict and gets <see cref="BlacklistOutcome.AlreadyBlacklisted"/>.
    /// A caller that gives up waiting for the lock has written nothing and blacklisted nothing.
    /// </remarks>
    public async ValueTask<BlacklistOutcome> TryBlacklistAsync(OutstandingToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        int inserted = await _database.WriteAsync(connection =>
        {
            using (SqliteCommand insert = OutstandingInsert(connection, token))
            {
                insert.ExecuteNonQuery();
            }
            using SqliteCommand blacklist = connection.CreateCommand();
            blacklist.CommandText =
                "INSERT INTO token_blacklist_blacklistedtoken (blacklisted_at, token_id) " +
                "SELECT $now, id FROM token_blacklist_outstandingtoken WHERE jti = $jti " +
                "ON CONFLICT (token_id) DO NOTHING";
            // Read under the lock: the time the row is written, not when the wait began.
            blacklist.Parameters.AddWithValue("$now", DjangoSqliteDateTime.Format(_time.GetUtcNow()));
            blacklist.Parameters.AddWithValue("$jti", token.Jti);
            return blacklist.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
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
    /// Like <c>manage.py flushexpiredtokens</c>: rows with <c>expires_at &lt;= now</c> go, and their
    /// blacklist rows first (Django emulates that cascade; the SQLite foreign key has no ON DELETE).
    /// Returns the number of outstanding rows deleted.
    /// </remarks>
    public async ValueTask<int> FlushExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        string cutoff = DjangoSqliteDateTime.Format(now);
        var (outstanding, blacklisted) = await _database.WriteAsync(connection =>
        {
            int blacklistRows, outstandingRows;
            using (SqliteCommand delete = connection.CreateCommand())
            {
                delete.CommandText =
                    "DELETE FROM token_blacklist_blacklistedtoken WHERE token_id IN " +
                    "(SELECT id FROM token_blacklist_outstandingtoken WHERE expires_at <= $now)";
                delete.Parameters.AddWithValue("$now", cutoff);
                blacklistRows = delete.ExecuteNonQuery();
            }
            using (SqliteCommand delete = connection.CreateCommand())
            {
                delete.CommandText = "DELETE FROM token_blacklist_outstandingtoken WHERE expires_at <= $now";
                delete.Parameters.AddWithValue("$now", cutoff);
                outstandingRows = delete.ExecuteNonQuery();
            }
            return (outstandingRows, blacklistRows);
        }, cancellationToken).ConfigureAwait(false);
        LogFlushed(_logger, outstanding, blacklisted, cutoff);
        return outstanding;
    }

    /// <summary>The outstanding row recorded for <paramref name="jti"/>, or null (the admin's view of it).</summary>
    public ValueTask<OutstandingToken?> FindOutstandingAsync(string jti, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jti);
        return _database.ReadAsync(connection =>
        {
            using var query = SqliteStatement.Prepare(connection,
                "SELECT jti, token, user_id, created_at, expires_at FROM token_blacklist_outstandingtoken WHERE jti = $jti").Bind("$jti", jti);
            if (!query.Step()) return null;
            return new OutstandingToken(
                query.GetString(0),
                query.GetString(1),
                query.IsNull(2) ? null : DjangoUserKey.From(_users.Model.KeyType, _users.FromDb(_users.Model.PrimaryKey, query.GetValue(2)!)),
                query.IsNull(3) ? null : DjangoSqliteDateTime.Parse(query.GetString(3)),
                DjangoSqliteDateTime.Parse(query.GetString(4)));
        }, cancellationToken);
    }

    /// <summary>When the token with <paramref name="jti"/> was blacklisted, or null if it is not.</summary>
    public ValueTask<DateTimeOffset?> FindBlacklistedAtAsync(string jti, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jti);
        return _database.ReadAsync<DateTimeOffset?>(connection =>
        {
            using var query = SqliteStatement.Prepare(connection,
                "SELECT b.blacklisted_at FROM token_blacklist_blacklistedtoken b " +
                "JOIN token_blacklist_outstandingtoken o ON o.id = b.token_id WHERE o.jti = $jti").Bind("$jti", jti);
            return query.Step() && !query.IsNull(0) ? DjangoSqliteDateTime.Parse(query.GetString(0)) : null;
        }, cancellationToken);
    }

    private SqliteCommand OutstandingInsert(SqliteConnection connection, OutstandingToken token)
    {
        SqliteCommand insert = connection.CreateCommand();
        insert.CommandText = _insertOutstanding;
        insert.Parameters.AddWithValue("$token", token.Token);
        insert.Parameters.AddWithValue("$created", token.CreatedAt is { } created ? DjangoSqliteDateTime.Format(created) : DBNull.Value);
        insert.Parameters.AddWithValue("$expires", DjangoSqliteDateTime.Format(token.ExpiresAt));
        insert.Parameters.AddWithValue("$user", UserIdToDb(token.UserId));
        insert.Parameters.AddWithValue("$jti", token.Jti);
        return insert;
    }

    // A key of another kind than the model's (a token minted for another model) names no user.
    private object UserIdToDb(DjangoUserKey? user) =>
        user is not null && DjangoUserKeys.SameKind(user.Type, _users.Model.KeyType) ? _users.KeyToDb(user) : DBNull.Value;

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Token {Jti} blacklisted")]
    private static partial void LogBlacklisted(ILogger logger, string jti);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "Token {Jti} was already blacklisted")]
    private static partial void LogAlreadyBlacklisted(ILogger logger, string jti);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Flushed {Outstanding} expired outstanding tokens ({Blacklisted} of them blacklisted) with expires_at <= {Cutoff}")]
    private static partial void LogFlushed(ILogger logger, int outstanding, int blacklisted, string cutoff);
}
