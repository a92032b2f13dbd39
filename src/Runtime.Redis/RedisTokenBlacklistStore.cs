using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DjangoSettings.Redis;

/// <summary>
/// simplejwt's outstanding and blacklisted records in Redis, for instances that share a Redis server
/// but keep users elsewhere. Per token (by <c>jti</c>): a hash <c>{prefix}outstanding:{jti}</c> (token,
/// user_id, created_at, expires_at) and a string <c>{prefix}blacklisted:{jti}</c> (blacklisted_at),
/// both expiring at the token's <c>exp</c> (Redis then forgets them, as <c>flushexpiredtokens</c> would).
/// Times are stored as Unix microseconds.
/// </summary>
public sealed partial class RedisTokenBlacklistStore : ITokenBlacklistStore
{
    // KEYS[1] outstanding hash, KEYS[2] blacklisted string; ARGV: token, user_id ('' = none),
    // created_at ('' = none), expires_at (µs), expire-at (ms), blacklisted_at (µs, TryBlacklist only).
    // A script runs atomically in Redis: the get-or-create and the SET NX cannot interleave with
    // another caller's, so exactly one caller per jti sees 1.
    private const string RecordScript = @"
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'token', ARGV[1], 'user_id', ARGV[2], 'created_at', ARGV[3], 'expires_at', ARGV[4])
  redis.call('PEXPIREAT', KEYS[1], ARGV[5])
end
return 1";

    private const string BlacklistScript = @"
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'token', ARGV[1], 'user_id', ARGV[2], 'created_at', ARGV[3], 'expires_at', ARGV[4])
  redis.call('PEXPIREAT', KEYS[1], ARGV[5])
end
if redis.call('SET', KEYS[2], ARGV[6], 'NX', 'PXAT', ARGV[5]) then
  return 1
