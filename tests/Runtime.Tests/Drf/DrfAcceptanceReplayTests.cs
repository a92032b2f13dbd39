using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Localization;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// The acceptance scenarios (Fixtures/drf/i18n.list) against the recorded Django answers, each
/// three times: as recorded, with LANGUAGE_CODE = 'ko-kr', and with LocaleMiddleware and
/// Accept-Language: fr. REST_FRAMEWORK comes from each NAME.settings, the file the scenario was
/// recorded with, compiled by the source generator (<see cref="FixtureSettings"/>).
/// </summary>
public class DrfAcceptanceReplayTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in new[] { "perm-authenticated", "perm-admin", "perm-readonly", "throttle-anon", "throttle-user", "throttle-scoped", "pagination-page-number", "pagination-limit-offset", "auth-basic-token" })
        {
            foreach (var variant in new[] { "", "ko", "fr" }) data.Add(name, variant);
        }
        data.Add("auth-session-first", "");
        return data;
    }

    /// <summary>
    /// The REST_FRAMEWORK of Fixtures/drf/NAME.settings, compiled by the generator and handed over by
    /// the generated wiring (<see cref="FixtureSettings"/>).
    /// </summary>
    public static RestFrameworkSettings SettingsFor(string scenario) => FixtureSettings.For(scenario);

    internal static readonly Dictionary<string, string> SecretKeys = new()
    {
        ["perm"] = "drf-permissions-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ["auth"] = "drf-auth-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ["pagination"] = "drf-pagination-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ["throttle"] = "drf-throttle-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Scenario_answers_as_django(string scenario, string variant)
    {
        var language = variant == "ko" ? new DjangoLanguageSettings { LanguageCode = "ko-kr" } : null;
        // Stopped clock: the recordings took milliseconds, so Retry-After and a 1/sec window must not
        // depend on how loaded the machine replaying them is.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await DrfTestHost.StartAsync(SettingsFor(scenario), SecretKeys[scenario.Split('-')[0]],
            configure: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            language: language, localeMiddleware: variant == "fr");
        var failures = await DrfReplay.RunAsync(host.Server, variant.Length == 0 ? scenario : scenario + "." + variant);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
