using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Sample.Tests;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.Instances;

/// <summary>
/// The token store goes down under a running sample (tokens in Redis, users in SQLite): the token
/// endpoints answer a documented 503, access tokens keep authenticating, and all recovers.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class StoreFaultTests
{
    private const string Unavailable = "{\"detail\":\"Token store unavailable, try again later.\",\"code\":\"store_unavailable\"}";

    private readonly ServersFixture _servers;

    public StoreFaultTests(ServersFixture servers) => _servers = servers;

    [SkippableFact]
    public async Task Redis_down_gives_503_on_token_endpoints_access_tokens_still_work_and_it_recovers()
    {
        _servers.RequireRedis();
        using ThrowawayRedis redis = ThrowawayRedis.Start();
        var environment = new Dictionary<string, string?>
        {
            ["DJANGO_TOKEN_REDIS"] = redis.Configuration,
            ["DJANGO_SUPERUSER_USERNAME"] = "alice",
            ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123", ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com",
        };
        await using SampleProcess sample = await SampleProcess.StartAsync(environment, null, "--create-superuser-from-env");
        HttpClient http = sample.Client;
        var pair = await (await http.PostAsJsonAsync("/api/token/", new { username = "alice", password = "wonderland-123" })).Content.ReadFromJsonAsync<JsonElement>();
        string access = pair.GetProperty("access").GetString()!;
        string refresh = pair.GetProperty("refresh").GetString()!;

        redis.StopServer();
        foreach (var (path, body) in new (string, object)[]
        {
            ("/api/token/refresh/", new { refresh }),
            ("/api/token/blacklist/", new { refresh }),
            ("/api/token/verify/", new { token = refresh }),
            // Login must not hand out a refresh token whose outstanding record was not written.
            ("/api/token/", new { username = "alice", password = "wonderland-123" }),
        })
        {
            HttpResponseMessage down = await http.PostAsJsonAsync(path, body);
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {down.StatusCode}");
            Assert.Equal(Unavailable, await down.Content.ReadAsStringAsync());
            Assert.Equal("1", down.Headers.RetryAfter?.ToString());
        }
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        me.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        HttpResponseMessage meResponse = await http.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, meResponse.StatusCode);
        Assert.Equal("{\"id\":1,\"username\":\"alice\"}", await meResponse.Content.ReadAsStringAsync());

        redis.StartServer();
        HttpResponseMessage? back = null;
        for (int attempt = 0; attempt < 50; attempt++)
        {
            back = await http.PostAsJsonAsync("/api/token/refresh/", new { refresh });
            if (back.StatusCode != HttpStatusCode.ServiceUnavailable) break;
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, back!.StatusCode);
        var replay = await http.PostAsJsonAsync("/api/token/refresh/", new { refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [SkippableFact]
    public async Task PostgreSql_down_gives_503_on_token_endpoints_and_authenticated_views_and_it_recovers()
    {
        _servers.RequirePostgres();
        using ThrowawayPostgres pg = ThrowawayPostgres.Start();
        string database = pg.CreateDatabase();
        await using SampleProcess sample = await SampleProcess.StartAsync(TwoInstanceTests.PostgresEnvironment(pg, database), null, "--create-superuser-from-env");
        HttpClient http = sample.Client;
        var pair = await (await http.PostAsJsonAsync("/api/token/", new { username = "alice", password = "wonderland-123" })).Content.ReadFromJsonAsync<JsonElement>();
        string access = pair.GetProperty("access").GetString()!;
        string refresh = pair.GetProperty("refresh").GetString()!;

        pg.StopServer();
        HttpResponseMessage down = await http.PostAsJsonAsync("/api/token/refresh/", new { refresh });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(Unavailable, await down.Content.ReadAsStringAsync());
        // Users live in PostgreSQL too: authenticating an access token loads the user, so it waits for the database (503, not 500).
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        me.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        HttpResponseMessage meDown = await http.SendAsync(me);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, meDown.StatusCode);
        Assert.Equal(Unavailable, await meDown.Content.ReadAsStringAsync());

        pg.StartServer();
        HttpResponseMessage? back = null;
        for (int attempt = 0; attempt < 50; attempt++)
        {
            back = await http.PostAsJsonAsync("/api/token/refresh/", new { refresh });
            if (back.StatusCode != HttpStatusCode.ServiceUnavailable) break;
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, back!.StatusCode);
        var replay = await http.PostAsJsonAsync("/api/token/refresh/", new { refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }
}
