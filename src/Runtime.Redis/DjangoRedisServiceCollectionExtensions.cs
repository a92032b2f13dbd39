using System;
using DjangoSettings.Redis;
using DjangoSettings.Stores;
using StackExchange.Redis;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis token store.</summary>
public static class DjangoRedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RedisTokenBlacklistStore"/> as the <see cref="ITokenBlacklistStore"/>
    /// (replacing one registered before; users stay in the database the settings name), over a
    /// multiplexer for <paramref name="configuration"/> (StackExchange.Redis syntax, e.g.
    /// <c>redis1:6379,password=…</c>). The connection is made on first use and does not abort when
    /// Redis is down (<c>abortConnect=false</c>): requests then get the store's 503 until it is back.
    /// Call it before or after the settings are wired; it wins either way.
    /// </summary>
    public static IServiceCollection AddDjangoRedisTokenStore(this IServiceCollection services, string configuration, RedisTokenStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        ConfigurationOptions parsed = ConfigurationOptions.Parse(configuration);
        parsed.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(parsed));
        services.AddSingleton(options ?? new RedisTokenStoreOptions());
        // AddSingleton after any TryAdd: the last registration of a service type is the one resolved.
        services.AddSingleton<ITokenBlacklistStore>(sp => new RedisTokenBlacklistStore(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<RedisTokenStoreOptions>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<RedisTokenBlacklistStore>>(),
            Microsoft.Extensions.DependencyInjection.DjangoUserModelServiceCollectionExtensions.GetDjangoUserModel(sp)));
        return services;
    }

    /// <summary>
    /// Serves <c>CACHES['default']</c> backends on Redis (django-redis, Django's RedisCache): DRF's
    /// throttle histories are read and written in that Redis in Django's own format, so Django and
    /// this service share them. Call it before the settings are wired.
    /// </summary>
    public static IServiceCollection AddDjangoRedisCache(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<DjangoSettings.Caching.IDjangoCacheProvider, DjangoRedisCacheProvider>();
        return services;
    }
}
