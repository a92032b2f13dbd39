using System.Collections.Immutable;

namespace DjangoSettings.Generator.Binding;

/// <summary>
/// The cache backends Django ships (3.2, and 4.x's Redis backend) and django-redis's, by dotted path,
/// with what the port does with each: the runtime's <c>DjangoCacheSettings</c> names the same paths.
/// </summary>
internal static class CacheBackends
{
    /// <summary>Django's default: one cache per process (the port keeps histories in process too).</summary>
    public const string LocMem = "django.core.cache.backends.locmem.LocMemCache";

    /// <summary>Django's no-op cache: nothing is kept, so DRF never throttles.</summary>
    public const string Dummy = "django.core.cache.backends.dummy.DummyCache";

    /// <summary>django-redis.</summary>
    public const string DjangoRedis = "django_redis.cache.RedisCache";

    /// <summary>Django 4.0+'s own Redis backend.</summary>
    public const string DjangoBuiltinRedis = "django.core.cache.backends.redis.RedisCache";

    /// <summary>The module every Django backend lives under.</summary>
    public const string DjangoModule = "django.core.cache.backends.";

    /// <summary>Backends on Redis: the port shares their throttle histories (AddDjangoRedisCache).</summary>
    public static bool IsRedis(string backend) => backend is DjangoRedis or DjangoBuiltinRedis;

    /// <summary>
    /// Backends Django ships that the port does not connect to (database, file, memcached): histories are
    /// kept in process instead, unless the application registers an <c>IDjangoCacheProvider</c> for them.
    /// </summary>
    public static readonly ImmutableArray<string> InProcessInstead = ImmutableArray.Create(
        "django.core.cache.backends.db.DatabaseCache",
        "django.core.cache.backends.filebased.FileBasedCache",
        "django.core.cache.backends.memcached.MemcachedCache",
        "django.core.cache.backends.memcached.PyLibMCCache",
        "django.core.cache.backends.memcached.PyMemcacheCache");

    /// <summary>Every backend path Django 3.2-5.x and django-redis ship.</summary>
    public static readonly ImmutableArray<string> Known = ImmutableArray.Create(LocMem, Dummy, DjangoRedis, DjangoBuiltinRedis).AddRange(InProcessInstead);

    /// <summary>The keys Django's BaseCache and CacheHandler read from a CACHES entry.</summary>
    public static readonly ImmutableArray<string> Keys = ImmutableArray.Create("BACKEND", "LOCATION", "KEY_PREFIX", "VERSION", "TIMEOUT", "KEY_FUNCTION", "OPTIONS");
}
