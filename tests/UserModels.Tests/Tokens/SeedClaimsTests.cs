using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.UserModels.Tests.Infrastructure;
using DjangoSettings.UserModels.Tests.Models;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Tokens;

/// <summary>
/// The seed backend's custom claim, end to end: the sample's settings file (compiled here as
/// <see cref="SeedSettings"/>, its seed/serializers.py translated by the generator) wired with
/// <c>AddDjangoSettings</c>, a login through the obtain-pair endpoint with the clock and the jti
/// fixed, and the token pair is byte for byte the one the oracle's Django mints with the seed's
/// serializer on the same settings (fixtures/seed/tokens.json, record_seed_tokens.py).
/// </summary>
public sealed class SeedClaimsTests
{
    private static JsonNode Fixture() => JsonNode.Parse(DjangoProject.Fixture("seed", "tokens.json"))!;

    [Fact]
    public async Task The_sample_settings_mint_the_seed_serializers_tokens_byte_for_byte()
    {
        var fixture = Fixture();
        var (status, body) = await LoginAsync(fixture, configure: null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fixture["refresh"]!.GetValue<string>(), body["refresh"]!.GetValue<string>());
        Assert.Equal(fixture["access"]!.GetValue<string>(), body["access"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_claims_provider_the_application_registers_wins_over_the_translated_one()
    {
        var fixture = Fixture();
        var (status, body) = await LoginAsync(fixture, services => services.AddSingleton<ISimpleJwtClaimsProvider>(new Constant("tenant", "acme")));
        Assert.Equal(HttpStatusCode.OK, status);
        string payload = Payload(body["access"]!.GetValue<string>());
        Assert.EndsWith(",\"user_id\":1,\"tenant\":\"acme\"}", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("username", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_and_short_names_are_abstract_users()
    {
        var names = Fixture()["names"]!.AsArray();
        Assert.True(names.Count >= 5);
        foreach (JsonNode? entry in names)
        {
            var fields = new Dictionary<string, object?>
            {
                ["first_name"] = entry!["first_name"]!.GetValue<string>(),
                ["last_name"] = entry["last_name"]!.GetValue<string>(),
            };
            var user = new DjangoUser { Pk = DjangoUserKey.FromInt64(1), Username = "u", Fields = fields };
            Assert.Equal(entry["full"]!.GetValue<string>(), DjangoClaimValues.FullName(user));
            Assert.Equal(entry["short"]!.GetValue<string>(), DjangoClaimValues.ShortName(user));
        }
    }

    [Fact]
    public void Str_is_pythons_text_of_a_field()
    {
        var user = new DjangoUser
        {
            Pk = DjangoUserKey.FromInt64(7),
            Username = "u",
            Fields = new Dictionary<string, object?>
            {
                ["id"] = 7L,
                ["is_staff"] = true,
                ["is_active"] = false,
                ["nickname"] = null,
                ["key"] = new Guid("0B0E8F4C-5F6A-4C1D-9E2B-7A3C5D6E8F90"),
            },
        };
        Assert.Equal("7", DjangoClaimValues.Str(user, "id"));
        Assert.Equal("True", DjangoClaimValues.Str(user, "is_staff"));
        Assert.Equal("False", DjangoClaimValues.Str(user, "is_active"));
        Assert.Equal("None", DjangoClaimValues.Str(user, "nickname"));
        Assert.Equal("0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90", DjangoClaimValues.Str(user, "key"));
        Assert.Equal(7L, DjangoClaimValues.Field(user, "id"));
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> LoginAsync(JsonNode fixture, Action<IServiceCollection>? configure)
    {
        string folder = Path.Combine(Path.GetTempPath(), "seed-claims-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var now = DateTimeOffset.FromUnixTimeMilliseconds((long)(fixture["now"]!.GetValue<double>() * 1000));
            string[] jtis = fixture["jti"]!.AsArray().Select(j => j!.GetValue<string>()).ToArray();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            // What the sample reads from its environment: the secret Django signed with, a throwaway database.
            builder.Configuration["DJANGO_SECRET_KEY"] = fixture["secret"]!.GetValue<string>();
            builder.Configuration["DJANGO_DB_NAME"] = Path.Combine(folder, "db.sqlite3");
            builder.Services.AddSingleton<TimeProvider>(new FixedClock(now));
            builder.Services.AddSingleton<ITokenIdGenerator>(new QueuedIds(jtis));
            configure?.Invoke(builder.Services);
            builder.AddDjangoSettings<SeedSettings>();
            // The Django that recorded the fixture runs Debian's simplejwt 5.2.2 (user_id as a number):
            // the options the settings give, with that version's behaviour (the last registration wins).
            builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SimpleJwtOptions>>().Value.ForSimpleJwtVersion("5.2.2"));
            await using var app = builder.Build();
            // The file-only note that the serializer is not translated (DJS0116) is not logged: it was.
            var report = app.Services.GetRequiredService<DjangoSettings.Hosting.DjangoSettingsStartupReport>();
            Assert.DoesNotContain(report.Warnings, w => w.Contains("DJS0116", StringComparison.Ordinal));
            app.Services.EnsureDjangoDatabase();
            var user = fixture["user"]!;
            var created = await app.Services.GetRequiredService<IUserStore>().CreateUserAsync(
                user["username"]!.GetValue<string>(), user["password"]!.GetValue<string>(), isSuperuser: false, user["email"]!.GetValue<string>());
            Assert.Equal(user["id"]!.GetValue<long>(), created.Pk.AsInt64());
            app.UseRouting();
            app.UseSimpleJwtAuthentication();
            app.MapSimpleJwt("/api/token");
            await app.StartAsync();
            using HttpClient client = app.GetTestClient();
            string login = new JsonObject { ["username"] = user["username"]!.GetValue<string>(), ["password"] = user["password"]!.GetValue<string>() }.ToJsonString();
            using var response = await client.PostAsync("/api/token/", new StringContent(login, Encoding.UTF8, "application/json"));
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            await app.StopAsync();
            return (response.StatusCode, body);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Payload(string token)
    {
        string part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=')));
    }

    private sealed class Constant(string name, string value) : ISimpleJwtClaimsProvider
    {
        public void AddClaims(DjangoUser user, TokenClaimsBuilder claims) => claims.Set(name, value);
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
