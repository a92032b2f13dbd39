using System;
using DjangoSettings.Drf;

namespace DjangoSettings.Caching;

/// <summary>
/// Serves a cache backend the runtime itself does not (Redis, from the DjangoSettings.Runtime.Redis
/// package: <c>builder.Services.AddDjangoRedisCache()</c>). The runtime asks each registered provider
/// for the backend CACHES names; LocMemCache and DummyCache are built in.
/// </summary>
public interface IDjangoCacheProvider
{
    /// <summary>The throttle store for <paramref name="settings"/>, or null when the backend is not this provider's.</summary>
    IDrfThrottleStore? TryCreateThrottleStore(DjangoCacheSettings settings, IServiceProvider services);
}
