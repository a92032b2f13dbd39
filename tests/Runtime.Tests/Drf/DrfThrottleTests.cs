using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// DRF's throttles on the in-process store against the recorded Django answers
/// (Fixtures/drf/throttle-*): the 4th anonymous request of a 3/min window is a 429 with DRF's body
/// and Retry-After, 405s count, X-Forwarded-For identifies anonymous clients (whitespace removed, or
/// the NUM_PROXIES-th from the end), users are keyed by id, scoped throttles apply only to views with
/// a scope, and every throttle records a request another one refuses.
/// </summary>
public class DrfThrottleTests
{
    private const string SecretKey = "drf-throttle-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    public static TheoryData<string> Scenarios => new() { "throttle-anon", "throttle-user", "throttle-combined", "throttle-scoped" };

    /// <summary>The REST_FRAMEWORK of each Fixtures/drf/throttle-*.settings, compiled by the generator.</summary>
    public static RestFrameworkSettings SettingsFor(string scenario) => FixtureSettings.For(scenario);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Throttling_answers_as_django(string scenario)
    {
        // The recording took milliseconds; a stopped clock replays it as fast on a loaded machine
        // (a 1/sec window must not run out while the first request is JIT-compiled).
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await DrfTestHost.StartAsync(SettingsFor(scenario), SecretKey,
            configure: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var failures = await DrfReplay.RunAsync(host.Server, scenario);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
