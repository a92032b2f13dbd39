using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DjangoSettings.Drf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DjangoSettings.Benchmarks.Drf;

/// <summary>
/// One throttle check per request, anonymous clients keyed by their address, in process. Ours: DRF's
/// AnonRateThrottle (<c>get_ident</c>, the cache key, DRF's history algorithm in the LocMemCache store).
/// Baseline: ASP.NET Core's partitioned sliding-window rate limiter keyed by the same address
/// (<c>AttemptAcquire</c> and the lease's disposal), as the RateLimiter middleware uses it.
/// LocMemCache is given MAX_ENTRIES = 100000 (room for every client).
/// <c>Refused</c>: every client is over a 100/min limit. <c>Allowed</c>: the limit is not reached
/// (ours: 100/min with a clock that moves 15 s between two requests of a client, so each history
/// holds 4 entries, as for clients well within their limit; ASP.NET: a permit limit that cannot run
/// out, since its windows follow the real clock).
/// </summary>
[MemoryDiagnoser]
public class ThrottleBenchmarks
{
    private IPAddress[] _addresses = null!;
    private HttpContext _context = null!;
    private DrfRequest _request = null!;
    private DrfAnonRateThrottle _throttle = null!;
    private PartitionedRateLimiter<HttpContext> _aspNet = null!;
    private SteppingClock _clock = null!;
    private int _next;

    /// <summary>Distinct client addresses the requests rotate through.</summary>
    [Params(1, 10_000)]
    public int Clients { get; set; }

    /// <summary>Whether the checks pass or refuse.</summary>
    [Params("Allowed", "Refused")]
    public string Outcome { get; set; } = "";

    /// <summary>Builds both throttles and, for <c>Refused</c>, exhausts every client's quota in both.</summary>
    [GlobalSetup]
    public void Setup()
    {
        bool refused = Outcome == "Refused";
        // The clock advances per check by 15 s / Clients: 15 s between two requests of one client.
        _clock = new SteppingClock(1_700_000_000, refused ? 0 : 15.0 / Clients);
        var settings = new RestFrameworkSettings
        {
            DefaultAuthenticationClasses = [],
            DefaultThrottleClasses = [DrfClassNames.AnonRateThrottle],
            DefaultThrottleRates = new Dictionary<string, string?> { ["anon"] = "100/min" },
        };
        // LocMemCache with room for every client (Django's default MAX_ENTRIES of 300 would cull them).
        var cache = new DjangoSettings.Caching.DjangoCacheSettings { Options = new Dictionary<string, string> { ["MAX_ENTRIES"] = "100000" } };
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_clock).AddDjangoRestFramework(settings, cache).BuildServiceProvider();
        var view = new DrfViewBuilder("BenchView").Get(_ => ValueTask.FromResult(DrfResponse.Ok(null))).Build();
        var plan = DrfViewPlan.Create(view, null, services.GetRequiredService<DrfComponents>(), static (_, id) => id);
        _throttle = (DrfAnonRateThrottle)plan.Throttles[0];
        // One request context, as a server has for the request at hand; each check comes from the next client's address.
        _addresses = new IPAddress[Clients];
        for (int i = 0; i < Clients; i++) _addresses[i] = new IPAddress(0x0A000000u + (uint)i);
        _context = new DefaultHttpContext { RequestServices = services };
        _request = new DrfRequest(_context, view, plan);
        _aspNet = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetSlidingWindowLimiter(
            context.Connection.RemoteIpAddress!.ToString(),
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = refused ? 100 : int.MaxValue,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            }));
        if (refused)
        {
            for (int i = 0; i < Clients; i++)
            {
                _context.Connection.RemoteIpAddress = _addresses[i];
                for (int k = 0; k < 100; k++)
                {
                    if (!_throttle.AllowRequestAsync(_request).Result.Allowed) throw new InvalidOperationException("DRF refused within the quota");
                    using var lease = _aspNet.AttemptAcquire(_context);
                    if (!lease.IsAcquired) throw new InvalidOperationException("ASP.NET refused within the quota");
                }
            }
        }
        bool expected = !refused;
        _context.Connection.RemoteIpAddress = _addresses[0];
        if (_throttle.AllowRequestAsync(_request).Result.Allowed != expected) throw new InvalidOperationException("DRF throttle gave the wrong outcome");
        using (var lease = _aspNet.AttemptAcquire(_context))
        {
            if (lease.IsAcquired != expected) throw new InvalidOperationException("ASP.NET limiter gave the wrong outcome");
        }
    }

    /// <summary>Releases the limiter.</summary>
    [GlobalCleanup]
    public void Cleanup() => _aspNet.Dispose();

    /// <summary>ASP.NET Core's partitioned sliding-window limiter.</summary>
    [Benchmark(Baseline = true, Description = "ASP.NET Core rate limiter (sliding window, per address)")]
    public bool AspNetCoreRateLimiter()
    {
        _context.Connection.RemoteIpAddress = _addresses[_next++ % Clients];
        using var lease = _aspNet.AttemptAcquire(_context);
        return lease.IsAcquired;
    }

    /// <summary>DRF's AnonRateThrottle on the in-process store.</summary>
    [Benchmark(Description = "DRF AnonRateThrottle (LocMem store)")]
    public bool DrfAnonRateThrottle()
    {
        _context.Connection.RemoteIpAddress = _addresses[_next++ % Clients];
        _clock.Step();
        var decision = _throttle.AllowRequestAsync(_request);
        return decision.IsCompletedSuccessfully ? decision.Result.Allowed : decision.AsTask().GetAwaiter().GetResult().Allowed;
    }

    /// <summary>A clock that moves a fixed step on each <see cref="Step"/>.</summary>
    private sealed class SteppingClock(double start, double step) : TimeProvider
    {
        private double _now = start;

        public void Step() => _now += step;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks((long)(_now * TimeSpan.TicksPerSecond));
    }
}
