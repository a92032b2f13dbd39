using System;
using System.Globalization;
using DjangoSettings.Caching;
using DjangoSettings.Drf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DjangoSettings.Redis;

/// <summary>
/// Serves <c>CACHES['default']</c> when it names django-redis (<c>django_redis.cache.RedisCache</c>)
/// or Django's RedisCache: DRF's throttle histories go to that Redis, in Django's format.
/// </summary>
internal sealed class DjangoRedisCacheProvider : IDjangoCacheProvider
{
    public IDrfThrottleStore? TryCreateThrottleStore(DjangoCacheSettings settings, IServiceProvider services)
    {
        if (settings.Backend is not (DjangoCacheSettings.DjangoRedisBackend or DjangoCacheSettings.DjangoBuiltinRedisBackend)) return null;
        if (settings.Locations.Count == 0) throw new InvalidOperationException("CACHES['default'] names Redis but has no LOCATION.");
        settings.Options.TryGetValue("PASSWORD", out var password);
        int? db = settings.Options.TryGetValue("DB", out var dbText) && int.TryParse(dbText, NumberStyles.None, CultureInfo.InvariantCulture, out int d) ? d : null;
        // The first location is the one both backends write to; a str LOCATION is split at commas, as they do.
        string first = settings.Locations[0].Split(',')[0].Trim();
        var (options, database) = DjangoRedisLocation.Parse(first, password, db);
        var redis = ConnectionMultiplexer.Connect(options);
        bool ignore = settings.Options.TryGetValue("IGNORE_EXCEPTIONS", out var ignoreText) && ignoreText is "True" or "true" or "1";
        return new RedisThrottleStore(redis, settings, database, RedisThrottleStore.PickleProtocolFor(settings), ignore,
            services.GetService<ILogger<RedisThrottleStore>>());
    }
}
