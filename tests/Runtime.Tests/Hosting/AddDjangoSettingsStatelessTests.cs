using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Drf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Hosting;

/// <summary>
/// simplejwt's JWTStatelessUserAuthentication in DEFAULT_AUTHENTICATION_CLASSES is served: the token is
/// the user, so a token for a user id the database does not have opens an IsAuthenticated view, where
/// JWTAuthentication (the same token, the same database) refuses it with simplejwt's user_not_found.
/// </summary>
public sealed class AddDjangoSettingsStatelessTests : IDisposable
{
    private const string Secret = "drf-stateless-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "djangosettings-drf-stateless-" + Guid.NewGuid().ToString("N"));

    public AddDjangoSettingsStatelessTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned up by the OS.
        }
    }

    [Fact]
    public async Task The_stateless_class_trusts_the_token_and_JWTAuthentication_looks_the_user_up()
    {
        await using var stateless = await StartAsync<DrfStatelessSettings>("stateless");
        Assert.True(stateless.Services.GetRequiredService<SimpleJwtOptions>().StatelessUserAuthentication);
        var (status, body) = await GetItemsAsync(stateless, userId: 4242);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("[{\"id\":1,\"name\":\"item 1\"}", body, StringComparison.Ordinal);

        await using var lookup = await StartAsync<DrfLanguageSettings>("lookup");
        Assert.False(lookup.Services.GetRequiredService<SimpleJwtOptions>().StatelessUserAuthentication);
        var (refusedStatus, refused) = await GetItemsAsync(lookup, userId: 4242);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedStatus);
        Assert.Equal("user_not_found", JsonDocument.Parse(refused).RootElement.GetProperty("code").GetString());
    }

    private async Task<WebApplication> StartAsync<T>(string name)
        where T : class, DjangoSettings.Hosting.IGeneratedDjangoSettings<T>
    {
        string root = Path.Combine(_folder, name);
        Directory.CreateDirectory(root);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DJANGO_SECRET_KEY"] = Secret,
            ["DB_FILE"] = "db.sqlite3",
        });
        builder.AddDjangoSettings<T>();
        var app = builder.Build();
        app.Services.EnsureDjangoDatabase();
        app.UseRouting();
        app.UseSimpleJwtAuthentication();
        OracleViews.Map(app);
        await app.StartAsync();
        return app;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetItemsAsync(WebApplication app, long userId)
    {
        var tokens = app.Services.GetRequiredService<SimpleJwtTokenService>();
        string access = tokens.Encode(tokens.NewToken(TokenType.Access, DateTimeOffset.UtcNow.AddSeconds(-1)).Set("user_id", userId));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var response = await app.GetTestClient().SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
