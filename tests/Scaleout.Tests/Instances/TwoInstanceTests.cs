using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Sample.Tests;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Scaleout.Tests.Instances;

/// <summary>
/// Two processes of the sample behind an imaginary load balancer, sharing one PostgreSQL database
/// chosen by the settings file's DATABASES (ENGINE and the rest read from the environment).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class TwoInstanceTests
{
    private const int Concurrent = 50;
    private const int Rounds = 20;
    private const string Blacklisted = "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}";

    private readonly ServersFixture _servers;
    private readonly ITestOutputHelper _output;

    public TwoInstanceTests(ServersFixture servers, ITestOutputHelper output)
    {
        _servers = servers;
        _output = output;
    }

    internal static Dictionary<string, string?> PostgresEnvironment(ThrowawayPostgres pg, string database) => new()
    {
        ["DJANGO_DB_ENGINE"] = "django.db.backends.postgresql",
        ["DJANGO_DB_NAME"] = database,
        ["DJANGO_DB_USER"] = "postgres",
        ["DJANGO_DB_HOST"] = "127.0.0.1",
        ["DJANGO_DB_PORT"] = pg.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DJANGO_SUPERUSER_USERNAME"] = "alice",
        ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123", ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com",
    };

    [SkippableFact]
    public async Task Fifty_concurrent_refreshes_of_one_token_over_two_instances_give_one_new_pair_twenty_times()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        string database = pg.CreateDatabase();
        var environment = PostgresEnvironment(pg, database);
        await using SampleProcess a = await SampleProcess.StartAsync(environment, null, "--create-superuser-from-env");
        await using SampleProcess b = await SampleProcess.StartAsync(environment);
        var instances = new[] { a.Client, b.Client };

        var login = await b.Client.PostAsJsonAsync("/api/token/", new { username = "alice", password = "wonderland-123" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        string refresh = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh").GetString()!;

        var times = new double[Rounds];
        for (int round = 0; round < Rounds; round++)
        {
            string current = refresh;
            var clock = Stopwatch.StartNew();
            var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(async i =>
            {
                HttpResponseMessage r = await instances[i % 2].PostAsJsonAsync("/api/token/refresh/", new { refresh = current });
                return (Instance: i % 2, Status: r.StatusCode, Body: await r.Content.ReadAsStringAsync());
            }));
            times[round] = clock.Elapsed.TotalMilliseconds;
            var winners = responses.Where(r => r.Status == HttpStatusCode.OK).ToArray();
            Assert.Single(winners);
            Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r =>
            {
                Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
                Assert.Equal(Blacklisted, r.Body);
            });
            // The winner's new refresh token works on the other instance: the next round races on it.
            refresh = JsonDocument.Parse(winners[0].Body).RootElement.GetProperty("refresh").GetString()!;
        }
        Array.Sort(times);
        _output.WriteLine($"two sample instances on one PostgreSQL: {Rounds} rounds x {Concurrent} concurrent refreshes of one token: " +
                          $"exactly one 200 per round, the others 401 Token is blacklisted; round time median {times[Rounds / 2]:F0} ms, max {times[^1]:F0} ms");

        // The last token is good on both instances until one of them blacklists it (logout).
        var logout = await a.Client.PostAsJsonAsync("/api/token/blacklist/", new { refresh });
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        var after = await b.Client.PostAsJsonAsync("/api/token/refresh/", new { refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(Blacklisted, await after.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_blacklist_endpoint_racing_refreshes_on_the_other_instance_lets_exactly_one_through()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        string database = pg.CreateDatabase();
        var environment = PostgresEnvironment(pg, database);
        await using SampleProcess a = await SampleProcess.StartAsync(environment, null, "--create-superuser-from-env");
        await using SampleProcess b = await SampleProcess.StartAsync(environment);
        for (int round = 0; round < 10; round++)
        {
            var login = await a.Client.PostAsJsonAsync("/api/token/", new { username = "alice", password = "wonderland-123" });
            string refresh = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh").GetString()!;
            var calls = Enumerable.Range(0, 20).Select(async i =>
            {
                HttpResponseMessage r = i % 2 == 0
                    ? await a.Client.PostAsJsonAsync("/api/token/blacklist/", new { refresh })
                    : await b.Client.PostAsJsonAsync("/api/token/refresh/", new { refresh });
                return r.StatusCode;
            });
            HttpStatusCode[] statuses = await Task.WhenAll(calls);
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        }
    }
}
