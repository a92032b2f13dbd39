using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Stores;

/// <summary>The stores against databases the real Django wrote, and Django against rows the stores wrote.</summary>
public class DjangoInteropTests
{
    private static string ReactSettings => Path.Combine(SharedDirectory.Oracle, "settings", "react.cors.settings");

    [SkippableFact]
    public async Task Uses_a_database_the_real_Django_migrated_and_used_and_Django_reads_what_we_write()
    {
        Services.RequireDjangoOracle();
        string? dbPath = null;
        try
        {
            string blacklistedJti, liveJti;
            long liveExp;
            await using (OracleServer server = await OracleServer.StartAsync(ReactSettings, keepDatabase: true))
            {
                dbPath = server.DatabasePath;
                using var http = new HttpClient { BaseAddress = server.BaseAddress };
                string refresh1 = await Login(http);
                var blacklist = await http.PostAsync("/api/token/blacklist/", Json(new { refresh = refresh1 }));
                Assert.Equal(200, (int)blacklist.StatusCode);
                string refresh2 = await Login(http);
                blacklistedJti = Claims(refresh1).GetProperty("jti").GetString()!;
                liveJti = Claims(refresh2).GetProperty("jti").GetString()!;
                liveExp = Claims(refresh2).GetProperty("exp").GetInt64();
            }
            string[] before = Schema(dbPath);
            var database = new SqliteDjangoDatabase(dbPath);
            database.EnsureCreated();
            Assert.Equal(before, Schema(dbPath));

            // Django's user, password hash and last_login (react settings: UPDATE_LAST_LOGIN).
            var users = new SqliteUserStore(database, new DjangoPasswordHasher());
            DjangoUser alice = (await users.FindByUsernameAsync("alice"))!;
            Assert.Equal(1, alice.Pk.AsInt64());
            Assert.True(new DjangoPasswordHasher().Verify("wonderland-123", alice.Password));
            Assert.False(new DjangoPasswordHasher().Verify("wonderland-124", alice.Password));
            Assert.True(alice.IsActive);
            Assert.NotNull(alice.LastLogin);
            Assert.InRange(alice.LastLogin!.Value, (DateTimeOffset)alice["date_joined"]!, DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Equal(alice, await users.FindByFieldAsync("id", "1"));

            // Django's blacklist rows.
            var store = new SqliteTokenBlacklistStore(database);
            Assert.True(await store.IsBlacklistedAsync(blacklistedJti));
            Assert.False(await store.IsBlacklistedAsync(liveJti));
            OutstandingToken live = (await store.FindOutstandingAsync(liveJti))!;
            Assert.Equal(DjangoUserKey.FromInt64(1), live.UserId);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(liveExp), live.ExpiresAt);
            Assert.Equal(BlacklistOutcome.AlreadyBlacklisted, await store.TryBlacklistAsync(live with { Jti = blacklistedJti }));
            Assert.Equal(BlacklistOutcome.Blacklisted, await store.TryBlacklistAsync(live));

            // Our writes, read back by Django's ORM and auth backend.
            await users.CreateUserAsync("bob", "builder-456 ünïcode", isSuperuser: true, "Bob@Example.COM");
            var created = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234560);
            await store.RecordOutstandingAsync(new OutstandingToken("ours", "t.o.k", DjangoUserKey.FromInt64(1), created, created.AddDays(7)));
            string django = DjangoDatabaseScript.Run(dbPath, $$"""
                import json
                from django.contrib.auth import authenticate
                from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
                bob = authenticate(username="bob", password="builder-456 ünïcode")
                ours = OutstandingToken.objects.get(jti="ours")
                print(json.dumps(separators=(",", ":"), obj={
                    "bob": [bob.pk, bob.is_superuser, bob.is_staff, bob.is_active, bob.email, bob.date_joined.tzname()] if bob else None,
                    "bob_wrong": authenticate(username="bob", password="builder-457") is not None,
                    "blacklisted": sorted(b.token.jti for b in BlacklistedToken.objects.all()),
                    "ours": [ours.user_id, ours.token, ours.created_at.isoformat(), ours.expires_at.isoformat()],
                }))
                """);
            using var doc = JsonDocument.Parse(django);
            JsonElement root = doc.RootElement;
            Assert.Equal("[2,true,true,true,\"Bob@example.com\",\"UTC\"]", root.GetProperty("bob").GetRawText());
            Assert.False(root.GetProperty("bob_wrong").GetBoolean());
            Assert.Equal(new[] { blacklistedJti, liveJti }.OrderBy(j => j, StringComparer.Ordinal), root.GetProperty("blacklisted").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("[1,\"t.o.k\",\"2026-05-06T07:08:09.123456+00:00\",\"2026-05-13T07:08:09.123456+00:00\"]", root.GetProperty("ours").GetRawText());
        }
        finally
        {
            // serve.sh kept its temp folder for us (ORACLE_KEEP): remove it.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            string? folder = dbPath is null ? null : Path.GetDirectoryName(dbPath);
            if (folder is not null && Path.GetFileName(folder).StartsWith("oracle-serve.", StringComparison.Ordinal)) Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Django_works_on_a_database_we_created_and_flushes_like_we_do()
    {
        Services.RequireDjangoOracle();
        using var db = new TempDatabase();
        db.Database.EnsureCreated();
        var users = new SqliteUserStore(db.Database, new DjangoPasswordHasher());
        var store = new SqliteTokenBlacklistStore(db.Database);
        DjangoUser carol = await users.CreateUserAsync("carol", "pw-carol", isSuperuser: false);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        await store.TryBlacklistAsync(new OutstandingToken("expired", "t1", carol.Pk, now.AddDays(-8), now.AddDays(-1)));
        await store.RecordOutstandingAsync(new OutstandingToken("live", "t2", carol.Pk, now, now.AddDays(1)));

        // Django's own flushexpiredtokens on our file removes the expired token and its blacklist row.
        string django = DjangoDatabaseScript.Run(db.FilePath, """
            import json
            from django.core.management import call_command
            from django.contrib.auth import authenticate
            from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
            call_command("flushexpiredtokens")
            OutstandingToken.objects.create(jti="django-made", token="t3", user=authenticate(username="carol", password="pw-carol"),
                                            created_at=None, expires_at="2030-01-02T03:04:05Z")
            print(json.dumps(separators=(",", ":"), obj=[sorted(OutstandingToken.objects.values_list("jti", flat=True)), BlacklistedToken.objects.count()]))
            """);
        Assert.Equal("[[\"django-made\",\"live\"],0]", django);
        OutstandingToken made = (await store.FindOutstandingAsync("django-made"))!;
        Assert.Equal(new OutstandingToken("django-made", "t3", carol.Pk, null, new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)), made);
    }

    private static async Task<string> Login(HttpClient http)
    {
        var response = await http.PostAsync("/api/token/", Json(new { username = "alice", password = "wonderland-123" }));
        Assert.Equal(200, (int)response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("refresh").GetString()!;
    }

    // Buffered with a Content-Length: Django's runserver does not read chunked request bodies.
    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static JsonElement Claims(string jwt)
    {
        string payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return doc.RootElement.Clone();
    }

    private static string[] Schema(string path)
    {
        using var c = TempDatabase.OpenRaw(path);
        return TempDatabase.Rows(c, "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY rowid")
            .Select(r => (string)r[0]!).ToArray();
    }
}
