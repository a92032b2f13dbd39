using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// CACHES checks: Django's own (caches.E001, and the backend import every alias goes through when
/// Django's checks run), a Redis LOCATION the client would refuse, and what the port does with the
/// 'default' alias, where DRF's throttles keep their histories: in process for backends it does not
/// connect to, nothing for DummyCache (as in Django), Redis shared with Django unless the project
/// changes how django-redis stores values or makes keys.
/// </summary>
internal static class CacheChecks
{
    private const string Prefix = "CACHES.default.";

    public static void Run(CheckContext ctx)
    {
        if (!ctx.Settings.Module.Names.TryGetValue("CACHES", out var caches)) return;
        if (caches.Value is PyUnknown || !caches.Value.IsConstant && caches.Value is not PyDict) return;
        if (caches.Value is not PyDict dict)
        {
            ctx.Report(DiagnosticDescriptors.CachesNotDict, caches.Value.Origin ?? caches.NameLocation, null, ValueDescription.Describe(caches.Value));
            return;
        }
        bool hasDefault = false;
        foreach (var entry in dict.Entries)
        {
            if (entry.Key is not PyStr alias) continue;
            if (alias.Value == "default") hasDefault = true;
            CheckAlias(ctx, alias.Value, entry);
        }
        if (!hasDefault)
        {
            ctx.Report(DiagnosticDescriptors.NoDefaultCache, caches.NameLocation, null);
            return;
        }
        CheckDefault(ctx);
    }

    // Every alias: Django's checks create each cache, so a bad BACKEND anywhere stops manage.py.
    private static void CheckAlias(CheckContext ctx, string alias, PyDictEntry entry)
    {
        var at = entry.Key.Origin;
        if (entry.Value is not PyDict inner)
        {
            if (entry.Value.IsConstant)
                ctx.Report(DiagnosticDescriptors.CacheBackendNotFound, entry.Value.Origin ?? at, null, alias, "the entry must be a dict with a BACKEND, found " + ValueDescription.Describe(entry.Value), string.Empty);
            return;
        }
        PyDictEntry? backendEntry = null;
        PyDictEntry? locationEntry = null;
        foreach (var e in inner.Entries)
        {
            if (e.Key is not PyStr key) continue;
            if (key.Value == "BACKEND") backendEntry = e;
            else if (key.Value == "LOCATION") locationEntry = e;
            else if (!CacheBackends.Keys.Contains(key.Value))
                ctx.Report(DiagnosticDescriptors.UnknownCacheKey, e.Key.Origin ?? at, null, alias, key.Value, Suggestions.DidYouMean(key.Value, CacheBackends.Keys));
        }
        if (backendEntry is null)
        {
            ctx.Report(DiagnosticDescriptors.CacheBackendNotFound, at, null, alias, "the entry has no BACKEND (KeyError: 'BACKEND')", string.Empty);
            return;
        }
        if (backendEntry.Value is not PyStr backend) return;
        string path = backend.Value;
        bool django = path.StartsWith(CacheBackends.DjangoModule, StringComparison.Ordinal) || path.StartsWith("django_redis.", StringComparison.Ordinal);
        if (django && !CacheBackends.Known.Contains(path))
        {
            ctx.Report(DiagnosticDescriptors.CacheBackendNotFound, backend.Origin ?? at, null, alias,
                "BACKEND '" + path + "' is not a backend Django or django-redis ship (InvalidCacheBackendError)", Suggestions.DidYouMean(path, CacheBackends.Known));
            return;
        }
        if (CacheBackends.IsRedis(path) && locationEntry is not null) CheckRedisLocation(ctx, alias, locationEntry.Value, at);
    }

    // redis-py's from_url accepts redis://, rediss:// and unix://; both Redis backends split a str at commas.
    private static void CheckRedisLocation(CheckContext ctx, string alias, PyValue location, SourceLocation? at)
    {
        IEnumerable<(string Text, SourceLocation? Location)> items = location switch
        {
            PyStr s => s.Value.Split(',').Select(p => (p, s.Origin)),
            PySequence seq => seq.Items.OfType<PyStr>().Select(i => (i.Value, i.Origin)),
            _ => Enumerable.Empty<(string, SourceLocation?)>(),
        };
        foreach (var (text, where) in items)
        {
            string url = text.Trim();
            if (url.StartsWith("redis://", StringComparison.Ordinal) || url.StartsWith("rediss://", StringComparison.Ordinal) || url.StartsWith("unix://", StringComparison.Ordinal)) continue;
            ctx.Report(DiagnosticDescriptors.CacheLocationNotRedisUrl, where ?? at, null, alias, WithoutPassword(url));
        }
    }

