using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using DjangoSettings.UserModels.Tests.Infrastructure;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Interop;

/// <summary>
/// Each test project on a database the real Django migrated and filled, on SQLite and on
/// PostgreSQL: the runtime opens it as it is, logs users in by the model's login field, its tokens
/// authenticate in Django and Django's here (every user-id spelling Django accepts), and the
/// blacklist rows each side writes are read by the other.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LiveInteropTests
{
    private readonly ServersFixture _servers;

    public LiveInteropTests(ServersFixture servers) => _servers = servers;

    public static TheoryData<string, string> Cases() => new()
    {
        { "email_uuid", "sqlite" }, { "email_uuid", "postgresql" },
        { "bigauto_table", "sqlite" }, { "bigauto_table", "postgresql" },
        { "char_pk", "sqlite" }, { "char_pk", "postgresql" },
    };

    // Per project: the active user (login, password, other fields), an inactive one (null when the
    // model has no is_active), user-id spellings both sides accept, ones both refuse, and ones
    // Django answers with a 500 (refused with a 401 here).
    private static readonly Dictionary<string, (string Login, string Password, string[] Fields, string? Inactive)> Users = new()
    {
        ["email_uuid"] = ("Ann@example.com", "pw-ann-123", ["display_name=Ann"], "Ina@example.com"),
        ["bigauto_table"] = ("bob", "pw-bob-456", ["email=bob@example.com", "nickname=Bobby"], "ina"),
        ["char_pk"] = ("carol", "pw-carol-789", ["full_name=Carol"], null),
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Django_and_the_runtime_share_users_tokens_and_blacklist(string name, string engine)
    {
        var project = TestProject.Named(name);
        var (login, password, fields, inactive) = Users[name];
        using DjangoProject django = (engine == "sqlite" ? DjangoProject.OnSqlite(name) : DjangoProject.OnPostgres(name, _servers.RequirePostgres())).Migrate();
        string loginField = project.Model.UsernameField;
        JsonNode row = django.Run(["create-user", "--password", password, loginField + "=" + login, .. fields]);
        string pk = DjangoProject.Str(row, "pk");
        if (inactive is not null) django.Run(["create-user", "--password", password, loginField + "=" + inactive, .. fields.Select(f => f.Replace("Ann", "Ina", StringComparison.Ordinal)), "--inactive"]);

        await using var host = await RuntimeHost.StartAsync(project, django);
        HttpClient http = host.Client;

        // Login by the model's USERNAME_FIELD, with DRF's errors for that field name.
        var pair = await PostJson(http, "/api/token/", new JsonObject { [loginField] = "  " + login + " ", ["password"] = password });
        Assert.Equal(HttpStatusCode.OK, pair.Status);
        string refresh = DjangoProject.Str(pair.Body!, "refresh");
        string access = DjangoProject.Str(pair.Body!, "access");
        if (loginField != "username")
        {
            var wrongField = await PostJson(http, "/api/token/", new JsonObject { ["username"] = login, ["password"] = password });
            Assert.Equal(HttpStatusCode.BadRequest, wrongField.Status);
            Assert.Equal("{\"" + loginField + "\":[\"This field is required.\"]}", DjangoProject.Compact(wrongField.Body));
        }
        var wrongCase = await PostJson(http, "/api/token/", new JsonObject { [loginField] = login.ToUpperInvariant(), ["password"] = password });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCase.Status);
        if (inactive is not null)
        {
            var refused = await PostJson(http, "/api/token/", new JsonObject { [loginField] = inactive, ["password"] = password });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
            Assert.Equal("{\"detail\":\"No active account found with the given credentials\"}", DjangoProject.Compact(refused.Body));
        }

        // Our tokens in Django, with the custom claims of the project's serializer.
        JsonNode ours = django.Run("authenticate", access);
        Assert.True(ours["ok"]!.GetValue<bool>(), DjangoProject.Compact(ours));
        Assert.Equal(pk, DjangoProject.Str(ours, "pk"));
        Assert.Equal(login, DjangoProject.Str(ours, "login"));

        // Django's tokens here.
        JsonNode minted = django.Run("mint", "--login", login);
        var me = await Get(http, "/api/me/", DjangoProject.Str(minted, "access"));
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(new JsonObject { ["pk"] = pk, ["login"] = login }.ToJsonString(), DjangoProject.Compact(me.Body));

        // Every spelling of the user id: the same verdict on both sides (Django's 500s are 401s here).
        DjangoUser user = (await host.Users.FindByUsernameAsync(login))!;
        foreach (var (value, expectation) in IdSpellings(project, user))
        {
            var claims = host.Tokens.ForUser(TokenType.Access, user, DateTimeOffset.UtcNow.AddSeconds(-1));
            claims.Set(project.Jwt.UserIdClaim, value);
            string token = host.Tokens.Encode(claims);
            var here = await Get(http, "/api/me/", token);
            JsonNode there = django.Run("authenticate", token);
            string what = $"{name}/{engine} user id {PythonJsonWriter.Serialize(value)}";
            switch (expectation)
            {
                case Verdict.Accepted:
                    Assert.True(here.Status == HttpStatusCode.OK, what + ": " + DjangoProject.Compact(here.Body));
                    Assert.True(there["ok"]!.GetValue<bool>(), what + " in Django: " + DjangoProject.Compact(there));
                    Assert.Equal(pk, DjangoProject.Str(there, "pk"));
                    break;
                case Verdict.NotFound:
                    Assert.Equal(HttpStatusCode.Unauthorized, here.Status);
                    Assert.Equal("{\"detail\":\"User not found\",\"code\":\"user_not_found\"}", DjangoProject.Compact(here.Body));
                    Assert.Equal(401, there["status"]!.GetValue<int>());
                    Assert.Equal("User not found", DjangoProject.Str(there["detail"]!, "detail"));
                    break;
                case Verdict.DjangoCrashes:
                    Assert.Equal(HttpStatusCode.Unauthorized, here.Status);
                    Assert.Equal(500, there["status"]!.GetValue<int>());
                    break;
            }
        }

        // Rotation here: Django reads the blacklist and outstanding rows we wrote, keyed by the pk.
        var rotated = await PostJson(http, "/api/token/refresh/", new JsonObject { ["refresh"] = refresh });
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        string newRefresh = DjangoProject.Str(rotated.Body!, "refresh");
        JsonArray rows = django.Run("outstanding").AsArray();
        string oldJti = host.Tokens.JtiOf(Payload(refresh))!;
        JsonNode oldRow = rows.Single(r => DjangoProject.Str(r!, "jti") == oldJti)!;
        Assert.Equal(pk, DjangoProject.Str(oldRow, "user_id"));
        Assert.Equal(login, DjangoProject.Str(oldRow, "user_login"));
        Assert.NotNull(oldRow["blacklisted_at"]);
        JsonNode newRow = rows.Single(r => DjangoProject.Str(r!, "jti") == host.Tokens.JtiOf(Payload(newRefresh)))!;
        Assert.Equal(pk, DjangoProject.Str(newRow, "user_id"));
        Assert.Null(newRow["blacklisted_at"]);
        JsonNode djangoRefresh = django.Run("refresh", refresh);
        Assert.False(djangoRefresh["ok"]!.GetValue<bool>());
        Assert.Equal("Token is blacklisted", DjangoProject.Str(djangoRefresh, "detail"));

        // Django rotates our new refresh token and blacklists it: the runtime sees that row.
        JsonNode djangoRotated = django.Run("refresh", newRefresh);
        Assert.True(djangoRotated["ok"]!.GetValue<bool>(), DjangoProject.Compact(djangoRotated));
        var again = await PostJson(http, "/api/token/refresh/", new JsonObject { ["refresh"] = newRefresh });
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
        Assert.Equal("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}", DjangoProject.Compact(again.Body));
        var viaDjango = await PostJson(http, "/api/token/refresh/", new JsonObject { ["refresh"] = DjangoProject.Str(djangoRotated, "refresh") });
        Assert.Equal(HttpStatusCode.OK, viaDjango.Status);

        // Blacklisting by the view: the row names the user by pk whatever the claim.
        var blacklist = await PostJson(http, "/api/token/blacklist/", new JsonObject { ["refresh"] = DjangoProject.Str(minted, "refresh") });
        Assert.Equal(HttpStatusCode.OK, blacklist.Status);
        JsonNode mintedRow = django.Run("outstanding").AsArray().Single(r => DjangoProject.Str(r!, "jti") == host.Tokens.JtiOf(Payload(DjangoProject.Str(minted, "refresh"))))!;
        Assert.Equal(pk, DjangoProject.Str(mintedRow, "user_id"));
        Assert.NotNull(mintedRow["blacklisted_at"]);
    }

    private enum Verdict
    {
        Accepted,
        NotFound,
        DjangoCrashes,
    }

    private static IEnumerable<(object Value, Verdict Verdict)> IdSpellings(TestProject project, DjangoUser user)
    {
        switch (project.Model.KeyType)
        {
            case DjangoUserKeyType.Uuid:
                Guid g = user.Pk.AsGuid();
                yield return (g.ToString("D"), Verdict.Accepted);
                yield return (g.ToString("D").ToUpperInvariant(), Verdict.Accepted);
                yield return (g.ToString("N"), Verdict.Accepted);
                yield return (g.ToString("B"), Verdict.Accepted);
                yield return ("urn:uuid:" + g.ToString("D"), Verdict.Accepted);
                yield return (Guid.Empty.ToString("D"), Verdict.NotFound);
                yield return (5L, Verdict.NotFound);
                yield return ("not-a-uuid", Verdict.DjangoCrashes);
                yield return (" " + g.ToString("D"), Verdict.DjangoCrashes);
                yield return (12.5, Verdict.DjangoCrashes);
                break;
            case DjangoUserKeyType.String:
                yield return (user.Pk.ToString(), Verdict.Accepted);
                yield return (user.Pk.ToString().ToUpperInvariant(), Verdict.NotFound);
                yield return (42L, Verdict.NotFound);
                break;
            default:
                long id = user.Pk.AsInt64();
                yield return (id, Verdict.Accepted);
                yield return (id.ToString(System.Globalization.CultureInfo.InvariantCulture), Verdict.Accepted);
                yield return (" " + id + " ", Verdict.Accepted);
                yield return ("0" + id, Verdict.Accepted);
                yield return (id + 0.5, Verdict.Accepted);
                yield return (999_999L, Verdict.NotFound);
                yield return ("abc", Verdict.DjangoCrashes);
                yield return ("1\u0000", Verdict.DjangoCrashes);
                break;
        }
    }

    private static TokenPayload Payload(string token)
    {
        string segment = token.Split('.')[1];
        byte[] json = System.Buffers.Text.Base64Url.DecodeFromChars(segment);
        return PythonJsonReader.TryParseObject(json, out var payload) ? payload : throw new InvalidOperationException(token);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostJson(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> Get(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }
}
