using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Stores;

public class SqliteTokenBlacklistStoreTests
{
    // 2026-11-23 14:07:13.099397 UTC, as in a row the real Django wrote.
    private static readonly DateTimeOffset Issued = new DateTimeOffset(2026, 11, 23, 14, 7, 13, TimeSpan.Zero).AddTicks(993970);
    private static readonly DateTimeOffset Expires = new(2026, 11, 30, 14, 7, 13, TimeSpan.Zero);

    private static OutstandingToken Token(string jti, DjangoUserKey? userId = null, DateTimeOffset? expires = null) =>
        new(jti, "header.payload-" + jti + ".signature", userId, Issued, expires ?? Expires);

    private static (TempDatabase Db, SqliteTokenBlacklistStore Store, ManualClock Clock) Create()
    {
        var db = new TempDatabase();
        db.Database.EnsureCreated();
        var clock = new ManualClock(Issued.AddMinutes(5));
        return (db, new SqliteTokenBlacklistStore(db.Database, clock), clock);
    }

    [Fact]
    public async Task Records_outstanding_tokens_once_per_jti_with_Django_datetime_text()
    {
        var (db, store, _) = Create();
        using var _db = db;
        await store.RecordOutstandingAsync(Token("6eb008f7cb964cb8956d6cedcb7f4538"));
        await store.RecordOutstandingAsync(Token("6eb008f7cb964cb8956d6cedcb7f4538") with { Token = "other" });
        using var c = db.Open();
        var rows = TempDatabase.Rows(c, "SELECT token, created_at, expires_at, user_id, jti FROM token_blacklist_outstandingtoken");
        var row = Assert.Single(rows);
        Assert.Equal("header.payload-6eb008f7cb964cb8956d6cedcb7f4538.signature", row[0]);
        // What Django 3.2 writes (observed): microseconds when non-zero, none for whole seconds.
        Assert.Equal("2026-11-23 14:07:13.099397", row[1]);
        Assert.Equal("2026-11-30 14:07:13", row[2]);
        Assert.Null(row[3]);

        OutstandingToken? read = await store.FindOutstandingAsync("6eb008f7cb964cb8956d6cedcb7f4538");
        Assert.Equal(Token("6eb008f7cb964cb8956d6cedcb7f4538"), read);
        Assert.Null(await store.FindOutstandingAsync("nope"));
    }

