using System;
using System.Threading.Tasks;
using DjangoSettings.Redis;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using DjangoSettings.Stores;
using DjangoSettings.UserModels.Tests.Infrastructure;
using DjangoSettings.Users;
using StackExchange.Redis;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Stores;

/// <summary>The Redis token store keeps and returns user keys of every kind (UUID, text, big integers), not only integers.</summary>
[Collection(ServersCollection.Name)]
public sealed class RedisUserKeyTests
{
    private readonly ServersFixture _servers;

    public RedisUserKeyTests(ServersFixture servers) => _servers = servers;

    [SkippableFact]
    public async Task Outstanding_records_keep_the_user_key_of_the_model()
    {
        ThrowawayRedis redis = _servers.RequireRedis();
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var cases = new (TestProject Project, DjangoUserKey Key)[]
        {
            (TestProject.EmailUuid, DjangoUserKey.FromGuid(Guid.Parse("0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90"))),
            (TestProject.CharPk, DjangoUserKey.FromString("carol \u00fc")),
            (TestProject.BigAutoTable, DjangoUserKey.FromInt64(1L << 40)),
        };
        foreach (var (project, key) in cases)
        {
            var store = new RedisTokenBlacklistStore(connection, new RedisTokenStoreOptions { KeyPrefix = "t" + Guid.NewGuid().ToString("N") + ":" }, model: project.Model);
            var token = new OutstandingToken("jti-" + project.Name, "a.b.c", key, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
            await store.RecordOutstandingAsync(token);
            OutstandingToken read = (await store.FindOutstandingAsync(token.Jti))!;
            Assert.Equal(key, read.UserId);
            Assert.Equal(key.Type == DjangoUserKeyType.BigInteger ? DjangoUserKeyType.BigInteger : key.Type, read.UserId!.Type);
            Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(token with { UserId = null }));
            Assert.Equal(key, (await store.FindOutstandingAsync(token.Jti))!.UserId);
        }
    }
}
