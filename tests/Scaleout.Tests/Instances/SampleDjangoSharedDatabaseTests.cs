using System;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Sample.Tests;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.Instances;

/// <summary>The sample and the real Django on one PostgreSQL database: a blacklisting on either side holds on the other.</summary>
[Collection(ServersCollection.Name)]
public sealed class SampleDjangoSharedDatabaseTests
{
    private readonly ServersFixture _servers;

    public SampleDjangoSharedDatabaseTests(ServersFixture servers) => _servers = servers;

    private static string JtiOf(string token)
    {
        string part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement.GetProperty("jti").GetString()!;
    }

    [SkippableFact]
    public async Task A_token_Django_blacklists_is_refused_by_the_sample_and_a_token_the_sample_blacklists_is_blacklisted_for_Django()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        DjangoOnPostgres.Require();
        string database = pg.CreateDatabase();
        // Django migrated the database first (the migration order docs/scale-out.md asks for).
        DjangoOnPostgres.Migrate(pg.Port, database);
        await using SampleProcess sample = await SampleProcess.StartAsync(TwoInstanceTests.PostgresEnvironment(pg, database), null, "--create-superuser-from-env");

        async Task<string> LoginAsync()
        {
            var login = await sample.Client.PostAsJsonAsync("/api/token/", new { username = "alice", password = "wonderland-123" });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh").GetString()!;
        }

        // Django's side of blacklist(): the outstanding row the sample recorded, then a BlacklistedToken for it.
        string first = await LoginAsync();
        string djangoSays = DjangoOnPostgres.Script(pg.Port, database,
            "from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken\n" +
            $"o = OutstandingToken.objects.get(jti='{JtiOf(first)}')\n" +
            "BlacklistedToken.objects.get_or_create(token=o)\n" +
            "print(o.user.username)");
        Assert.Equal("alice", djangoSays);
        var refused = await sample.Client.PostAsJsonAsync("/api/token/refresh/", new { refresh = first });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", await refused.Content.ReadAsStringAsync());

        // The other way: the sample logs out, Django's check sees the blacklist row.
        string second = await LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await sample.Client.PostAsJsonAsync("/api/token/blacklist/", new { refresh = second })).StatusCode);
        string check = DjangoOnPostgres.Script(pg.Port, database,
            "from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken\n" +
            $"print(BlacklistedToken.objects.filter(token__jti='{JtiOf(second)}').exists(), BlacklistedToken.objects.count())");
        Assert.Equal("True 2", check);
    }
}
