using System;
using System.Threading.Tasks;
using DjangoSettings.PostgreSql;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Npgsql;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.PostgreSql;

/// <summary>The SQLite store's semantics (tests/Runtime.Tests/Stores), on a real PostgreSQL.</summary>
[Collection(ServersCollection.Name)]
public sealed class PostgreSqlTokenBlacklistStoreTests
{
    internal static readonly DateTimeOffset Issued = new DateTimeOffset(2026, 11, 23, 14, 7, 13, TimeSpan.Zero).AddTicks(993970);
    internal static readonly DateTimeOffset Expires = new(2026, 11, 30, 14, 7, 13, TimeSpan.Zero);

    private readonly ServersFixture _servers;

    public PostgreSqlTokenBlacklistStoreTests(ServersFixture servers) => _servers = servers;

    internal static OutstandingToken Token(string jti, DjangoUserKey? userId = null, DateTimeOffset? expires = null) =>
        new(jti, "header.payload-" + jti + ".signature", userId, Issued, expires ?? Expires);

    private (PostgreSqlDjangoDatabase Db, PostgreSqlTokenBlacklistStore Store, ManualClock Clock, string ConnectionString) Create()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        string cs = pg.ConnectionString(pg.CreateDatabase());
        var db = new PostgreSqlDjangoDatabase(cs);
        db.EnsureCreated();
        var clock = new ManualClock(Issued.AddMinutes(5));
        return (db, new PostgreSqlTokenBlacklistStore(db, clock), clock, cs);
    }

    internal static object? Scalar(string connectionString, string sql)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        return command.ExecuteScalar();
    }

    [SkippableFact]
    public async Task Records_outstanding_tokens_once_per_jti_at_microsecond_precision()
    {
        var (db, store, _, cs) = Create();
        using var _db = db;
        await store.RecordOutstandingAsync(Token("6eb008f7cb964cb8956d6cedcb7f4538"));
        await store.RecordOutstandingAsync(Token("6eb008f7cb964cb8956d6cedcb7f4538") with { Token = "other" });
        Assert.Equal(1L, Scalar(cs, "SELECT count(*) FROM token_blacklist_outstandingtoken"));
        Assert.Equal("header.payload-6eb008f7cb964cb8956d6cedcb7f4538.signature", Scalar(cs, "SELECT token FROM token_blacklist_outstandingtoken"));
        // timestamptz as Django writes it (UTC, microseconds), read back by the server itself.
        Assert.Equal("2026-11-23 14:07:13.099397+00", Scalar(cs, "SET TIME ZONE 'UTC'; SELECT created_at::text FROM token_blacklist_outstandingtoken"));
        Assert.Equal(Token("6eb008f7cb964cb8956d6cedcb7f4538"), await store.FindOutstandingAsync("6eb008f7cb964cb8956d6cedcb7f4538"));
        Assert.Null(await store.FindOutstandingAsync("nope"));
    }

    [SkippableFact]
    public async Task A_known_user_id_is_kept_and_an_unknown_one_becomes_null()
    {
        var (db, store, _, _) = Create();
        using var _db = db;
        var users = new PostgreSqlUserStore(db, new DjangoPasswordHasher(iterations: 1));
        DjangoUser alice = await users.CreateUserAsync("alice", "pw", isSuperuser: false);
        await store.RecordOutstandingAsync(Token("a", alice.Pk));
        await store.TryBlacklistAsync(Token("b", DjangoUserKey.FromInt64(424242)));
        await store.RecordOutstandingAsync(Token("c", DjangoUserKey.FromInt64(long.MaxValue)));
        Assert.Equal(alice.Pk, (await store.FindOutstandingAsync("a"))!.UserId);
        Assert.Null((await store.FindOutstandingAsync("b"))!.UserId);
        Assert.Null((await store.FindOutstandingAsync("c"))!.UserId);
    }

    [SkippableFact]
    public async Task User_ids_from_tokens_are_read_as_pythons_int_reads_them()
    {
        var (db, _, _, _) = Create();
        using var _db = db;
        var users = new PostgreSqlUserStore(db, new DjangoPasswordHasher(iterations: 1));
        DjangoUser alice = await users.CreateUserAsync("alice", "pw", isSuperuser: false);
        foreach (string id in new[] { "1", " 1 ", "+1", "0_1", "\u0661" })
        {
            Assert.Equal(alice.Pk, (await users.FindByFieldAsync("id", id))?.Pk);
        }
        // Python's int() raises for these (Django: 500); beyond the integer column no row exists.
        foreach (string id in new[] { "1\u0000", "1\u001c", "1.0", "", "2147483648", "99999999999999999999999" })
        {
            Assert.Null(await users.FindByFieldAsync("id", id));
        }
    }

    [SkippableFact]
    public async Task Blacklisting_is_once_per_token_and_creates_the_outstanding_row_if_missing()
    {
        var (db, store, clock, cs) = Create();
        using var _db = db;
        Assert.False(await store.IsBlacklistedAsync("j1"));
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(Token("j1")));
        Assert.True(await store.IsBlacklistedAsync("j1"));
        clock.Now = clock.Now.AddHours(1);
        Assert.Equal(BlacklistOutcome.AlreadyBlacklisted, await store.TryBlacklistAsync(Token("j1")));
        Assert.NotNull(await store.FindOutstandingAsync("j1"));
        Assert.Equal(Issued.AddMinutes(5), await store.FindBlacklistedAtAsync("j1"));
        Assert.Null(await store.FindBlacklistedAtAsync("j2"));

        await store.RecordOutstandingAsync(Token("j2"));
        Assert.False(await store.IsBlacklistedAsync("j2"));
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(Token("j2")));
        Assert.Equal(2L, Scalar(cs, "SELECT count(*) FROM token_blacklist_outstandingtoken"));
        Assert.Equal(2L, Scalar(cs, "SELECT count(*) FROM token_blacklist_blacklistedtoken"));
    }

    [SkippableFact]
    public async Task Flush_deletes_tokens_expired_at_or_before_now_with_their_blacklist_rows()
    {
        var (db, store, _, cs) = Create();
        using var _db = db;
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        await store.RecordOutstandingAsync(Token("old", expires: now.AddDays(-1)));
        await store.TryBlacklistAsync(Token("old-blacklisted", expires: now.AddSeconds(-1)));
        await store.RecordOutstandingAsync(Token("at-now", expires: now));
        await store.RecordOutstandingAsync(Token("just-after", expires: now.AddTicks(10)));
        await store.TryBlacklistAsync(Token("live-blacklisted", expires: now.AddDays(1)));

        Assert.Equal(3, await store.FlushExpiredAsync(now));

        Assert.Equal("just-after,live-blacklisted", Scalar(cs, "SELECT string_agg(jti, ',' ORDER BY jti) FROM token_blacklist_outstandingtoken"));
        Assert.Equal(1L, Scalar(cs, "SELECT count(*) FROM token_blacklist_blacklistedtoken"));
        Assert.True(await store.IsBlacklistedAsync("live-blacklisted"));
        Assert.False(await store.IsBlacklistedAsync("old-blacklisted"));
        Assert.Equal(0, await store.FlushExpiredAsync(now));
    }

    [SkippableFact]
    public async Task A_stopped_server_gives_TokenStoreUnavailable_and_the_store_recovers_when_it_is_back()
    {
        // A cluster of its own: stopping the shared one would disturb the other tests.
        _servers.RequirePostgres();
        using ThrowawayPostgres own = ThrowawayPostgres.Start();
        string cs = own.ConnectionString(own.CreateDatabase());
        using var db = new PostgreSqlDjangoDatabase(cs);
        db.EnsureCreated();
        var store = new PostgreSqlTokenBlacklistStore(db);
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(Token("before")));

        own.StopServer();
        var down = await Assert.ThrowsAsync<TokenStoreUnavailableException>(async () => await store.TryBlacklistAsync(Token("during")));
        Assert.Contains("unavailable", down.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TokenStoreUnavailableException>(async () => await store.IsBlacklistedAsync("before"));
        await Assert.ThrowsAsync<TokenStoreUnavailableException>(async () => await new PostgreSqlUserStore(db, new DjangoPasswordHasher(iterations: 1)).FindByUsernameAsync("x"));

        own.StartServer();
        // Pooled connections broken by the restart are discarded; the first call after may still see one.
        bool blacklisted = false;
        for (int attempt = 0; attempt < 5 && !blacklisted; attempt++)
        {
            try { blacklisted = await store.IsBlacklistedAsync("before"); }
            catch (TokenStoreUnavailableException) { await Task.Delay(200); }
        }
        Assert.True(blacklisted);
        Assert.False(await store.IsBlacklistedAsync("during"));
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(Token("during")));
    }
}
