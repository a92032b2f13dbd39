using System;
using System.Threading.Tasks;
using DjangoSettings.PostgreSql;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.PostgreSql;

/// <summary>The real Django (oracle) and our stores on one shared PostgreSQL database.</summary>
[Collection(ServersCollection.Name)]
public sealed class DjangoPostgresInteropTests
{
    private readonly ServersFixture _servers;

    public DjangoPostgresInteropTests(ServersFixture servers) => _servers = servers;

    [SkippableFact]
    public async Task A_token_Django_blacklisted_is_blacklisted_for_us_and_Djangos_user_logs_in_here()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        DjangoOnPostgres.Require();
        string name = pg.CreateDatabase();
        DjangoOnPostgres.Migrate(pg.Port, name);
        string jti = DjangoOnPostgres.Script(pg.Port, name,
            "from django.contrib.auth.models import User\n" +
            "from rest_framework_simplejwt.tokens import RefreshToken\n" +
            "u = User.objects.create_user('bob', password='builder-123')\n" +
            "t = RefreshToken.for_user(u)\n" +
            "t.blacklist()\n" +
            "print(t['jti'])");

        using var db = new PostgreSqlDjangoDatabase(pg.ConnectionString(name));
        db.EnsureCreated();
        var store = new PostgreSqlTokenBlacklistStore(db);
        Assert.True(await store.IsBlacklistedAsync(jti));
        Assert.Equal(BlacklistOutcome.AlreadyBlacklisted, await store.TryBlacklistAsync(new OutstandingToken(jti, "x", null, null, DateTimeOffset.UtcNow.AddDays(1))));
        OutstandingToken row = (await store.FindOutstandingAsync(jti))!;

        var users = new PostgreSqlUserStore(db, new DjangoPasswordHasher());
        DjangoUser bob = (await users.FindByUsernameAsync("bob"))!;
        Assert.Equal(bob.Pk, row.UserId);
        Assert.True(new DjangoPasswordHasher().Verify("builder-123", bob.Password));
    }

    [SkippableFact]
    public async Task A_token_we_blacklisted_is_blacklisted_for_Django_and_our_rows_read_back_in_its_ORM()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        DjangoOnPostgres.Require();
        string name = pg.CreateDatabase();
        DjangoOnPostgres.Migrate(pg.Port, name);
        using var db = new PostgreSqlDjangoDatabase(pg.ConnectionString(name));
        db.EnsureCreated();
        var users = new PostgreSqlUserStore(db, new DjangoPasswordHasher(iterations: 1000));
        DjangoUser carol = await users.CreateUserAsync("carol", "secret-456", isSuperuser: true);
        var store = new PostgreSqlTokenBlacklistStore(db);
        var issued = new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero).AddTicks(1234560);
        Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(new OutstandingToken("ours-1", "a.b.c", carol.Pk, issued, issued.AddDays(1))));
        await store.RecordOutstandingAsync(new OutstandingToken("ours-2", "d.e.f", carol.Pk, issued, issued.AddDays(1)));

        string answer = DjangoOnPostgres.Script(pg.Port, name,
            "from django.contrib.auth import authenticate\n" +
            "from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken\n" +
            "o = OutstandingToken.objects.get(jti='ours-1')\n" +
            "print(BlacklistedToken.objects.filter(token__jti='ours-1').exists(), BlacklistedToken.objects.filter(token__jti='ours-2').exists(), " +
            "o.user.username, o.created_at.isoformat(), o.expires_at.isoformat(), authenticate(username='carol', password='secret-456') is not None)");
        Assert.Equal("True False carol 2026-11-23T15:00:00.123456+00:00 2026-11-24T15:00:00.123456+00:00 True", answer);
    }
}
