using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// Per-endpoint authentication on the DRF view shell, the ASP.NET Core way: an endpoint's
/// <c>WithDrfAuthentication(schemes)</c> replaces DEFAULT_AUTHENTICATION_CLASSES for that view only,
/// inside the view (after negotiation), and the project-wide authentication step leaves shell
/// endpoints alone (one authentication per request).
/// </summary>
public class DrfEndpointAuthenticationTests
{
    private const string SecretKey = "drf-endpoint-auth-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    // Project default: BasicAuthentication only; /jwt/ names the SimpleJwt scheme, /default/ keeps the default.
    private static readonly RestFrameworkSettings BasicOnly = new()
    {
        DefaultAuthenticationClasses = [DrfClassNames.BasicAuthentication],
        DefaultPermissionClasses = [DrfClassNames.IsAuthenticated],
        DefaultRendererClasses = [DrfClassNames.JsonRenderer],
    };

    private static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app)
    {
        DrfView Me(string name) => new DrfViewBuilder(name)
            .Get(request => ValueTask.FromResult(DrfResponse.Ok(new TokenClaimsBuilderShim(request.User.Identity!.Name!).Body)))
            .Build();
        app.MapDrfView("/jwt/", Me("JwtView")).WithDrfAuthentication(DjangoSettings.Jwt.SimpleJwtDefaults.AuthenticationScheme);
        app.MapDrfView("/default/", Me("DefaultView")).WithDrfAuthentication();
        app.MapDrfView("/plain/", Me("PlainView"));
    }

    private sealed class TokenClaimsBuilderShim(string name)
    {
        public DjangoSettings.Jwt.TokenClaimsBuilder Body { get; } = new DjangoSettings.Jwt.TokenClaimsBuilder().Set("username", name);
    }

    [Fact]
    public async Task WithDrfAuthentication_replaces_the_default_classes_for_that_view_only()
    {
        await using var host = await DrfTestHost.StartAsync(BasicOnly, SecretKey, map: Map);
        string access = await AccessTokenAsync(host.Client);
        var basic = new AuthenticationHeaderValue("Basic", System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("alice:wonderland-123")));
        var bearer = new AuthenticationHeaderValue("Bearer", access);

        // /jwt/: the SimpleJwt scheme; Basic credentials are not read there, and the 401 names Bearer.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host.Client, "/jwt/", bearer)).StatusCode);
        var refused = await GetAsync(host.Client, "/jwt/", basic);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer realm=\"api\"", refused.Headers.WwwAuthenticate.ToString());
        Assert.Equal("{\"detail\":\"Authentication credentials were not provided.\"}", await refused.Content.ReadAsStringAsync());

        // /default/ and /plain/: REST_FRAMEWORK's classes (Basic); a bearer token is not read.
        foreach (var path in new[] { "/default/", "/plain/" })
        {
            var ok = await GetAsync(host.Client, path, basic);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("alice", JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("username").GetString());
            var no = await GetAsync(host.Client, path, bearer);
            Assert.Equal(HttpStatusCode.Unauthorized, no.StatusCode);
            Assert.Equal("Basic realm=\"api\"", no.Headers.WwwAuthenticate.ToString());
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, AuthenticationHeaderValue auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        return await client.SendAsync(request);
    }

    private static async Task<string> AccessTokenAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/token/", new StringContent("{\"username\":\"alice\",\"password\":\"wonderland-123\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access").GetString()!;
    }
}