end
return 0";

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisTokenStoreOptions _options;
    private readonly DjangoUserKeyType _keyType;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the store over a connected (or reconnecting) multiplexer.</summary>
    /// <param name="redis">The connection; the store does not dispose it.</param>
    /// <param name="options">Key prefix and retention; defaults when null.</param>
    /// <param name="timeProvider">The clock for <c>blacklisted_at</c> and retention; the system clock when null.</param>
    /// <param name="logger">Logs blacklisting and flushing.</param>
    /// <param name="model">The user model, for the kind of key <c>user_id</c> holds (stored as Python's <c>str(pk)</c>); Django's <c>auth.User</c> when null.</param>
    public RedisTokenBlacklistStore(IConnectionMultiplexer redis, RedisTokenStoreOptions? options = null, TimeProvider? timeProvider = null, ILogger<RedisTokenBlacklistStore>? logger = null, DjangoUserModel? model = null)
    {
        _keyType = (model ?? DjangoUserModel.Default).KeyType;
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _options = options ?? new RedisTokenStoreOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask RecordOutstandingAsync(OutstandingToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        cancellationToken.ThrowIfCancellationRequested();
        await RunAsync(() => Database.ScriptEvaluateAsync(RecordScript, Keys(token.Jti), Arguments(token, includeBlacklistedAt: false))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> IsBlacklistedAsync(string jti, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jti);
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync(() => Database.KeyExistsAsync(BlacklistedKey(jti))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>One Lua script: get-or-create the outstanding hash, then <c>SET … NX</c> the blacklist key; the caller whose SET took wins.</remarks>
    public async ValueTask<BlacklistOutcome> TryBlacklistAsync(OutstandingToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        cancellationToken.ThrowIfCancellationRequested();
        RedisResult result = await RunAsync(() => Database.ScriptEvaluateAsync(BlacklistScript, Keys(token.Jti), Arguments(token, includeBlacklistedAt: true))).ConfigureAwait(false);
        if ((long)result == 1)
        {
            LogBlacklisted(_logger, token.Jti);
            return BlacklistOutcome.Blacklisted;
        }
        LogAlreadyBlacklisted(_logger, token.Jti);
        return BlacklistOutcome.AlreadyBlacklisted;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Redis expires the keys by itself at <c>exp</c>; this removes, now, the records whose
    /// <c>expires_at &lt;= <paramref name="now"/></c> that are still there (e.g. kept by the minimum
    /// retention, or a <paramref name="now"/> ahead of Redis's clock), scanning the prefix on every
    /// primary. Returns the number of outstanding records deleted.
    /// </remarks>
    public async ValueTask<int> FlushExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        long cutoff = ToMicroseconds(now);
        int flushed = 0;
        try
        {
            foreach (IServer server in _redis.GetServers())
            {
                if (server.IsReplica || !server.IsConnected) continue;
                await foreach (RedisKey key in server.KeysAsync(Database.Database, _options.KeyPrefix + "outstanding:*").ConfigureAwait(false))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    RedisValue expires = await Database.HashGetAsync(key, "expires_at").ConfigureAwait(false);
                    if (!expires.HasValue || !long.TryParse(expires.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long at) || at > cutoff) continue;
                    string jti = ((string)key!).Substring(_options.KeyPrefix.Length + "outstanding:".Length);
                    if (await Database.KeyDeleteAsync(key).ConfigureAwait(false)) flushed++;
                    await Database.KeyDeleteAsync(BlacklistedKey(jti)).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
        LogFlushed(_logger, flushed, now);
        return flushed;
    }

    /// <summary>The outstanding record for <paramref name="jti"/>, or null.</summary>
    public async ValueTask<OutstandingToken?> FindOutstandingAsync(string jti, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jti);
        cancellationToken.ThrowIfCancellationRequested();
        HashEntry[] entries = await RunAsync(() => Database.HashGetAllAsync(OutstandingKey(jti))).ConfigureAwait(false);
        if (entries.Length == 0) return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (HashEntry entry in entries) fields[entry.Name!] = entry.Value.ToString();
        return new OutstandingToken(
            jti,
            fields.GetValueOrDefault("token", ""),
            UserKey(fields.GetValueOrDefault("user_id")),
            OptionalLong(fields.GetValueOrDefault("created_at")) is { } created ? FromMicroseconds(created) : null,
            FromMicroseconds(OptionalLong(fields.GetValueOrDefault("expires_at")) ?? 0));
    }

    /// <summary>When the token with <paramref name="jti"/> was blacklisted, or null if it is not.</summary>
    public async ValueTask<DateTimeOffset?> FindBlacklistedAtAsync(string jti, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jti);
        cancellationToken.ThrowIfCancellationRequested();
        RedisValue value = await RunAsync(() => Database.StringGetAsync(BlacklistedKey(jti))).ConfigureAwait(false);
        return OptionalLong(value.HasValue ? value.ToString() : null) is { } at ? FromMicroseconds(at) : null;
    }

    /// <summary>When Redis will forget the records of a token expiring at <paramref name="expiresAt"/> written now.</summary>
    internal DateTimeOffset ExpireAt(DateTimeOffset expiresAt)
    {
        DateTimeOffset earliest = _time.GetUtcNow() + _options.MinimumRetention;
        return expiresAt > earliest ? expiresAt : earliest;
    }

    private IDatabase Database => _redis.GetDatabase();

    private string OutstandingKey(string jti) => _options.KeyPrefix + "outstanding:" + jti;

    private string BlacklistedKey(string jti) => _options.KeyPrefix + "blacklisted:" + jti;

    private RedisKey[] Keys(string jti) => new RedisKey[] { OutstandingKey(jti), BlacklistedKey(jti) };

    private RedisValue[] Arguments(OutstandingToken token, bool includeBlacklistedAt)
    {
        var values = new List<RedisValue>
        {
            token.Token,
            token.UserId is { } user ? user.ToString() : "",
            token.CreatedAt is { } created ? ToMicroseconds(created).ToString(CultureInfo.InvariantCulture) : "",
            ToMicroseconds(token.ExpiresAt).ToString(CultureInfo.InvariantCulture),
            ExpireAt(token.ExpiresAt).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (includeBlacklistedAt) values.Add(ToMicroseconds(_time.GetUtcNow()).ToString(CultureInfo.InvariantCulture));
        return values.ToArray();
    }

    private async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    private static bool IsUnavailable(Exception e) => e is RedisConnectionException or RedisTimeoutException or TimeoutException or ObjectDisposedException;

    private TokenStoreUnavailableException Unavailable(Exception e) =>
        new($"The Redis token store ({_redis.Configuration}) is unavailable: {e.Message}", e);

    // str(pk) back to a key of the model's kind; "" (no user) or a value of another kind is null.
    private DjangoUserKey? UserKey(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        return _keyType switch
        {
            DjangoUserKeyType.Uuid => Guid.TryParse(text, out Guid uuid) ? DjangoUserKey.FromGuid(uuid) : null,
            DjangoUserKeyType.String => DjangoUserKey.FromString(text),
            _ => OptionalLong(text) is { } number ? DjangoUserKey.FromInt64(number, _keyType) : null,
        };
    }

    private static long? OptionalLong(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : null;

    private static long ToMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static DateTimeOffset FromMicroseconds(long value) => DateTimeOffset.UnixEpoch.AddTicks(value * 10);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Debug, Message = "Token {Jti} blacklisted (Redis)")]
    private static partial void LogBlacklisted(ILogger logger, string jti);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Debug, Message = "Token {Jti} was already blacklisted (Redis)")]
    private static partial void LogAlreadyBlacklisted(ILogger logger, string jti);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "Flushed {Outstanding} expired outstanding tokens with expires_at <= {Cutoff} (Redis)")]
    private static partial void LogFlushed(ILogger logger, int outstanding, DateTimeOffset cutoff);
}
