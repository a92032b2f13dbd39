using System;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// Allocation budget of the hot paths (no Origin, refused Origin, allowed GET, path outside
/// CORS_URLS_REGEX), measured on the middleware alone: bytes allocated per request beyond what
/// building the request context itself costs: none. An enabled request's decision travels in the
/// OnStarting registration (a callback bound once, the context as its state), a refused path's in
/// a marker instance shared by all requests; no strings, joins, LINQ or URL objects.
/// </summary>
public sealed class CorsAllocationTests
{
    private readonly ITestOutputHelper _output;

    /// <summary>xunit output for the measured numbers.</summary>
    public CorsAllocationTests(ITestOutputHelper output) => _output = output;

    private static readonly DjangoCorsPolicy Policy = DjangoCorsPolicy.Create(new DjangoCorsSettings
    {
        AllowedOrigins = new[] { "https://app.example.com", "http://localhost:3000" },
        AllowedOriginRegexes = new[] { @"^https://\w+\.example\.org$" },
        UrlsRegex = "^/api/",
        AllowCredentials = true,
        ExposeHeaders = new[] { "X-Total-Count" },
    });

    [Theory]
    [InlineData("no origin", "/api/", null, false, 0)]
    [InlineData("refused origin", "/api/", "https://evil.example.net", false, 0)]
    [InlineData("allowed GET (list)", "/api/", "https://app.example.com", true, 0)]
    [InlineData("allowed GET (regex)", "/api/", "https://a.example.org", true, 0)]
    [InlineData("path outside the URL regex", "/other/", "https://app.example.com", false, 0)]
    public async Task Hot_path_allocations_stay_within_budget(string name, string path, string? origin, bool allowed, long budget)
    {
        var middleware = new DjangoCorsMiddleware(c => Task.CompletedTask, Policy, Array.Empty<ICorsRequestEnabledCheck>(), NullLogger<DjangoCorsMiddleware>.Instance);
        RequestDelegate baseline = c => Task.CompletedTask;

        HttpContext? last = null;
        long ours = await Measure(c => { last = c; return middleware.InvokeAsync(c); }, path, origin);
        // The measured loop really wrote the headers.
        Assert.Equal(path == "/api/" ? "origin" : null, (string?)last!.Response.Headers.Vary);
        Assert.Equal(allowed ? origin : null, (string?)last.Response.Headers.AccessControlAllowOrigin);
        long reference = await Measure(baseline, path, origin);
        long perRequest = ours - reference;
        _output.WriteLine($"{name}: {perRequest} bytes per request beyond the context itself");
        Assert.True(perRequest <= budget, $"{name}: {perRequest} bytes per request (budget {budget})");
    }

    /// <summary>A response feature that keeps one OnStarting callback and runs it on demand (no allocation).</summary>
    private sealed class FiringResponseFeature : Microsoft.AspNetCore.Http.Features.HttpResponseFeature
    {
        private Func<object, Task>? _callback;
        private object? _state;

        public override void OnStarting(Func<object, Task> callback, object state)
        {
            _callback = callback;
            _state = state;
        }

        public Task FireAsync() => _callback is null ? Task.CompletedTask : _callback(_state!);
    }

    private static async Task<long> Measure(RequestDelegate app, string path, string? origin)
    {
        const int Iterations = 2000;
        var contexts = new DefaultHttpContext[Iterations];
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < Iterations; i++)
            {
                var c = new DefaultHttpContext();
                var response = new FiringResponseFeature();
                c.Features.Set<IHttpResponseFeature>(response);
                c.Request.Method = "GET";
                c.Request.Path = path;
                if (origin is not null) c.Request.Headers.Origin = origin;
                // Give the header store its capacity up front, as Kestrel's fixed header fields have.
                for (int k = 0; k < 8; k++) response.Headers["x-warm-" + k] = "1";
                for (int k = 0; k < 8; k++) response.Headers.Remove("x-warm-" + k);
                // Room for one more feature (the not-enabled marker), as Kestrel's per-connection
                // list of extra features has after a connection's first request.
                c.Features[typeof(CorsAllocationTests)] = "warm";
                c.Features[typeof(CorsAllocationTests)] = null;
                contexts[i] = c;
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Iterations; i++)
            {
                await app(contexts[i]);
                await ((FiringResponseFeature)contexts[i].Features.Get<IHttpResponseFeature>()!).FireAsync();
            }
            long after = GC.GetAllocatedBytesForCurrentThread();
            if (round == 1) return (after - before) / Iterations;
        }
        throw new InvalidOperationException("unreachable");
    }
}
