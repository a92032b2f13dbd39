using System;
using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Runtime.Tests.Stores;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Users;

public class SqliteUserStoreTests
{
    private static readonly DateTimeOffset Joined = new DateTimeOffset(2026, 11, 23, 14, 6, 53, TimeSpan.Zero).AddTicks(7670089);

    // One PBKDF2 round: these tests are about the table, DjangoPasswordHasherTests about the hash.
    private static readonly DjangoPasswordHasher CheapHasher = new(iterations: 1);

    private static (TempDatabase Db, SqliteUserStore Store) Create()
    {
        var db = new TempDatabase();
        db.Database.EnsureCreated();
        return (db, new SqliteUserStore(db.Database, CheapHasher, new ManualClock(Joined)));
    }

    [Fact]
    public async Task Creates_a_user_as_Django_create_user_does()
    {
        var (db, store) = Create();
        using var _db = db;
        DjangoUser user = await store.CreateUserAsync("alice", "wonderland-123", isSuperuser: false, "Alice@Example.COM");
        Assert.Equal(1, user.Pk.AsInt64());
        Assert.Equal("alice", user.Username);
        Assert.True(CheapHasher.Verify("wonderland-123", user.Password));
        Assert.StartsWith("pbkdf2_sha256$1$", user.Password, StringComparison.Ordinal);
        Assert.True(user.IsActive);
        Assert.False(user.IsStaff);
        Assert.False(user.IsSuperuser);
        Assert.Equal("Alice@example.com", user.Email);
        Assert.Equal("", user["first_name"]);
        Assert.Equal("", user["last_name"]);
        Assert.Equal(Joined.AddTicks(-9), user["date_joined"]);
        Assert.Null(user.LastLogin);
        Assert.Equal(user, await store.FindByUsernameAsync("alice"));

        using var c = db.Open();
        var row = TempDatabase.Rows(c,
            "SELECT typeof(is_active), is_active, is_staff, is_superuser, date_joined, last_login FROM auth_user").Single();
        Assert.Equal(new object?[] { "integer", 1L, 0L, 0L, "2026-11-23 14:06:53.767008", null }, row);
    }

    [Fact]
    public async Task A_superuser_is_staff_too()
    {
        var (db, store) = Create();
        using var _db = db;
        DjangoUser admin = await store.CreateUserAsync("admin", "pw", isSuperuser: true);
        Assert.True(admin.IsSuperuser);
        Assert.True(admin.IsStaff);
        Assert.Equal(1L, db.Scalar("SELECT is_staff FROM auth_user WHERE username = 'admin'"));
    }

    [Fact]
    public async Task Usernames_are_looked_up_case_sensitively()
    {
        var (db, store) = Create();
        using var _db = db;
        await store.CreateUserAsync("alice", "pw", isSuperuser: false);
        Assert.Null(await store.FindByUsernameAsync("Alice"));
        Assert.Null(await store.FindByUsernameAsync("alice "));
        DjangoUser other = await store.CreateUserAsync("Alice", "pw", isSuperuser: false);
        Assert.Equal(2, other.Pk.AsInt64());
        Assert.Equal("Alice", (await store.FindByUsernameAsync("Alice"))!.Username);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData(" 1 ", true)]
    [InlineData("+1", true)]
    [InlineData("2", false)]
    [InlineData("abc", false)]
    [InlineData("1.0", false)]
    [InlineData("", false)]
    [InlineData("99999999999999999999999", false)]
    // Python's int() refuses a NUL (long.TryParse with trailing white space accepted it: issue 16.6)
    // and reads separators and non-ASCII digits.
    [InlineData("1\u0000", false)]
    [InlineData("1\u001c", false)]
    [InlineData("0_1", true)]
    [InlineData("\u0661", true)]
    [InlineData("\u00a01\u3000", true)]
    public async Task Finds_users_by_the_id_text_from_a_token(string id, bool found)
    {
        var (db, store) = Create();
        using var _db = db;
        await store.CreateUserAsync("alice", "pw", isSuperuser: false);
        DjangoUser? user = await store.FindByFieldAsync("id", id);
        Assert.Equal(found, user is not null);
        if (found) Assert.Equal("alice", user!.Username);
    }

    [Fact]
    public async Task A_taken_username_is_a_clear_error_also_after_NFKC_normalisation()
    {
        var (db, store) = Create();
        using var _db = db;
        await store.CreateUserAsync("bob", "pw", isSuperuser: false);
        var e = await Assert.ThrowsAsync<DuplicateUsernameException>(() => store.CreateUserAsync("bob", "other", isSuperuser: true).AsTask());
        Assert.Equal("bob", e.Username);
        Assert.Contains("'bob' already exists", e.Message, StringComparison.Ordinal);
        // Full-width letters are NFKC-equal to "bob", as Django's normalize_username makes them.
        await Assert.ThrowsAsync<DuplicateUsernameException>(() => store.CreateUserAsync("\uFF42\uFF4F\uFF42", "pw", isSuperuser: false).AsTask());
        Assert.Equal(1L, db.Scalar("SELECT count(*) FROM auth_user"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateUserAsync("", "pw", isSuperuser: false).AsTask());
    }

    [Fact]
    public async Task Updates_last_login_only()
    {
        var (db, store) = Create();
        using var _db = db;
        DjangoUser user = await store.CreateUserAsync("alice", "pw", isSuperuser: false);
        var login = new DateTimeOffset(2026, 11, 23, 16, 7, 13, TimeSpan.FromHours(2)).AddTicks(1165730);
        await store.UpdateLastLoginAsync(user.Pk, login);
        Assert.Equal("2026-11-23 14:07:13.116573", db.Scalar("SELECT last_login FROM auth_user"));
        DjangoUser after = (await store.FindByFieldAsync("id", "1"))!;
        Assert.Equal(login, after.LastLogin);
        Assert.Equal(user.Fields.Where(f => f.Key != "last_login"), after.Fields.Where(f => f.Key != "last_login"));
        Assert.Equal(login, after["last_login"]);
    }

    [Theory]
    [InlineData("Alice@EXAMPLE.com", "Alice@example.com")]
    [InlineData("  a@B.c  ", "a@b.c")]
    [InlineData("no-at-sign ", "no-at-sign ")]
    [InlineData("", "")]
    public async Task Emails_are_normalised_like_Django(string given, string stored)
    {
        var (db, store) = Create();
        using var _db = db;
        DjangoUser user = await store.CreateUserAsync("u", "pw", isSuperuser: false, given);
        Assert.Equal(stored, user.Email);
        Assert.Equal(stored, db.Scalar("SELECT email FROM auth_user"));
    }
}