    // A URL in a message must not quote a password (scheme://user:secret@host).
    private static string WithoutPassword(string url)
    {
        int at = url.LastIndexOf('@');
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme >= 0 && at > scheme ? url.Substring(0, scheme + 3) + "***" + url.Substring(at) : url;
    }

    private static void CheckDefault(CheckContext ctx)
    {
        var backend = ctx[Prefix + "BACKEND"];
        if (!ctx.IsUsable(backend) || backend.Value is not PyStr { Value: var path }) return;
        if (CacheBackends.InProcessInstead.Contains(path))
        {
            ctx.Report(DiagnosticDescriptors.CacheBackendInProcess, backend.ValueLocation, backend, path);
        }
        else if (!CacheBackends.Known.Contains(path) && !path.StartsWith(CacheBackends.DjangoModule, StringComparison.Ordinal) && !path.StartsWith("django_redis.", StringComparison.Ordinal))
        {
            ctx.Report(DiagnosticDescriptors.CacheBackendNeedsProvider, backend.ValueLocation, backend, path);
        }
        else if (path == CacheBackends.Dummy)
        {
            var throttles = ThrottleClasses(ctx);
            if (throttles.Count > 0) ctx.Report(DiagnosticDescriptors.DummyCacheNeverThrottles, backend.ValueLocation, backend, string.Join(", ", throttles));
        }
        else if (CacheBackends.IsRedis(path))
        {
            var keyFunction = ctx[Prefix + "KEY_FUNCTION"];
            if (keyFunction.IsSet && ctx.IsUsable(keyFunction) && keyFunction.Value is PyStr { Value: var function })
                ctx.Report(DiagnosticDescriptors.CacheKeyFunctionNotRun, keyFunction.ValueLocation, keyFunction, function);
            if (path == CacheBackends.DjangoRedis) CheckDjangoRedisOptions(ctx);
        }
    }

    // The django-redis options that change the bytes stored under a key (or where the key lives).
    private static void CheckDjangoRedisOptions(CheckContext ctx)
    {
        var options = ctx[Prefix + "OPTIONS"];
        if (!options.IsSet || options.HasError || options.Value is not PyDict dict) return;
        foreach (var entry in dict.Entries)
        {
            if (entry.Key is not PyStr key || entry.Value is not PyStr value) continue;
            string? effect = (key.Value, value.Value) switch
            {
                ("CLIENT_CLASS", "django_redis.client.DefaultClient") => null,
                ("CLIENT_CLASS", "django_redis.client.HerdClient") => "HerdClient stores each value as a (marker, value, herd timeout) tuple",
                ("CLIENT_CLASS", "django_redis.client.ShardClient") => "ShardClient spreads keys over several servers by their hash",
                ("CLIENT_CLASS", _) => "a client the port does not know may store values or place keys differently",
                ("SERIALIZER", "django_redis.serializers.pickle.PickleSerializer") => null,
                ("SERIALIZER", _) => "another serializer stores the histories in another format",
                ("COMPRESSOR", "django_redis.compressors.identity.IdentityCompressor") => null,
                ("COMPRESSOR", _) => "a compressor stores compressed bytes",
                _ => null,
            };
            if (effect is not null) ctx.Report(DiagnosticDescriptors.CacheOptionNotServed, entry.Value.Origin ?? options.ValueLocation, options, key.Value, value.Value, effect);
        }
    }

    // The throttle classes DRF views use by default (the built-in ones keep histories in the cache).
    private static List<string> ThrottleClasses(CheckContext ctx)
    {
        var classes = ctx["REST_FRAMEWORK.DEFAULT_THROTTLE_CLASSES"];
        if (!ctx.IsUsable(classes)) return new List<string>();
        return CheckContext.Strings(classes).Select(c => c.Text.Substring(c.Text.LastIndexOf('.') + 1)).ToList();
    }
}
