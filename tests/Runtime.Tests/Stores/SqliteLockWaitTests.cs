using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Stores;

/// <summary>
/// The SQLite stores under a lock another connection holds (issue 16.1): a call returns to its
/// caller at once (the wait holds no thread), gives up with <see cref="TokenStoreUnavailableException"/>
/// after <see cref="SqliteDjangoDatabase.Timeout"/>, succeeds as soon as the lock goes within it,
/// and concurrent blacklisting stays exactly-once through the wait.
/// </summary>
public sealed class SqliteLockWaitTests
{
    private static readonly DateTimeOffset Expires = new(2026, 11, 30, 14, 7, 13, TimeSpan.Zero);

    private static OutstandingToken Token(string jti) => new(jti, "header.payload-" + jti + ".signature", null, null, Expires);

    private static (TempDatabase Db, SqliteDjangoDatabase Database) Create(TimeSpan wait)
    {
        var db = new TempDatabase();
        db.Database.EnsureCreated();
        return (db, new SqliteDjangoDatabase(db.FilePath, wait));
    }

    /// <summary>Another connection (unpooled, as another process would have) in BEGIN EXCLUSIVE.</summary>
    private static SqliteConnection HoldExclusiveLock(TempDatabase db)
    {
        var holder = db.Open();
        using var begin = holder.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        begin.ExecuteNonQuery();
        return holder;
    }

    [Fact]
    public async Task Reads_and_writes_return_to_the_caller_at_once_and_give_up_after_the_wait()
    {
        var wait = TimeSpan.FromMilliseconds(400);
        var (db, database) = Create(wait);
        using var _db = db;
        var users = new SqliteUserStore(database, new DjangoPasswordHasher(iterations: 1));
        await users.CreateUserAsync("alice", "pw", isSuperuser: false);
        var blacklist = new SqliteTokenBlacklistStore(database);

        using (HoldExclusiveLock(db))
        {
            foreach (var (name, call) in new (string, Func<Task>)[]
            {
                ("FindByFieldAsync", () => users.FindByFieldAsync("id", "1").AsTask()),
                ("FindByUsernameAsync", () => users.FindByUsernameAsync("alice").AsTask()),
                ("UpdateLastLoginAsync", () => users.UpdateLastLoginAsync(DjangoUserKey.FromInt64(1, DjangoUserKeyType.Integer), Expires).AsTask()),
                ("RecordOutstandingAsync", () => blacklist.RecordOutstandingAsync(Token("a")).AsTask()),
                ("TryBlacklistAsync", () => blacklist.TryBlacklistAsync(Token("b")).AsTask()),
                ("IsBlacklistedAsync", () => blacklist.IsBlacklistedAsync("b").AsTask()),
            })
            {
                var clock = Stopwatch.StartNew();
                Task pending = call();
                TimeSpan returned = clock.Elapsed;
                // Still waiting, and the caller's thread already has it back: nothing sleeps on it.
                Assert.False(pending.IsCompleted, name + " completed while the lock was held");
                Assert.True(returned < TimeSpan.FromMilliseconds(100), $"{name} held its caller for {returned.TotalMilliseconds:F0} ms");
                var e = await Assert.ThrowsAsync<TokenStoreUnavailableException>(() => pending);
                Assert.Contains("is locked by another connection", e.Message);
                Assert.True(clock.Elapsed >= wait, $"{name} gave up after {clock.Elapsed.TotalMilliseconds:F0} ms, before the wait");
                Assert.True(clock.Elapsed < wait + TimeSpan.FromSeconds(1), $"{name} gave up after {clock.Elapsed.TotalMilliseconds:F0} ms");
            }
        }

        // Nothing was written while the lock was held; everything works once it is gone.
        Assert.Equal(0L, db.Scalar("SELECT count(*) FROM token_blacklist_outstandingtoken"));
        Assert.Equal(1L, db.Scalar("SELECT count(*) FROM auth_user WHERE last_login IS NULL"));
        Assert.Equal(BlacklistOutcome.Blacklisted, await blacklist.TryBlacklistAsync(Token("b")));
        Assert.Equal("alice", (await users.FindByFieldAsync("id", "1"))!.Username);
    }

    [Fact]
    public async Task A_lock_released_within_the_wait_lets_the_call_through()
    {
        var (db, database) = Create(TimeSpan.FromSeconds(5));
        using var _db = db;
        var blacklist = new SqliteTokenBlacklistStore(database);
        var holder = HoldExclusiveLock(db);
        var clock = Stopwatch.StartNew();
        var pending = blacklist.TryBlacklistAsync(Token("j")).AsTask();
        await Task.Delay(300);
        Assert.False(pending.IsCompleted);
        holder.Dispose();
        Assert.Equal(BlacklistOutcome.Blacklisted, await pending);
        // The next retry comes at most one back-off step (100 ms) after the release.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Fifty_blacklistings_waiting_on_a_lock_still_have_exactly_one_winner()
    {
        var (db, database) = Create(TimeSpan.FromSeconds(20));
        using var _db = db;
        // Two database objects (each with its own writer queue), as two processes would have.
        var stores = new[] { new SqliteTokenBlacklistStore(database), new SqliteTokenBlacklistStore(new SqliteDjangoDatabase(db.FilePath, TimeSpan.FromSeconds(20))) };
        for (int round = 0; round < 5; round++)
        {
            var holder = HoldExclusiveLock(db);
            string jti = "race-" + round;
            var callers = Enumerable.Range(0, 50).Select(i => stores[i % 2].TryBlacklistAsync(Token(jti)).AsTask()).ToArray();
            await Task.Delay(100);
            Assert.DoesNotContain(callers, c => c.IsCompleted);
            holder.Dispose();
            var outcomes = await Task.WhenAll(callers);
            Assert.Equal(1, outcomes.Count(o => o == BlacklistOutcome.Blacklisted));
            Assert.Equal(49, outcomes.Count(o => o == BlacklistOutcome.AlreadyBlacklisted));
        }
        Assert.Equal(5L, db.Scalar("SELECT count(*) FROM token_blacklist_blacklistedtoken"));
    }

    [Fact]
    public async Task Many_concurrent_writers_of_one_database_queue_and_all_succeed()
    {
        var (db, database) = Create(TimeSpan.FromSeconds(30));
        using var _db = db;
        var blacklist = new SqliteTokenBlacklistStore(database);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => blacklist.RecordOutstandingAsync(Token("w" + i)).AsTask())));
        Assert.Equal(200L, db.Scalar("SELECT count(*) FROM token_blacklist_outstandingtoken"));
    }
}
