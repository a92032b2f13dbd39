using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Emit;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks;

/// <summary>CACHES binding (the typed Caches group) and checks (DJS0612-0621).</summary>
public class CacheCheckTests
{
    [Fact]
    public void Without_CACHES_the_group_has_Djangos_default_and_nothing_is_reported()
    {
        var result = Compile.Text("DEBUG = False\n");
        var bound = result.Settings!;
        Assert.Equal("django.core.cache.backends.locmem.LocMemCache", SettingValues.ToClr(bound["CACHES.default.BACKEND"]));
        Assert.Equal(1, SettingValues.ToClr(bound["CACHES.default.VERSION"]));
        Assert.Equal("", SettingValues.ToClr(bound["CACHES.default.KEY_PREFIX"]));
        Assert.False(bound["CACHES.default.BACKEND"].IsSet);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("DJS06", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_django_redis_cache_binds_every_key_with_options_as_text()
    {
        const string text = """
            CACHES = {
                "default": {
                    "BACKEND": "django_redis.cache.RedisCache",
                    "LOCATION": ["redis://127.0.0.1:6379/1", "redis://127.0.0.1:6380/1"],
                    "KEY_PREFIX": "shop",
                    "VERSION": 3,
                    "TIMEOUT": None,
                    "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient", "SOCKET_TIMEOUT": 5, "IGNORE_EXCEPTIONS": True, "PICKLE_VERSION": -1, "CONNECTION_POOL_KWARGS": {"max_connections": 10}},
                },
                "sessions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            }
            """;
        var result = Compile.Text(text);
        Assert.Empty(Compile.Ids(text, SettingsSeverity.Info));
        var bound = result.Settings!;
        Assert.Equal("django_redis.cache.RedisCache", SettingValues.ToClr(bound["CACHES.default.BACKEND"]));
        Assert.Equal(new[] { "redis://127.0.0.1:6379/1", "redis://127.0.0.1:6380/1" }, (IReadOnlyList<string>)SettingValues.ToClr(bound["CACHES.default.LOCATION"])!);
        Assert.Equal("shop", SettingValues.ToClr(bound["CACHES.default.KEY_PREFIX"]));
        Assert.Equal(3, SettingValues.ToClr(bound["CACHES.default.VERSION"]));
        Assert.Null(SettingValues.ToClr(bound["CACHES.default.TIMEOUT"]));
        var options = (IReadOnlyDictionary<string, string?>)SettingValues.ToClr(bound["CACHES.default.OPTIONS"])!;
        // str() of each value, as the runtime reads them; the pool arguments (a dict) change nothing the port does.
        Assert.Equal("5", options["SOCKET_TIMEOUT"]);
        Assert.Equal("True", options["IGNORE_EXCEPTIONS"]);
        Assert.Equal("-1", options["PICKLE_VERSION"]);
        Assert.False(options.ContainsKey("CONNECTION_POOL_KWARGS"));
    }

    [Fact]
    public void A_location_read_from_the_environment_is_deferred_to_startup()
    {
        const string text = """
            import os
            CACHES = {
                "default": {
                    "BACKEND": "django_redis.cache.RedisCache",
                    "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"),
                    "OPTIONS": {"PASSWORD": os.environ.get("REDIS_PASSWORD")},
                },
            }
            """;
        var result = Compile.Text(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= SettingsSeverity.Warning);
        var location = result.Settings!["CACHES.default.LOCATION"];
        Assert.True(location.IsDeferred);
        Assert.Equal(new[] { "REDIS_URL" }, ((PyDeferred)location.Value).EnvironmentKeys);
        Assert.True(result.Settings!["CACHES.default.OPTIONS"].IsDeferred);
    }

    [Theory]
    [InlineData("CACHES = 'redis://127.0.0.1:6379/1'", "DJS0612@1:10", "CACHES must be a dict of cache aliases")]
    [InlineData("CACHES = {'redis': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://h:6379/0'}}", "DJS0613@1:1", "(caches.E001)")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django.core.cache.backends.redis.RedisCach'}}", "DJS0614@1:34", "did you mean django.core.cache.backends.redis.RedisCache?")]
    [InlineData("CACHES = {'default': {'LOCATION': 'x'}}", "DJS0614@1:11", "the entry has no BACKEND (KeyError: 'BACKEND')")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}, 'other': {'BACKEND': 'django.core.cache.backends.locmem.LocMem'}}", "DJS0614@1:105", "CACHES['other']: BACKEND 'django.core.cache.backends.locmem.LocMem'")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django.core.cache.backends.db.DatabaseCache', 'LOCATION': 'cache_table'}}", "DJS0615@1:34", "DRF's throttle histories are kept in process instead")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache', 'LOCATION': '/var/tmp'}}", "DJS0615@1:34", "'django.core.cache.backends.filebased.FileBasedCache'")]
    [InlineData("CACHES = {'default': {'BACKEND': 'diskcache.DjangoCache'}}", "DJS0616@1:34", "register an IDjangoCacheProvider")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://a:6379/0,127.0.0.1:6380'}}", "DJS0617@1:79", "'127.0.0.1:6380' is not a redis://")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django.core.cache.backends.redis.RedisCache', 'LOCATION': ['redis://a:6379', 'http://user:hunter2@b:6379']}}", "DJS0617@1:112", "'http://***@b:6379'")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django.core.cache.backends.dummy.DummyCache'}}\nREST_FRAMEWORK = {'DEFAULT_THROTTLE_CLASSES': ['rest_framework.throttling.AnonRateThrottle', 'rest_framework.throttling.UserRateThrottle'], 'DEFAULT_THROTTLE_RATES': {'anon': '3/min', 'user': '5/min'}}", "DJS0618@1:34", "DRF's throttles (AnonRateThrottle, UserRateThrottle) never refuse a request")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://a:6379/0', 'KEY_FUNCTION': 'app.keys.make'}}", "DJS0619@1:115", "'app.keys.make' is Python code the port does not run")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://a:6379/0', 'OPTIONS': {'CLIENT_CLASS': 'django_redis.client.HerdClient'}}}", "DJS0620@1:127", "HerdClient stores each value as a (marker, value, herd timeout) tuple")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://a:6379/0', 'OPTIONS': {'COMPRESSOR': 'django_redis.compressors.zlib.ZlibCompressor'}}}", "DJS0620@1:125", "a compressor stores compressed bytes")]
    [InlineData("CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache', 'OPTION': {'MAX_ENTRIES': 1000}}}", "DJS0621@1:83", "'OPTION' is not a key Django reads from a cache entry and is ignored; did you mean OPTIONS?")]
    public void Each_check(string text, string expected, string fragment)
    {
        var result = Compile.Text(text + "\n");
        var found = result.Diagnostics.Where(x => $"{x.Id}@{x.Location.Start.Line}:{x.Location.Start.Column}" == expected).ToList();
        Assert.True(found.Count == 1, "expected " + expected + "; got:\n" + string.Join("\n", result.Diagnostics));
        Assert.Contains(fragment, found[0].Message);
    }

    [Fact]
    public void DummyCache_without_throttles_and_a_zero_rate_are_not_reported()
    {
        Assert.DoesNotContain("DJS0618", Compile.Ids("CACHES = {'default': {'BACKEND': 'django.core.cache.backends.dummy.DummyCache'}}\n"));
    }

    [Fact]
    public void A_redis_password_is_not_quoted_in_the_generated_docs()
    {
        const string text = "CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://:hunter2@cache:6379/0', 'OPTIONS': {'PASSWORD': 'hunter3'}}}\n";
        var result = Compile.Text(text);
        // The value is compiled (it is in the file), but not quoted in XML docs or messages.
        string docs = string.Join("\n", result.GeneratedSource!.Split('\n').Where(l => l.TrimStart().StartsWith("///", System.StringComparison.Ordinal)));
        Assert.DoesNotContain("hunter2", docs);
        Assert.DoesNotContain("hunter3", docs);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("hunter"));
    }

    [Fact]
    public void A_django_environ_cache_url_is_an_assumption_in_process_not_an_error()
    {
        const string text = """
            import environ
            env = environ.Env()
            CACHES = {"default": env.cache("REDIS_URL", default="redis://127.0.0.1:6379/1")}
            """;
        var result = Compile.Text(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == SettingsSeverity.Error);
        var assumed = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticDescriptors.SettingAssumed.Id);
        Assert.Contains("CACHES['default']", assumed.Message);
        Assert.Contains("in process", assumed.Message);
        Assert.False(result.Settings!["CACHES.default.BACKEND"].IsSet);
    }
}