    [Fact]
    public async Task Datetimes_are_stored_in_UTC_at_microsecond_precision()
    {
        var (db, store, _) = Create();
        using var _db = db;
        var local = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);
        await store.RecordOutstandingAsync(new OutstandingToken("j", "t", null, local, local.AddDays(1)));
        using var c = db.Open();
        var row = TempDatabase.Rows(c, "SELECT created_at, expires_at FROM token_blacklist_outstandingtoken").Single();
        Assert.Equal("2026-01-02 01:04:05.123456", row[0]);
        Assert.Equal("2026-01-03 01:04:05.123456", row[1]);
        var read = (await store.FindOutstandingAsync("j"))!;
        Assert.Equal(local.AddTicks(-7), read.CreatedAt);
        Assert.Equal(TimeSpan.Zero, read.CreatedAt!.Value.Offset);
    }

    [Fact]
    public async Task A_known_user_id_is_kept_and_an_unknown_one_becomes_null()
    {
        var (db, store, _) = Create();
        using var _db = db;
        var users = new SqliteUserStore(db.Database, new DjangoPasswordHasher(iterations: 1));
        DjangoUser alice = await users.CreateUserAsync("alice", "pw", isSuperuser: false);
        await store.RecordOutstandingAsync(Token("a", alice.Pk));
        await store.TryBlacklistAsync(Token("b", DjangoUserKey.FromInt64(424242)));
        Assert.Equal(alice.Pk, (await store.FindOutstandingAsync("a"))!.UserId);
        Assert.Null((await store.FindOutstandingAsync("b"))!.UserId);
    }

    [Fact]
    public async Task Blacklisting_is_once_per_token_and_creates_the_outstanding_row_if_missing()
    {
        var (db, store, clock) = Create();
        using var _db = db;
        Assert.False(await store.IsBlacklistedAsync("j1"));
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(Token("j1")));
        Assert.True(await store.IsBlacklistedAsync("j1"));
        clock.Now = clock.Now.AddHours(1);
        Assert.Equal(BlacklistOutcome.AlreadyBlacklisted, await store.TryBlacklistAsync(Token("j1")));
        Assert.NotNull(await store.FindOutstandingAsync("j1"));
        Assert.Equal(Issued.AddMinutes(5), await store.FindBlacklistedAtAsync("j1"));
        Assert.Null(await store.FindBlacklistedAtAsync("j2"));

        // A recorded token is blacklisted through its existing row, not a second one.
        await store.RecordOutstandingAsync(Token("j2"));
        Assert.False(await store.IsBlacklistedAsync("j2"));
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(Token("j2")));
        Assert.Equal(2L, db.Scalar("SELECT count(*) FROM token_blacklist_outstandingtoken"));
        Assert.Equal(2L, db.Scalar("SELECT count(*) FROM token_blacklist_blacklistedtoken"));
        Assert.Equal(
            "2026-11-23 14:12:13.099397",
            db.Scalar("SELECT blacklisted_at FROM token_blacklist_blacklistedtoken b JOIN token_blacklist_outstandingtoken o ON o.id = b.token_id WHERE o.jti = 'j1'"));
    }

    [Fact]
    public async Task Exactly_one_of_fifty_concurrent_callers_blacklists_a_token()
    {
        var (db, _, _) = Create();
        using var _db = db;
        for (int round = 0; round < 20; round++)
        {
            string jti = $"race-{round}";
            using var start = new ManualResetEventSlim(false);
            Task<BlacklistOutcome>[] callers = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            {
                // A store and database object per caller: nothing is shared but the file.
                var store = new SqliteTokenBlacklistStore(new SqliteDjangoDatabase(db.FilePath, TimeSpan.FromSeconds(30 + i)));
                start.Wait();
                return await store.TryBlacklistAsync(Token(jti));
            })).ToArray();
            start.Set();
            BlacklistOutcome[] outcomes = await Task.WhenAll(callers);
            Assert.Equal(1, outcomes.Count(o => o == BlacklistOutcome.Blacklisted));
            Assert.Equal(49, outcomes.Count(o => o == BlacklistOutcome.AlreadyBlacklisted));
        }
        Assert.Equal(20L, db.Scalar("SELECT count(*) FROM token_blacklist_blacklistedtoken"));
        Assert.Equal(20L, db.Scalar("SELECT count(*) FROM token_blacklist_outstandingtoken"));
    }

    [Fact]
    public async Task Flush_deletes_tokens_expired_at_or_before_now_with_their_blacklist_rows()
    {
        var (db, store, _) = Create();
        using var _db = db;
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        await store.RecordOutstandingAsync(Token("old", expires: now.AddDays(-1)));
        await store.TryBlacklistAsync(Token("old-blacklisted", expires: now.AddSeconds(-1)));
        await store.RecordOutstandingAsync(Token("at-now", expires: now));
        await store.RecordOutstandingAsync(Token("just-after", expires: now.AddTicks(10)));
        await store.TryBlacklistAsync(Token("live-blacklisted", expires: now.AddDays(1)));

        Assert.Equal(3, await store.FlushExpiredAsync(now));

        using var c = db.Open();
        var left = TempDatabase.Rows(c, "SELECT jti FROM token_blacklist_outstandingtoken ORDER BY jti").Select(r => (string)r[0]!);
        Assert.Equal(new[] { "just-after", "live-blacklisted" }, left);
        Assert.Equal(1L, db.Scalar("SELECT count(*) FROM token_blacklist_blacklistedtoken"));
        Assert.True(await store.IsBlacklistedAsync("live-blacklisted"));
        Assert.False(await store.IsBlacklistedAsync("old-blacklisted"));
        Assert.Equal(0, await store.FlushExpiredAsync(now));
    }

    [Fact]
    public async Task Readers_and_writers_on_separate_connections_do_not_fail_with_busy()
    {
        var (db, store, _) = Create();
        using var _db = db;
        Task[] work = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var own = new SqliteTokenBlacklistStore(new SqliteDjangoDatabase(db.FilePath));
            await own.RecordOutstandingAsync(Token("w" + i));
            await own.IsBlacklistedAsync("w" + (i / 2));
            await own.TryBlacklistAsync(Token("w" + (i / 2)));
            await own.FlushExpiredAsync(Issued);
        })).ToArray();
        await Task.WhenAll(work);
        Assert.Equal(40L, db.Scalar("SELECT count(*) FROM token_blacklist_outstandingtoken"));
        Assert.Equal(20L, db.Scalar("SELECT count(*) FROM token_blacklist_blacklistedtoken"));
        Assert.True(await store.IsBlacklistedAsync("w19"));
    }
}
