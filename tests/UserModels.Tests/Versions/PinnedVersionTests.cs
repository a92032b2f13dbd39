using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DjangoSettings.Hosting;
using DjangoSettings.Jwt;
using DjangoSettings.UserModels.Tests.Infrastructure;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Versions;

/// <summary>
/// Each behaviour switch of simplejwt, observed through the generated wiring of a project whose
/// requirements.txt pins a release on each side of it (Versions/Projects): the build reads the pin,
/// AddDjangoSettings applies it. The expected behaviour per release: the user id claim as Django
/// 5.2.2 wrote it in the recorded fixture (bigauto_table/tokens.json) and, for 5.5.0/5.5.1, as
/// spec/user-models.md §3.4 and §8.6 record it (observed on each tag); the message and the refresh
/// iat as spec/jwt.md records them ("Version deltas", error table).
/// </summary>
public sealed class PinnedVersionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static CompiledDjangoSettings<T> Compiled<T>() where T : class, IGeneratedDjangoSettings<T> => T.CompiledSettings;

    private static SimpleJwtTokenService Service<T>(Action<IServiceCollection>? configure = null)
        where T : class, IGeneratedDjangoSettings<T>
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.AddDjangoSettings<T>();
        configure?.Invoke(builder.Services);
        var services = builder.Build().Services;
        return services.GetRequiredService<SimpleJwtTokenService>();
    }

    // Bob of project B (integer key 1), as Django stored him.
    private static DjangoUser Bob()
        => FixtureUser.From(TestProject.BigAutoTable.Model, DjangoProject.FixtureJson("bigauto_table", "tokens.json")["users"]![0]!["row"]!);

    private static JsonNode Payload(string token)
    {
        string part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '='))))!;
    }

    private static JsonValueKind UserIdKind(SimpleJwtTokenService service)
        => Payload(service.Encode(service.ForUser(TokenType.Access, Bob(), Now)))["user_id"]!.GetValueKind();

    [Fact]
    public void The_build_hands_each_pin_to_the_wiring()
    {
        Assert.Equal(("5.2.2", "requirements.txt(2)"), (Compiled<Pinned522Settings>().SimpleJwtVersion, Compiled<Pinned522Settings>().SimpleJwtVersionSource));
        Assert.Equal("5.4.0", Compiled<Pinned540Settings>().SimpleJwtVersion);
        Assert.Equal("5.5.0", Compiled<Pinned550Settings>().SimpleJwtVersion);
        Assert.Equal("5.5.1", Compiled<Pinned551Settings>().SimpleJwtVersion);
        Assert.Equal("5.2.2", Service<Pinned522Settings>().Options.SimpleJwtVersion);
    }

    [Fact]
    public void User_id_of_an_integer_key_is_a_number_up_to_5_5_0_and_a_string_from_5_5_1()
    {
        // What Django 5.2.2 wrote for Bob, recorded.
        string recorded = DjangoProject.FixtureJson("bigauto_table", "tokens.json")["tokens"]!["id"]!["bob"]!["access"]!.GetValue<string>();
        Assert.Equal(JsonValueKind.Number, Payload(recorded)["user_id"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, UserIdKind(Service<Pinned522Settings>()));
        Assert.Equal(JsonValueKind.Number, UserIdKind(Service<Pinned550Settings>()));
        var s551 = Service<Pinned551Settings>();
        Assert.Equal(JsonValueKind.String, UserIdKind(s551));
        Assert.Equal("1", Payload(s551.Encode(s551.ForUser(TokenType.Access, Bob(), Now)))["user_id"]!.GetValue<string>());
    }

    [Fact]
    public void Expired_token_message_is_combined_up_to_5_4_0_and_split_from_5_5_0()
    {
        foreach (var (service, expected) in new[]
        {
            (Service<Pinned522Settings>(), "Token is invalid or expired"),
            (Service<Pinned540Settings>(), "Token is invalid or expired"),
            (Service<Pinned550Settings>(), "Token is expired"),
            (Service<Pinned551Settings>(), "Token is expired"),
        })
        {
            string expired = service.Encode(service.ForUser(TokenType.Access, Bob(), Now - TimeSpan.FromHours(1)));
            Assert.Equal(expected, service.ValidateWithoutBlacklist(expired, TokenType.Access, Now).Error);
            string garbled = expired.Substring(0, expired.Length - 2) + (expired.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
            Assert.Equal(expected == "Token is expired" ? "Token is invalid" : expected, service.ValidateWithoutBlacklist(garbled, TokenType.Access, Now).Error);
        }
    }

    [Fact]
    public void Refresh_derived_access_copies_the_refresh_iat_up_to_5_5_0_and_has_its_own_from_5_5_1()
    {
        DateTimeOffset issued = Now - TimeSpan.FromMinutes(30);
        foreach (var (service, copies) in new[] { (Service<Pinned550Settings>(), true), (Service<Pinned551Settings>(), false) })
        {
            var refresh = service.ForUser(TokenType.Refresh, Bob(), issued);
            var access = Payload(service.Encode(service.AccessFromRefresh(refresh, Now, Now)));
            Assert.Equal(copies ? issued.ToUnixTimeSeconds() : Now.ToUnixTimeSeconds(), access["iat"]!.GetValue<long>());
        }
    }

    [Fact]
    public void A_version_chosen_in_CSharp_wins_over_the_pin_before_or_after_AddDjangoSettings()
    {
        var after = Service<Pinned522Settings>(s => s.AddSimpleJwtVersion("5.5.1"));
        Assert.Equal("5.5.1", after.Options.SimpleJwtVersion);
        Assert.Equal(JsonValueKind.String, UserIdKind(after));

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSimpleJwtVersion("5.5.1");
        builder.AddDjangoSettings<Pinned522Settings>();
        Assert.Equal(JsonValueKind.String, UserIdKind(builder.Build().Services.GetRequiredService<SimpleJwtTokenService>()));

        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSimpleJwtVersion("4.8.0"));
    }
}
