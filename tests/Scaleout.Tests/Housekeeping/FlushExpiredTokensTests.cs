using System;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.PostgreSql;
using DjangoSettings.Sample.Tests;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using DjangoSettings.Scaleout.Tests.Instances;
using DjangoSettings.Scaleout.Tests.PostgreSql;
using DjangoSettings.Stores;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.Housekeeping;

/// <summary>flushexpiredtokens on PostgreSQL: the sample's command and the hosted service.</summary>
[Collection(ServersCollection.Name)]
public sealed class FlushExpiredTokensTests
{
    private readonly ServersFixture _servers;

    public FlushExpiredTokensTests(ServersFixture servers) => _servers = servers;

    [SkippableFact]
    public async Task The_hosted_service_flushes_expired_tokens_and_survives_a_store_that_is_down()
    {
        _servers.RequirePostgres();
        using ThrowawayPostgres own = ThrowawayPostgres.Start();
        string cs = own.ConnectionString(own.CreateDatabase());
        using var db = new PostgreSqlDjangoDatabase(cs);
        db.EnsureCreated();
        var store = new PostgreSqlTokenBlacklistStore(db);
        var now = DateTimeOffset.UtcNow;
        await store.TryBlacklistAsync(PostgreSqlTokenBlacklistStoreTests.Token("expired", expires: now.AddMinutes(-1)));
        await store.RecordOutstandingAsync(PostgreSqlTokenBlacklistStoreTests.Token("live", expires: now.AddDays(1)));

        var service = new DjangoTokenFlushService(store, TimeSpan.FromDays(1));
        Assert.Equal(1, await service.FlushOnceAsync(CancellationToken.None));
        Assert.Null(await store.FindOutstandingAsync("expired"));
        Assert.NotNull(await store.FindOutstandingAsync("live"));
        Assert.Equal(0L, PostgreSqlTokenBlacklistStoreTests.Scalar(cs, "SELECT count(*) FROM token_blacklist_blacklistedtoken"));

        own.StopServer();
        Assert.Null(await service.FlushOnceAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task The_samples_flushexpiredtokens_command_runs_on_the_PostgreSQL_database_DATABASES_names()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        string database = pg.CreateDatabase();
        string cs = pg.ConnectionString(database);
        using (var db = new PostgreSqlDjangoDatabase(cs))
        {
            db.EnsureCreated();
            var store = new PostgreSqlTokenBlacklistStore(db);
            await store.RecordOutstandingAsync(PostgreSqlTokenBlacklistStoreTests.Token("gone-1", expires: DateTimeOffset.UtcNow.AddDays(-2)));
            await store.TryBlacklistAsync(PostgreSqlTokenBlacklistStoreTests.Token("gone-2", expires: DateTimeOffset.UtcNow.AddSeconds(-5)));
            await store.RecordOutstandingAsync(PostgreSqlTokenBlacklistStoreTests.Token("kept", expires: DateTimeOffset.UtcNow.AddDays(2)));
        }
        string root = SampleProcess.NewContentRoot();
        try
        {
            var (exit, output) = await SampleProcess.RunToExitAsync(TwoInstanceTests.PostgresEnvironment(pg, database), root, "flushexpiredtokens");
            Assert.True(exit == 0, output);
            Assert.Contains("Flushed 2 expired token(s).", output, StringComparison.Ordinal);
            Assert.Equal("kept", PostgreSqlTokenBlacklistStoreTests.Scalar(cs, "SELECT string_agg(jti, ',') FROM token_blacklist_outstandingtoken"));
            // DATABASES chose PostgreSQL: no SQLite file appeared in the content root.
            Assert.False(System.IO.File.Exists(System.IO.Path.Combine(root, "db.sqlite3")));
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }
}
