using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.UserModels.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Interop;

/// <summary>
/// The claims of a login, live: the same user logs in through Django's runserver (the project's
/// own TOKEN_OBTAIN_SERIALIZER) and through the runtime with the claims the generator translated
/// from that serializer; the refresh and access payloads are the same text once the clock and the
/// jti are masked: same claims, same order, same values and the same JSON escaping.
/// </summary>
public sealed class CustomClaimsLiveTests
{
    public static TheoryData<string> Cases() => new() { "email_uuid", "bigauto_table" };

    // Per project: the login, the password, the other fields (non-ASCII text to see the escaping),
    // and the custom claims the serializer must have added.
    private static readonly Dictionary<string, (string Login, string Password, string[] Fields, string[] Claims)> Users = new()
    {
        ["email_uuid"] = ("Ann@example.com", "pw-ann-123", ["display_name=Ann \u00dcn\u00efc\u00f6de <&> \"q\"", "id=0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90"], ["display_name", "email"]),
        ["bigauto_table"] = ("bob", "pw-bob-456", ["email=bob@example.com", "nickname=Bobby"], ["username", "is_staff", "role", "pk_text"]),
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task A_login_carries_the_serializers_claims_in_djangos_order(string name)
    {
        var project = TestProject.Named(name);
        var (login, password, fields, claims) = Users[name];
        string loginField = project.Model.UsernameField;

        using DjangoProject djangoDb = DjangoProject.OnSqlite(name).Migrate();
        djangoDb.Run(["create-user", "--password", password, loginField + "=" + login, .. fields]);
        using DjangoProject oursDb = DjangoProject.OnSqlite(name).Migrate();
        oursDb.Run(["create-user", "--password", password, loginField + "=" + login, .. fields]);

        var body = new JsonObject { [loginField] = login, ["password"] = password };
        JsonNode django;
        await using (DjangoServer server = djangoDb.StartServer())
        {
            using HttpClient client = server.Client();
            django = await LoginAsync(client, body);
        }
        JsonNode ours;
        await using (var host = await RuntimeHost.StartAsync(project, oursDb))
        {
            ours = await LoginAsync(host.Client, body);
        }

        foreach (string token in new[] { "refresh", "access" })
        {
            string theirs = Masked(django[token]!.GetValue<string>());
            string mine = Masked(ours[token]!.GetValue<string>());
            Assert.Equal(theirs, mine);
            // Not trivially equal: the serializer's claims are there, after simplejwt's.
            int userId = theirs.IndexOf("\"user_id\":", StringComparison.Ordinal);
            Assert.True(userId > 0, theirs);
            foreach (string claim in claims) Assert.True(theirs.IndexOf("\"" + claim + "\":", StringComparison.Ordinal) > userId, claim + " in " + theirs);
        }
    }

    private static async Task<JsonNode> LoginAsync(HttpClient http, JsonObject body)
    {
        using var response = await http.PostAsync("/api/token/", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    // The payload's JSON text as written, with the values that depend on the clock and the jti masked.
    private static string Masked(string token)
    {
        string part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        string json = Encoding.UTF8.GetString(Convert.FromBase64String(part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=')));
        json = Regex.Replace(json, "\"(exp|iat)\":[0-9]+", "\"$1\":<n>");
        return Regex.Replace(json, "\"jti\":\"[0-9a-f]{32}\"", "\"jti\":<jti>");
    }
}
