using System.Collections.Generic;

namespace DjangoSettings.Caching;

/// <summary>
/// <c>CACHES['default']</c> as Django reads it (Django's defaults for what the project leaves out):
/// the backend, where it is, and how keys are made (<c>KEY_PREFIX:VERSION:key</c>).
/// </summary>
public sealed record DjangoCacheSettings
{
    /// <summary>Django's default backend: one cache per process.</summary>
    public const string LocMemBackend = "django.core.cache.backends.locmem.LocMemCache";

    /// <summary>Django's no-op backend.</summary>
    public const string DummyBackend = "django.core.cache.backends.dummy.DummyCache";

    /// <summary>django-redis.</summary>
    public const string DjangoRedisBackend = "django_redis.cache.RedisCache";

    /// <summary>Django 4.0+'s own Redis backend.</summary>
    public const string DjangoBuiltinRedisBackend = "django.core.cache.backends.redis.RedisCache";

    /// <summary>BACKEND.</summary>
    public string Backend { get; init; } = LocMemBackend;

    /// <summary>LOCATION (a name for LocMem, one or more <c>redis://</c> URLs for Redis; the first is the one written to).</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];

    /// <summary>KEY_PREFIX.</summary>
    public string KeyPrefix { get; init; } = "";

    /// <summary>VERSION.</summary>
    public int Version { get; init; } = 1;

    /// <summary>OPTIONS (MAX_ENTRIES, CULL_FREQUENCY, PASSWORD, DB, PICKLE_VERSION, ...), values as strings.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>OPTIONS as the generated settings hold them (None values are left out, as absent options).</summary>
    public static IReadOnlyDictionary<string, string> OptionsFrom(IReadOnlyDictionary<string, string?> options)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        var result = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (key, value) in options)
        {
            if (value is not null) result[key] = value;
        }
        return result;
    }

    /// <summary>Django's default (LocMemCache, no prefix, version 1).</summary>
    public static DjangoCacheSettings Default { get; } = new();

    /// <summary>Django's <c>default_key_func</c>: <c>KEY_PREFIX:VERSION:key</c>.</summary>
    public string MakeKey(string key) => KeyPrefix + ":" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + key;

    /// <summary>An integer option, or <paramref name="fallback"/>.</summary>
    public int IntOption(string name, int fallback) =>
        Options.TryGetValue(name, out var text) && int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int v) ? v : fallback;
}
