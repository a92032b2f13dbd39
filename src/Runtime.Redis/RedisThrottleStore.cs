using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Caching;
using DjangoSettings.Drf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DjangoSettings.Redis;

/// <summary>
/// DRF throttle histories in Redis, in the format Django's cache writes them (django-redis or Django's
/// RedisCache): key <c>KEY_PREFIX:VERSION:throttle_&lt;scope&gt;_&lt;ident&gt;</c>, value the pickled list of
/// float timestamps, expiring <c>duration</c> seconds after the last allowed request. A Django process
/// and this port on one Redis share one history. A request's throttles are checked by one script,
/// atomically (Django's get-then-set is not), in one round trip.
/// </summary>
internal sealed partial class RedisThrottleStore : IDrfThrottleStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly DjangoCacheSettings _settings;
    private readonly int _database;
    private readonly int _protocol;
    private readonly bool _ignoreExceptions;
    private readonly ILogger _logger;

    /// <summary>A store over <paramref name="redis"/> with the key format and pickle protocol of <paramref name="settings"/>.</summary>
    /// <param name="redis">The connection (not disposed by the store).</param>
    /// <param name="settings">CACHES['default'] (KEY_PREFIX, VERSION, OPTIONS).</param>
    /// <param name="database">The Redis database (from LOCATION or OPTIONS DB).</param>
    /// <param name="pickleProtocol">The protocol values are written with (django-redis: 4; Django's RedisCache: 5).</param>
    /// <param name="ignoreExceptions">django-redis IGNORE_EXCEPTIONS: an unreachable Redis lets requests through instead of a 503.</param>
    /// <param name="logger">Logs Redis failures.</param>
    public RedisThrottleStore(IConnectionMultiplexer redis, DjangoCacheSettings settings, int database, int pickleProtocol, bool ignoreExceptions = false, ILogger<RedisThrottleStore>? logger = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        if (pickleProtocol is < 2 or > 5) throw new ArgumentOutOfRangeException(nameof(pickleProtocol), pickleProtocol, "pickle protocols 2 to 5 are supported");
        _database = database;
        _protocol = pickleProtocol;
        _ignoreExceptions = ignoreExceptions;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The 503 a request gets when Redis cannot be reached (unless IGNORE_EXCEPTIONS).</summary>
    public const string UnavailableDetail = "Throttle store unavailable, try again later.";

    /// <inheritdoc />
    public async ValueTask<DrfThrottleDecision> HitAsync(string key, DrfThrottleRate rate, double now, CancellationToken cancellationToken = default)
    {
        var decisions = new DrfThrottleDecision[1];
        await HitManyAsync([new DrfThrottleHit(key, rate)], now, decisions, cancellationToken).ConfigureAwait(false);
        return decisions[0];
    }

    /// <inheritdoc />
    public async ValueTask HitManyAsync(DrfThrottleHit[] hits, double now, DrfThrottleDecision[] decisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(decisions);
        if (hits.Length == 0) return;
        var keys = new RedisKey[hits.Length];
        var args = new RedisValue[2 + 2 * hits.Length];
        byte[] packed = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(packed, now);
        args[0] = packed;
        args[1] = _protocol;
        for (int i = 0; i < hits.Length; i++)
        {
            keys[i] = _settings.MakeKey(hits[i].Key);
            args[2 + 2 * i] = hits[i].Rate.NumRequests;
            args[3 + 2 * i] = hits[i].Rate.DurationSeconds;
        }
        RedisResult result;
        try
        {
            result = await _redis.GetDatabase(_database).ScriptEvaluateAsync(RedisThrottleScript.Source, keys, args).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(_logger, ex);
            if (!_ignoreExceptions) throw Unavailable();
            // django-redis with IGNORE_EXCEPTIONS: the cache reads as empty and writes are lost.
            for (int i = 0; i < hits.Length; i++) decisions[i] = hits[i].Rate.NumRequests > 0 ? DrfThrottleDecision.Allow : DrfThrottleDecision.Refuse(DrfThrottleHistory.Wait(0, null, hits[i].Rate, now));
            return;
        }
        var replies = (RedisResult[])result!;
        for (int i = 0; i < hits.Length; i++)
        {
            var reply = replies[i];
            decisions[i] = reply.Resp2Type == ResultType.Integer
                ? ((long)reply == 1 ? DrfThrottleDecision.Allow : DrfThrottleDecision.Refuse(null))
                : DrfThrottleDecision.Refuse(BinaryPrimitives.ReadDoubleBigEndian((byte[])reply!));
        }
    }

    private static DrfException Unavailable() => new(503,
        new DjangoSettings.Jwt.TokenClaimsBuilder().Set("detail", UnavailableDetail).Set("code", "store_unavailable"),
        "store_unavailable") { Wait = 1 };

    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "DRF throttle store (Redis) unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    /// <summary>The protocol Django's backend writes with: django-redis OPTIONS PICKLE_VERSION (-1 is the highest, 5), else 4; Django's RedisCache 5.</summary>
    public static int PickleProtocolFor(DjangoCacheSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Backend == DjangoCacheSettings.DjangoBuiltinRedisBackend) return 5;
        if (settings.Options.TryGetValue("PICKLE_VERSION", out var text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
        {
            return v < 0 ? 5 : v;
        }
        return 4;
    }
}
