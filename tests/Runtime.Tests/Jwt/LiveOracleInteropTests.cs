using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// Over HTTP, side by side with the real Django server (serve.sh, same SIMPLE_JWT and secret):
/// a login at either side gives tokens the other side's protected view and refresh view accept.
/// </summary>
public class LiveOracleInteropTests
{
    [SkippableFact]
    public async Task Tokens_from_either_server_work_on_the_other()
    {
        Services.RequireDjangoOracle();
        await using var django = await OracleServer.StartAsync(RecordedExchange.FixturePath("oracle.settings"));
        using var http = new HttpClient { BaseAddress = django.BaseAddress };
        await using var ours = await JwtTestHost.StartAsync(JwtEndpointOracleTests.OracleOptions);

        var (djangoAccess, djangoRefresh) = await LoginAsync(http);
        var (ourAccess, ourRefresh) = await JwtEndpointTests.LoginAsync(ours.Client);

        Assert.Equal("{\"id\":1,\"username\":\"alice\"}", await MeAsync(ours.Client, djangoAccess));
        Assert.Equal("{\"id\":1,\"username\":\"alice\"}", await MeAsync(http, ourAccess));

        // Refresh across: each side rotates the other's refresh token and blacklists it in its own store.
        var (status, body, _) = await JwtEndpointTests.PostAsync(ours.Client, "/api/token/refresh/", new { refresh = djangoRefresh });
        Assert.Equal(HttpStatusCode.OK, status);
        string rotatedByUs = JsonDocument.Parse(body).RootElement.GetProperty("refresh").GetString()!;
        var (djangoStatus, djangoBody, _) = await JwtEndpointTests.PostAsync(http, "/api/token/refresh/", new { refresh = ourRefresh });
        Assert.Equal(HttpStatusCode.OK, djangoStatus);
        string access2 = JsonDocument.Parse(djangoBody).RootElement.GetProperty("access").GetString()!;
        Assert.Equal("{\"id\":1,\"username\":\"alice\"}", await MeAsync(ours.Client, access2));
        Assert.Equal(HttpStatusCode.OK, (await JwtEndpointTests.PostAsync(http, "/api/token/verify/", new { token = rotatedByUs })).Status);
        var replay = await JwtEndpointTests.PostAsync(http, "/api/token/refresh/", new { refresh = ourRefresh });
        Assert.Equal("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", replay.Body);
    }

    private static async Task<(string Access, string Refresh)> LoginAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/token/", new StringContent("{\"username\":\"alice\",\"password\":\"wonderland-123\"}", Encoding.UTF8, "application/json"));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (doc.RootElement.GetProperty("access").GetString()!, doc.RootElement.GetProperty("refresh").GetString()!);
    }

    private static async Task<string> MeAsync(HttpClient client, string access)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + access);
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
