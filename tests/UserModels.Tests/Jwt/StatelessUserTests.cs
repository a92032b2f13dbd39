using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.UserModels.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Jwt;

/// <summary>
/// JWTStatelessUserAuthentication: a .NET service beside the Django monolith, with no user store at
/// all, trusts its tokens; the request's user is simplejwt's TokenUser (id with the claim's JSON type,
/// username / is_staff from claims, custom claims readable), as Django's own stateless authenticator
/// builds it from the same tokens.
/// </summary>
public sealed class StatelessUserTests
{
    [SkippableTheory]
    [InlineData("email_uuid")]
    [InlineData("bigauto_table")]
    public async Task The_token_user_is_the_one_Django_builds(string name)
    {
        var project = TestProject.Named(name);
        using DjangoProject django = DjangoProject.OnSqlite(name).Migrate();
        string login = name == "email_uuid" ? "Ann@example.com" : "bob";
        django.Run(name == "email_uuid"
            ? ["create-user", "--password", "pw", "email=" + login, "display_name=Ann", "--superuser"]
            : ["create-user", "--password", "pw", "username=" + login, "email=b@example.com"]);
        string access = DjangoProject.Str(django.Run("mint", "--login", login), "access");
        JsonNode expected = django.Run("authenticate", "--stateless", access);
        Assert.True(expected["ok"]!.GetValue<bool>(), expected.ToJsonString());

        await using var app = await StartAsync(project.Jwt with { StatelessUserAuthentication = true });
        var (status, body) = await Get(app.GetTestClient(), access);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected["id"]!.ToJsonString(), body!["id"]!.ToJsonString());
        Assert.Equal(DjangoProject.Str(expected, "username"), DjangoProject.Str(body, "username"));
        Assert.Equal(expected["is_staff"]!.GetValue<bool>(), body["is_staff"]!.GetValue<bool>());
        Assert.Equal(expected["is_superuser"]!.GetValue<bool>(), body["is_superuser"]!.GetValue<bool>());
        Assert.True(body["is_token_user"]!.GetValue<bool>());
        if (name == "email_uuid") Assert.Equal("Ann", DjangoProject.Str(body, "display_name"));

        // A token without the user id claim: the same refusal as Django's.
        var service = app.Services.GetRequiredService<SimpleJwtTokenService>();
        var claims = service.NewToken(TokenType.Access, DateTimeOffset.UtcNow.AddSeconds(-1));
        string anonymous = service.Encode(claims);
        JsonNode djangoRefusal = django.Run("authenticate", "--stateless", anonymous);
        var (refusedStatus, refused) = await Get(app.GetTestClient(), anonymous);
        Assert.Equal(401, (int)refusedStatus);
        Assert.Equal(djangoRefusal["status"]!.GetValue<int>(), (int)refusedStatus);
        Assert.Equal(DjangoProject.Str(djangoRefusal["detail"]!, "detail"), DjangoProject.Str(refused!, "detail"));
    }

    [Fact]
    public async Task A_database_user_lookup_needs_a_store_and_says_so()
    {
        await using var app = await StartAsync(SimpleJwtOptions.Defaults("secret"));
        var service = app.Services.GetRequiredService<SimpleJwtTokenService>();
        var claims = service.NewToken(TokenType.Access, DateTimeOffset.UtcNow.AddSeconds(-1)).Set("user_id", 1L);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Get(app.GetTestClient(), service.Encode(claims)));
    }

    private static async Task<WebApplication> StartAsync(SimpleJwtOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSimpleJwt(options);
        var app = builder.Build();
        app.UseRouting();
        app.UseSimpleJwtAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami/", (HttpContext context) =>
        {
            var user = context.GetSimpleJwt()!.User;
            var body = new TokenClaimsBuilder()
                .Set("id", user.Pk.Value)
                .Set("username", user.Username)
                .Set("is_staff", user.IsStaff)
                .Set("is_superuser", user.IsSuperuser)
                .Set("is_token_user", user.IsTokenUser)
                .Set("display_name", user["display_name"]);
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(PythonJsonWriter.Serialize(body), Encoding.UTF8);
        }).RequireAuthorization();
        await app.StartAsync();
        return app;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> Get(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }
}
