using System;
using System.Threading.Tasks;
using DjangoSettings.Redis;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using DjangoSettings.Scaleout.Tests.PostgreSql;
using DjangoSettings.Stores;
using StackExchange.Redis;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.Redis;

/// <summary>The blacklist store's semantics on a real redis-server, plus key expiry at the token's exp.</summary>
[Collection(ServersCollection.Name)]
public sealed class RedisTokenBlacklistStoreTests
{
    private readonly ServersFixture _servers;

    public RedisTokenBlacklistStoreTests(ServersFixture servers) => _servers = servers;

    private static OutstandingToken Token(string jti, DjangoUserKey? userId = null, DateTimeOffset? expires = null) =>
        PostgreSqlTokenBlacklistStoreTests.Token(jti, userId, expires);

    private (ConnectionMultiplexer Redis, RedisTokenBlacklistStore Store, ManualClock Clock, RedisTokenStoreOptions Options) Create()
    {
        ThrowawayRedis server = _servers.RequireRedis();
        var redis = ConnectionMultiplexer.Connect(server.Configuration + ",allowAdmin=true");
        var options = new RedisTokenStoreOptions { KeyPrefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":" };
        // The records' expiry is real Redis time: the clock starts at the real now.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        return (redis, new RedisTokenBlacklistStore(redis, options, clock), clock, options);
    }

    [SkippableFact]
    public async Task Records_outstanding_tokens_once_per_jti_and_reads_them_back()
    {
        var (redis, store, clock, _) = Create();
        using var _r = redis;
        var token = Token("6eb008f7cb964cb8956d6cedcb7f4538", DjangoUserKey.FromInt64(7), clock.Now.AddDays(1)) with { CreatedAt = clock.Now.AddTicks(-(clock.Now.UtcTicks % 10)) };
        await store.RecordOutstandingAsync(token);
        await store.RecordOutstandingAsync(token with { Token = "other", UserId = DjangoUserKey.FromInt64(8) });
        Assert.Equal(TruncateToMicroseconds(token), await store.FindOutstandingAsync(token.Jti));
        Assert.Null(await store.FindOutstandingAsync("nope"));
    }

    [SkippableFact]
    public async Task Blacklisting_is_once_per_token_and_creates_the_outstanding_record_if_missing()
    {
        var (redis, store, clock, _) = Create();
        using var _r = redis;
        var expires = clock.Now.AddDays(1);
        Assert.False(await store.IsBlacklistedAsync("j1"));
        DateTimeOffset firstAt = clock.Now;
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(Token("j1", expires: expires)));
        Assert.True(await store.IsBlacklistedAsync("j1"));
        clock.Now = clock.Now.AddHours(1);
        Assert.Equal(BlacklistOutcome.AlreadyBlacklisted, await store.TryBlacklistAsync(Token("j1", expires: expires)));
        Assert.NotNull(await store.FindOutstandingAsync("j1"));
        Assert.Equal(firstAt.AddTicks(-(firstAt.UtcTicks % 10)), await store.FindBlacklistedAtAsync("j1"));
        Assert.Null(await store.FindBlacklistedAtAsync("j2"));

        await store.RecordOutstandingAsync(Token("j2", expires: expires));
        Assert.False(await store.IsBlacklistedAsync("j2"));
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(Token("j2", expires: expires)));
    }

    [SkippableFact]
    public async Task Keys_expire_at_the_tokens_exp_and_Redis_forgets_them_then()
    {
        var (redis, store, clock, options) = Create();
        using var _r = redis;
        var expires = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 7200);
        await store.TryBlacklistAsync(Token("long", expires: expires));
        IDatabase db = redis.GetDatabase();
        DateTime? outstandingExpiry = await db.KeyExpireTimeAsync(options.KeyPrefix + "outstanding:long");
        DateTime? blacklistedExpiry = await db.KeyExpireTimeAsync(options.KeyPrefix + "blacklisted:long");
        Assert.Equal(expires.UtcDateTime, outstandingExpiry);
        Assert.Equal(expires.UtcDateTime, blacklistedExpiry);

        // A token that is (nearly) expired keeps its record for the minimum retention, not zero time;
        // with a retention of 300 ms Redis drops it shortly after.
        var shortLived = new RedisTokenBlacklistStore(redis, options with { MinimumRetention = TimeSpan.FromMilliseconds(300) }, clock);
        await shortLived.TryBlacklistAsync(Token("short", expires: clock.Now.AddSeconds(-1)));
        Assert.True(await store.IsBlacklistedAsync("short"));
        await Task.Delay(800);
        Assert.False(await store.IsBlacklistedAsync("short"));
        Assert.Null(await store.FindOutstandingAsync("short"));
    }

    [SkippableFact]
    public async Task Flush_deletes_records_expired_at_or_before_now_with_their_blacklist_keys()
    {
        var (redis, store, clock, _) = Create();
        using var _r = redis;
        var now = clock.Now.AddDays(2);
        await store.RecordOutstandingAsync(Token("old", expires: now.AddDays(-1)));
        await store.TryBlacklistAsync(Token("old-blacklisted", expires: now.AddSeconds(-1)));
        await store.RecordOutstandingAsync(Token("at-now", expires: now));
        await store.RecordOutstandingAsync(Token("just-after", expires: now.AddTicks(10)));
        await store.TryBlacklistAsync(Token("live-blacklisted", expires: now.AddDays(1)));

        Assert.Equal(3, await store.FlushExpiredAsync(now));
        Assert.NotNull(await store.FindOutstandingAsync("just-after"));
        Assert.Null(await store.FindOutstandingAsync("at-now"));
        Assert.True(await store.IsBlacklistedAsync("live-blacklisted"));
        Assert.False(await store.IsBlacklistedAsync("old-blacklisted"));
        Assert.Equal(0, await store.FlushExpiredAsync(now));
    }

    [SkippableFact]
    public async Task A_stopped_server_gives_TokenStoreUnavailable_and_the_store_recovers_when_it_is_back()
    {
        _servers.RequireRedis();
        using ThrowawayRedis own = ThrowawayRedis.Start();
        using var redis = ConnectionMultiplexer.Connect(own.Configuration);
        var store = new RedisTokenBlacklistStore(redis);
        var expires = DateTimeOffset.UtcNow.AddDays(1);
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(Token("before", expires: expires)));

        own.StopServer();
        await Assert.ThrowsAsync<TokenStoreUnavailableException>(async () => await store.TryBlacklistAsync(Token("during", expires: expires)));
        await Assert.ThrowsAsync<TokenStoreUnavailableException>(async () => await store.IsBlacklistedAsync("before"));

        own.StartServer();
        // The multiplexer reconnects by itself; this Redis keeps no data, so the old record is gone.
        BlacklistOutcome? outcome = null;
        for (int attempt = 0; attempt < 50 && outcome is null; attempt++)
        {
            try { outcome = await store.TryBlacklistAsync(Token("after", expires: expires)); }
            catch (TokenStoreUnavailableException) { await Task.Delay(200); }
        }
        Assert.Equal(BlacklistOutcome.Blacklisted, outcome);
        Assert.True(await store.IsBlacklistedAsync("after"));
    }

    private static OutstandingToken TruncateToMicroseconds(OutstandingToken t) => t with
    {
        CreatedAt = t.CreatedAt is { } c ? c.AddTicks(-(c.UtcTicks % 10)) : null,
        ExpiresAt = t.ExpiresAt.AddTicks(-(t.ExpiresAt.UtcTicks % 10)),
    };
}
