using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.UserModels.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Interop;

/// <summary>
/// USER_ID_FIELD set to the login field (<c>'email'</c> on project A, <c>'username'</c> on project B;
/// and the default <c>'id'</c>): the same conversation with Django's runserver and with the runtime
/// gives the same status codes and bodies (tokens masked), from login through /api/me/, refresh with
/// rotation, verify and blacklist.
/// </summary>
public sealed class UserIdFieldEndToEndTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "email_uuid", "email" },
        { "email_uuid", "id" },
        { "bigauto_table", "username" },
        { "bigauto_table", "id" },
    };

    private static readonly Dictionary<string, (string Login, string Password, string[] Fields)> Users = new()
    {
        ["email_uuid"] = ("Ann@example.com", "pw-ann-123", ["display_name=Ann", "id=0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90"]),
        ["bigauto_table"] = ("bob", "pw-bob-456", ["email=bob@example.com"]),
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task The_conversation_is_the_same_as_with_Django(string name, string userIdField)
    {
        var project = TestProject.Named(name);
        var (login, password, fields) = Users[name];
        var settings = new Dictionary<string, string> { ["DJ_USER_ID_FIELD"] = userIdField };
        string loginField = project.Model.UsernameField;

        using DjangoProject djangoDb = DjangoProject.OnSqlite(name, settings).Migrate();
        djangoDb.Run(["create-user", "--password", password, loginField + "=" + login, .. fields]);
        using DjangoProject oursDb = DjangoProject.OnSqlite(name, settings).Migrate();
        oursDb.Run(["create-user", "--password", password, loginField + "=" + login, .. fields]);

        List<string> django;
        await using (DjangoServer server = djangoDb.StartServer())
        {
            using HttpClient client = server.Client();
            django = await Conversation(client, loginField, login, password);
        }
        List<string> ours;
        await using (var host = await RuntimeHost.StartAsync(project, oursDb, o => o with { UserIdField = userIdField }))
        {
            ours = await Conversation(host.Client, loginField, login, password);
        }
        Assert.Equal(django, ours);
        // The conversation is not trivially equal: it logs in, refreshes and gets refused.
        Assert.Contains(django, line => line.StartsWith("200 GET /api/me/", StringComparison.Ordinal));
        Assert.Contains(django, line => line.Contains("Token is blacklisted", StringComparison.Ordinal));
    }

    private static async Task<List<string>> Conversation(HttpClient http, string loginField, string login, string password)
    {
        var log = new List<string>();
        JsonNode? pair = await Send(http, log, HttpMethod.Post, "/api/token/", new JsonObject { [loginField] = login, ["password"] = password });
        string refresh = pair!["refresh"]!.GetValue<string>();
        string access = pair["access"]!.GetValue<string>();
        await Send(http, log, HttpMethod.Post, "/api/token/", new JsonObject { [loginField] = login, ["password"] = password + "x" });
        await Send(http, log, HttpMethod.Post, "/api/token/", new JsonObject { ["password"] = password });
        await Send(http, log, HttpMethod.Get, "/api/me/", null, access);
        await Send(http, log, HttpMethod.Post, "/api/token/verify/", new JsonObject { ["token"] = access });
        JsonNode? rotated = await Send(http, log, HttpMethod.Post, "/api/token/refresh/", new JsonObject { ["refresh"] = refresh });
        string newRefresh = rotated!["refresh"]!.GetValue<string>();
        await Send(http, log, HttpMethod.Get, "/api/me/", null, rotated["access"]!.GetValue<string>());
        await Send(http, log, HttpMethod.Post, "/api/token/refresh/", new JsonObject { ["refresh"] = refresh });
        await Send(http, log, HttpMethod.Post, "/api/token/verify/", new JsonObject { ["token"] = refresh });
        await Send(http, log, HttpMethod.Post, "/api/token/blacklist/", new JsonObject { ["refresh"] = newRefresh });
        await Send(http, log, HttpMethod.Post, "/api/token/refresh/", new JsonObject { ["refresh"] = newRefresh });
        await Send(http, log, HttpMethod.Get, "/api/me/", null, refresh);
        await Send(http, log, HttpMethod.Get, "/api/me/", null, "not-a-token");
        return log;
    }

    private static async Task<JsonNode?> Send(HttpClient http, List<string> log, HttpMethod method, string path, JsonObject? body, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        string www = response.Headers.WwwAuthenticate.ToString();
        // Tokens differ between runs (jti, clock): compare their place, not their bytes.
        string masked = Regex.Replace(text, "eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+", "<jwt>");
        log.Add($"{(int)response.StatusCode} {method} {path} {masked} www-authenticate={www}");
        return text.Length > 0 ? JsonNode.Parse(text) : null;
    }
}
