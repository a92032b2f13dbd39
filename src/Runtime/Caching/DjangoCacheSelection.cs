using System;
using System.Collections.Generic;
using DjangoSettings.Drf;

namespace DjangoSettings.Caching;

/// <summary>Chooses the throttle store for <c>CACHES['default']</c>.</summary>
internal static class DjangoCacheSelection
{
    private const string InProcessPrefix = "django.core.cache.backends.";

    /// <summary>
    /// LocMemCache and DummyCache are built in; Django's other backends but Redis (database, file,
    /// memcached) are counted in process; any other backend must be served by a registered
    /// <see cref="IDjangoCacheProvider"/> (Redis: <c>AddDjangoRedisCache()</c> from
    /// DjangoSettings.Runtime.Redis).
    /// </summary>
    /// <exception cref="InvalidOperationException">No provider serves the backend.</exception>
    public static IDrfThrottleStore CreateThrottleStore(DjangoCacheSettings settings, IEnumerable<IDjangoCacheProvider> providers, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(providers);
        switch (settings.Backend)
        {
            case DjangoCacheSettings.LocMemBackend:
                return new LocMemThrottleStore(settings);
            case DjangoCacheSettings.DummyBackend:
                return DummyThrottleStore.Instance;
        }
        foreach (var provider in providers)
        {
            if (provider.TryCreateThrottleStore(settings, services) is { } store) return store;
        }
        // Django's database, file and memcached caches: the port connects to none of them, so it
        // counts in process, as the build's DJS0615 says (a registered provider above wins).
        if (settings.Backend.StartsWith(InProcessPrefix, StringComparison.Ordinal)
            && settings.Backend is not DjangoCacheSettings.DjangoBuiltinRedisBackend)
        {
            return new LocMemThrottleStore(settings);
        }
        string hint = settings.Backend is DjangoCacheSettings.DjangoRedisBackend or DjangoCacheSettings.DjangoBuiltinRedisBackend
            ? "add the DjangoSettings.Runtime.Redis package and call builder.Services.AddDjangoRedisCache() before the settings are wired"
            : "register an IDjangoCacheProvider for it, or use LocMemCache or Redis";
        throw new InvalidOperationException($"CACHES['default'] BACKEND '{settings.Backend}' has no provider here: {hint}.");
    }
}
