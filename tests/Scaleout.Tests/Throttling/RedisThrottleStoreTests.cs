using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Caching;
using DjangoSettings.Drf;
using DjangoSettings.Redis;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.Throttling;

/// <summary>
/// The Redis throttle store against Django itself on one real redis-server: the bytes it writes are
/// CPython's pickle of the history (protocols 4 and 5, frames and batches included), Django's cache
/// reads them back, and DRF's own throttle and the port interleaved on one key decide exactly as DRF
/// alone does.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RedisThrottleStoreTests
{
    private readonly ServersFixture _servers;

    public RedisThrottleStoreTests(ServersFixture servers) => _servers = servers;

    private static DjangoCacheSettings Caches(string prefix) => new()
    {
        Backend = DjangoCacheSettings.DjangoRedisBackend,
        KeyPrefix = prefix,
    };

    [SkippableFact]
    public async Task Writes_what_django_redis_writes_for_histories_of_every_shape()
    {
        var server = _servers.RequireRedis();
        Services.RequireDjangoOracle();
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        string prefix = "w" + Guid.NewGuid().ToString("N")[..6];
        var store = new RedisThrottleStore(redis, Caches(prefix), 0, 4);
        int[] sizes = [0, 1, 2, 999, 1000, 1001, 2000, 7279, 7280, 7281, 14563, 14564, 20000];
        double now = 1_700_000_000.123456;
        // Django writes a history of n entries (all within the window), the port records one more.
        var seeded = await DjangoPython.RunAsync(DjangoPython.DjangoRedisCaches(server.Port, keyPrefix: prefix), """
            for line in sys.stdin:
                key, n, now = json.loads(line)
                cache.set(key, [now - 1 - i * 1e-6 for i in range(n)], 3600)
                print(json.dumps("ok"))
            """, sizes.Select(n => new object[] { "throttle_shape_" + n, n, now }));
        Assert.Equal(sizes.Length, seeded.Count);
        foreach (int n in sizes)
        {
            var decision = await store.HitAsync("throttle_shape_" + n, new DrfThrottleRate(100_000, 3600), now);
            Assert.True(decision.Allowed, $"size {n}");
        }
        var checks = await DjangoPython.RunAsync(DjangoPython.DjangoRedisCaches(server.Port, keyPrefix: prefix), """
            from django_redis import get_redis_connection
            r = get_redis_connection("default")
            for line in sys.stdin:
                key, n, now = json.loads(line)
                raw = r.get(cache.make_key(key))
                expected = [now] + [now - 1 - i * 1e-6 for i in range(n)]
                print(json.dumps([raw == pickle.dumps(expected, 4), cache.get(key) == expected, r.pttl(cache.make_key(key))]))
            """, sizes.Select(n => new object[] { "throttle_shape_" + n, n, now }));
        for (int i = 0; i < sizes.Length; i++)
        {
            Assert.True(checks[i][0].GetBoolean(), $"bytes differ from pickle.dumps for {sizes[i]} entries");
            Assert.True(checks[i][1].GetBoolean(), $"cache.get differs for {sizes[i]} entries");
            // Written with the window as its lifetime (PX duration * 1000).
            Assert.InRange(checks[i][2].GetInt64(), 3_590_000, 3_600_000);
        }
    }

    [SkippableFact]
    public async Task Protocol_5_output_is_cpythons()
    {
        var server = _servers.RequireRedis();
        Services.RequireDjangoOracle();
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        string prefix = "p" + Guid.NewGuid().ToString("N")[..6];
        var store = new RedisThrottleStore(redis, Caches(prefix), 0, 5);
        double now = 1_700_000_000.5;
        for (int i = 0; i < 3; i++) await store.HitAsync("throttle_p5", new DrfThrottleRate(10, 60), now + i);
        var check = await DjangoPython.RunAsync(DjangoPython.DjangoRedisCaches(server.Port, keyPrefix: prefix), """
            from django_redis import get_redis_connection
            r = get_redis_connection("default")
            for line in sys.stdin:
                key, now = json.loads(line)
                print(json.dumps(r.get(cache.make_key(key)) == pickle.dumps([now + 2, now + 1, now], 5)))
            """, [new object[] { "throttle_p5", now }]);
        Assert.True(check[0].GetBoolean());
    }

    [SkippableFact]
    public async Task Drf_and_the_port_interleaved_on_one_key_decide_as_drf_alone()
    {
        var server = _servers.RequireRedis();
        Services.RequireDjangoOracle();
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        var rng = new Random(1412);
        var steps = new List<double>();
        double t = 1_700_000_000.0;
        for (int i = 0; i < 120; i++)
        {
            t += rng.Next(0, 5) == 0 ? rng.NextDouble() * 25 : rng.NextDouble() * 2;
            steps.Add(t);
        }
        const string Script = """
            from rest_framework.throttling import SimpleRateThrottle
            class T(SimpleRateThrottle):
                rate = "5/m"
                def get_cache_key(self, request, view):
                    return "throttle_shared_x"
            out = []
            for line in sys.stdin:
                now, who = json.loads(line)
                if who == "django":
                    th = T()
                    th.timer = lambda: now
                    ok = th.allow_request(None, None)
                    print(json.dumps([ok, None if ok else th.wait()]), flush=True)
                else:
                    print(json.dumps(None), flush=True)
            """;
        // Django alone.
        string alonePrefix = "a" + Guid.NewGuid().ToString("N")[..6];
        var alone = await DjangoPython.RunAsync(DjangoPython.DjangoRedisCaches(server.Port, keyPrefix: alonePrefix), Script,
            steps.Select(s => new object?[] { s, "django" }));
        // Django and the port taking turns on one key: each step is answered by one of them.
        string sharedPrefix = "s" + Guid.NewGuid().ToString("N")[..6];
        var store = new RedisThrottleStore(redis, Caches(sharedPrefix), 0, 4);
        var mixed = new List<(bool Allowed, double? Wait)>();
        await using var django = await DjangoPython.StartAsync(DjangoPython.DjangoRedisCaches(server.Port, keyPrefix: sharedPrefix), Script);
        for (int i = 0; i < steps.Count; i++)
        {
            if (i % 2 == 0)
            {
                var d = await django.AskAsync(new object?[] { steps[i], "django" });
                mixed.Add((d[0].GetBoolean(), d[1].ValueKind == JsonValueKind.Null ? null : d[1].GetDouble()));
            }
            else
            {
                var d = await store.HitAsync("throttle_shared_x", DrfThrottleRate.Parse("5/m"), steps[i]);
                mixed.Add((d.Allowed, d.Wait));
            }
        }
        var failures = new List<string>();
        for (int i = 0; i < steps.Count; i++)
        {
            bool ok = alone[i][0].GetBoolean();
            double? wait = alone[i][1].ValueKind == JsonValueKind.Null ? null : alone[i][1].GetDouble();
            if (mixed[i].Allowed != ok || mixed[i].Wait != wait) failures.Add($"step {i} ({(i % 2 == 0 ? "django" : "port")}): {mixed[i]} != ({ok}, {wait})");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(mixed, m => !m.Allowed);
    }

    [SkippableFact]
    public async Task A_requests_throttles_share_one_round_trip_and_each_records()
    {
        var server = _servers.RequireRedis();
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration + ",allowAdmin=true");
        string prefix = "m" + Guid.NewGuid().ToString("N")[..6];
        var store = new RedisThrottleStore(redis, Caches(prefix), 0, 4);
        var endpoint = redis.GetEndPoints()[0];
        var serverApi = redis.GetServer(endpoint);
        DrfThrottleHit[] hits = [new("throttle_anon_1", DrfThrottleRate.Parse("3/m")), new("throttle_user_1", DrfThrottleRate.Parse("1/s"))];
        var decisions = new DrfThrottleDecision[2];
        long before = CommandCount(serverApi, "evalsha") + CommandCount(serverApi, "eval");
        for (int i = 0; i < 4; i++) await store.HitManyAsync(hits, 1_700_000_000 + i * 0.1, decisions);
        long after = CommandCount(serverApi, "evalsha") + CommandCount(serverApi, "eval");
        Assert.Equal(4, after - before);
        // Request 4: anon holds 3 entries (requests 2 and 3 were refused by user yet recorded by anon).
        Assert.False(decisions[0].Allowed);
        Assert.Equal(60 - 0.3, decisions[0].Wait!.Value, 6);
    }

    private static long CommandCount(IServer server, string command)
    {
        foreach (var group in server.Info("commandstats"))
        {
            foreach (var pair in group)
            {
                if (pair.Key != "cmdstat_" + command) continue;
                foreach (var part in pair.Value.Split(','))
                {
                    if (part.StartsWith("calls=", StringComparison.Ordinal)) return long.Parse(part.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        return 0;
    }
}
