using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using DjangoSettings.Jwt;
using DjangoSettings.UserModels.Tests.Infrastructure;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Tokens;

/// <summary>
/// Tokens minted here for the test projects' users are byte for byte the ones the projects' own
/// serializers mint in Django (fixtures/&lt;project&gt;/tokens.json: same clock, same jti values), for
/// every USER_ID_FIELD recorded: a UUID key as str(uuid), an int key as a number (5.2.2), an
/// e-mail, a username, a CharField key, and the custom claims in the serializers' order.
/// </summary>
public sealed class TokenFixtureTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var project in TestProject.All)
        {
            JsonNode tokens = DjangoProject.FixtureJson(project.Name, "tokens.json");
            foreach (var (idField, _) in tokens["tokens"]!.AsObject()) data.Add(project.Name, idField);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokens_are_byte_identical_to_the_projects_serializer(string name, string idField)
    {
        var project = TestProject.Named(name);
        JsonNode fixture = DjangoProject.FixtureJson(name, "tokens.json");
        var now = DateTimeOffset.FromUnixTimeMilliseconds((long)(fixture["now"]!.GetValue<double>() * 1000));
        string[] jtis = fixture["jti"]!.AsArray().Select(j => j!.GetValue<string>()).ToArray();
        var options = project.Jwt with { UserIdField = idField };
        foreach (JsonNode? entry in fixture["users"]!.AsArray())
        {
            DjangoUser user = FixtureUser.From(project.Model, entry!["row"]!);
            string login = entry["login"]!.GetValue<string>();
            var service = new SimpleJwtTokenService(options, new SimpleJwtTokenCodec(options), new FixedClock(now), new QueuedIds(jtis), blacklist: null);
            var refresh = service.ForUser(TokenType.Refresh, user, now);
            project.Claims?.AddClaims(user, refresh);
            string refreshText = service.Encode(refresh);
            string accessText = service.Encode(service.AccessFromRefresh(refresh, now, now));
            JsonNode expected = fixture["tokens"]![idField]![login]!;
            Assert.Equal(expected["refresh"]!.GetValue<string>(), refreshText);
            Assert.Equal(expected["access"]!.GetValue<string>(), accessText);
        }
    }

    [Fact]
    public void The_user_id_claim_is_typed_as_each_simplejwt_version_writes_it()
    {
        var project = TestProject.BigAutoTable;
        JsonNode fixture = DjangoProject.FixtureJson(project.Name, "tokens.json");
        DjangoUser user = FixtureUser.From(project.Model, fixture["users"]![0]!["row"]!);
        var service522 = new SimpleJwtTokenService(project.Jwt, new SimpleJwtTokenCodec(project.Jwt), TimeProvider.System, new RandomTokenIdGenerator(), null);
        Assert.Equal(1L, service522.UserIdValue(user));
        var options551 = project.Jwt.ForSimpleJwtVersion("5.5.1");
        var service551 = new SimpleJwtTokenService(options551, new SimpleJwtTokenCodec(options551), TimeProvider.System, new RandomTokenIdGenerator(), null);
        Assert.Equal("1", service551.UserIdValue(user));
        DjangoUser ann = FixtureUser.From(TestProject.EmailUuid.Model, DjangoProject.FixtureJson("email_uuid", "tokens.json")["users"]![0]!["row"]!);
        var a = TestProject.EmailUuid.Jwt;
        Assert.Equal("0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90",
            new SimpleJwtTokenService(a, new SimpleJwtTokenCodec(a), TimeProvider.System, new RandomTokenIdGenerator(), null).UserIdValue(ann));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class QueuedIds(params string[] ids) : ITokenIdGenerator
    {
        private readonly Queue<string> _ids = new(ids);

        public string NewId() => _ids.Dequeue();
    }
}
