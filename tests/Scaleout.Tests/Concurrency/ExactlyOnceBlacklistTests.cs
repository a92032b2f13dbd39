using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.PostgreSql;
using DjangoSettings.Redis;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using DjangoSettings.Scaleout.Tests.PostgreSql;
using DjangoSettings.Stores;
using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Scaleout.Tests.Concurrency;

/// <summary>
/// 50 concurrent TryBlacklist calls on one token, split over two store instances with their own
/// connection pools (as two service instances would be), repeated 20 times: exactly one winner each time.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ExactlyOnceBlacklistTests
{
    private const int Callers = 50;
    private const int Rounds = 20;

    private readonly ServersFixture _servers;
    private readonly ITestOutputHelper _output;

    public ExactlyOnceBlacklistTests(ServersFixture servers, ITestOutputHelper output)
    {
        _servers = servers;
        _output = output;
    }

    [SkippableFact]
    public async Task PostgreSql_fifty_concurrent_callers_on_two_instances_give_exactly_one_winner_twenty_times()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        string cs = pg.ConnectionString(pg.CreateDatabase());
        using var first = new PostgreSqlDjangoDatabase(cs);
        using var second = new PostgreSqlDjangoDatabase(cs);
        first.EnsureCreated();
        var stores = new ITokenBlacklistStore[] { new PostgreSqlTokenBlacklistStore(first), new PostgreSqlTokenBlacklistStore(second) };
        await RaceAsync("PostgreSQL", stores, recordFirst: round => round % 2 == 0);
        Assert.Equal((long)Rounds, PostgreSqlTokenBlacklistStoreTests.Scalar(cs, "SELECT count(*) FROM token_blacklist_blacklistedtoken"));
        Assert.Equal((long)Rounds, PostgreSqlTokenBlacklistStoreTests.Scalar(cs, "SELECT count(*) FROM token_blacklist_outstandingtoken"));
    }

    [SkippableFact]
    public async Task Redis_fifty_concurrent_callers_on_two_instances_give_exactly_one_winner_twenty_times()
    {
        ThrowawayRedis server = _servers.RequireRedis();
        using var a = ConnectionMultiplexer.Connect(server.Configuration);
        using var b = ConnectionMultiplexer.Connect(server.Configuration);
        var options = new RedisTokenStoreOptions { KeyPrefix = "race" + Guid.NewGuid().ToString("N")[..8] + ":" };
        var stores = new ITokenBlacklistStore[] { new RedisTokenBlacklistStore(a, options), new RedisTokenBlacklistStore(b, options) };
        await RaceAsync("Redis", stores, recordFirst: round => round % 2 == 0);
    }

    private async Task RaceAsync(string what, ITokenBlacklistStore[] stores, Func<int, bool> recordFirst)
    {
        var times = new double[Rounds];
        for (int round = 0; round < Rounds; round++)
        {
            var token = new OutstandingToken($"race-{round}-{Guid.NewGuid():N}", "t", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
            // Half the rounds race on a recorded token (a normal refresh), half on an unrecorded one
            // (the get-or-create path races too).
            if (recordFirst(round)) await stores[0].RecordOutstandingAsync(token);
            using var start = new ManualResetEventSlim(false);
            Task<BlacklistOutcome>[] callers = Enumerable.Range(0, Callers).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await stores[i % stores.Length].TryBlacklistAsync(token);
            })).ToArray();
            var clock = Stopwatch.StartNew();
            start.Set();
            BlacklistOutcome[] outcomes = await Task.WhenAll(callers);
            times[round] = clock.Elapsed.TotalMilliseconds;
            Assert.Equal(1, outcomes.Count(o => o == BlacklistOutcome.Blacklisted));
            Assert.Equal(Callers - 1, outcomes.Count(o => o == BlacklistOutcome.AlreadyBlacklisted));
            Assert.True(await stores[1].IsBlacklistedAsync(token.Jti));
        }
        Array.Sort(times);
        _output.WriteLine($"{what}: {Rounds} rounds x {Callers} concurrent TryBlacklist over {stores.Length} instances: exactly 1 winner every round; " +
                          $"round time median {times[Rounds / 2]:F1} ms, max {times[^1]:F1} ms");
    }
}
