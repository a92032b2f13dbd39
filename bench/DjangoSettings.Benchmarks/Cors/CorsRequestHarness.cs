using System;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DjangoSettings.Benchmarks.Cors;

/// <summary>
/// One GET through <c>UseDjangoCors()</c> and an endpoint that sets 200, then the response start
/// that runs the OnStarting callbacks, on a reused DefaultHttpContext (the same harness as
/// <see cref="CorsMiddlewareBenchmarks"/>, for suites that vary the policy rather than the request).
/// </summary>
internal sealed class CorsRequestHarness
{
    private readonly RequestDelegate _app;
    private readonly DefaultHttpContext _context = new();
    private readonly BenchResponseFeature _response = new();

    public CorsRequestHarness(DjangoCorsPolicy policy, string origin)
    {
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddDjangoCors(policy)
            .BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseDjangoCors();
        app.Run(static c =>
        {
            c.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        _app = app.Build();
        _context.Features.Set<IHttpResponseFeature>(_response);
        _context.RequestServices = services;
        var request = _context.Request;
        request.Scheme = "https";
        request.Host = new HostString("api.example.com");
        request.Path = "/api/items";
        request.Method = "GET";
        request.Headers.Origin = origin;
    }

    /// <summary>The Access-Control-Allow-Origin the request gets (null when refused).</summary>
    public string? Answer()
    {
        Run().GetAwaiter().GetResult();
        return _response.Headers.AccessControlAllowOrigin.ToString() is { Length: > 0 } s ? s : null;
    }

    /// <summary>One request.</summary>
    public Task Run()
    {
        _response.Reset();
        var pipeline = _app(_context);
        if (!pipeline.IsCompletedSuccessfully) throw new InvalidOperationException("the pipeline went asynchronous");
        return _response.StartAsync();
    }
}
