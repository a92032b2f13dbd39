using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DjangoSettings.Benchmarks.Cors;
using DjangoSettings.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DjangoSettings.Benchmarks.Http;

/// <summary>
/// One request through the pipeline <c>UseDjangoMiddleware()</c> composes from
/// <c>MIDDLEWARE = [SecurityMiddleware, CommonMiddleware, XFrameOptionsMiddleware]</c> (ALLOWED_HOSTS
/// checked, HSTS on a secure request, nosniff, Referrer-Policy, X-Frame-Options, Content-Length),
/// next to ASP.NET Core's own middleware doing the same work: <c>UseHostFiltering()</c> with the
/// same hosts, <c>UseHsts()</c> with the same max-age, subdomains and preload (and no excluded
/// hosts, as Django excludes none), and an inline middleware adding the three headers. Both route
/// to the same endpoint (a 2-byte body); the floor is routing and the endpoint alone. Same harness
/// as the CORS suite: a reused DefaultHttpContext, then the response start that runs OnStarting
/// callbacks.
/// </summary>
[MemoryDiagnoser]
public class DjangoMiddlewareBenchmarks
{
    private static readonly string[] Hosts = ["api.example.com", ".example.org"];
    private static readonly byte[] Body = "ok"u8.ToArray();

    private RequestDelegate _aspnet = null!;
    private RequestDelegate _django = null!;
    private RequestDelegate _none = null!;
    private DefaultHttpContext _context = null!;
    private BenchResponseFeature _response = null!;

    /// <summary>
    /// <c>Allowed</c>: a listed host, an endpoint that declares its length; <c>Subdomain</c>: a host
    /// matched by <c>.example.org</c>; <c>Disallowed</c>: an unlisted host (400 from both);
    /// <c>UnsizedBody</c>: a listed host and an endpoint that writes without a length (Django's
    /// CommonMiddleware measures it; ASP.NET Core's middleware do not, so that row does more work).
    /// </summary>
    [Params("Allowed", "Subdomain", "Disallowed", "UnsizedBody")]
    public string Case { get; set; } = "";

    /// <summary>The header store (see the CORS suite): DefaultHttpContext's dictionary or Kestrel's collections.</summary>
    [Params("HeaderDictionary", "Kestrel")]
    public string Headers { get; set; } = "HeaderDictionary";

    /// <summary>Builds the three pipelines and the request, and checks the two answer alike.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var settings = new DjangoHttpSettings
        {
            Middleware = [DjangoMiddlewarePaths.Security, DjangoMiddlewarePaths.Common, DjangoMiddlewarePaths.XFrameOptions],
            Hosts = new DjangoHostOptions { AllowedHosts = Hosts },
            Security = new DjangoSecurityOptions { HstsSeconds = "31536000", HstsIncludeSubdomains = true, HstsPreload = true },
        };
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            // What a host registers for routing's diagnostics.
            .AddSingleton(new System.Diagnostics.DiagnosticListener("Microsoft.AspNetCore"))
            .AddDjangoHttp(settings)
            .AddHostFiltering(o =>
            {
                o.AllowedHosts = ["api.example.com", "*.example.org"];
                o.IncludeFailureMessage = false;
            })
            .AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromSeconds(31536000);
                o.IncludeSubDomains = true;
                o.Preload = true;
                o.ExcludedHosts.Clear();
            })
            .BuildServiceProvider();

        bool sized = Case != "UnsizedBody";
        _django = Build(services, app => app.UseDjangoMiddleware(), sized);
        _aspnet = Build(services, app =>
        {
            app.UseHostFiltering();
            app.UseHsts();
            app.Use((context, next) =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                return next(context);
            });
            app.UseRouting();
        }, sized);
        _none = Build(services, app => app.UseRouting(), sized);

        _context = new DefaultHttpContext();
        _response = new BenchResponseFeature();
        _context.Features.Set<IHttpResponseFeature>(_response);
        _context.RequestServices = services;
        if (Headers == "Kestrel")
        {
            _context.Features.Get<IHttpRequestFeature>()!.Headers = KestrelHeaders.CreateRequestHeaders();
            _response.Headers = KestrelHeaders.CreateResponseHeaders();
        }
        var request = _context.Request;
        request.Scheme = "https";
        request.Method = "GET";
        request.Path = "/api/items/";
        request.Host = new HostString(Case switch
        {
            "Allowed" or "UnsizedBody" => "api.example.com",
            "Subdomain" => "eu.example.org",
            "Disallowed" => "evil.example.net",
            _ => throw new InvalidOperationException(Case),
        });

        // Same answer from both (status and the security headers), or the comparison is meaningless.
        string a = Answer(_aspnet), d = Answer(_django);
        if (a != d) throw new InvalidOperationException($"{Case}: ASP.NET Core answered '{a}', ours '{d}'");
    }

    private string Answer(RequestDelegate app)
    {
        Run(app).GetAwaiter().GetResult();
        var h = _response.Headers;
        return _response.StatusCode == 400
            ? "400"
            : $"{_response.StatusCode} {h.StrictTransportSecurity} {h.XContentTypeOptions} {h["Referrer-Policy"]} {h.XFrameOptions}";
    }

    // The middleware, routing (UseDjangoMiddleware routes itself) and one endpoint at /api/items/.
    private static RequestDelegate Build(IServiceProvider services, Action<IApplicationBuilder> middleware, bool sized)
    {
        var app = new ApplicationBuilder(services);
        middleware(app);
        app.UseEndpoints(e =>
        {
            var endpoint = e.MapGet("/api/items/", (HttpContext c) =>
            {
                c.Response.StatusCode = StatusCodes.Status200OK;
                if (sized) c.Response.ContentLength = Body.Length;
                var write = c.Response.Body.WriteAsync(Body);
                return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
            });
            // An endpoint that declares its length says so (as DRF views and token views do).
            if (sized) endpoint.SetsContentLength();
        });
        return app.Build();
    }

    private Task Run(RequestDelegate app)
    {
        _response.Reset();
        // Every request is routed afresh (a routed context would skip matching).
        _context.SetEndpoint(null);
        var pipeline = app(_context);
        if (!pipeline.IsCompletedSuccessfully) throw new InvalidOperationException("the pipeline went asynchronous");
        return _response.StartAsync();
    }

    /// <summary>ASP.NET Core: UseHostFiltering, UseHsts and a header middleware.</summary>
    [Benchmark(Baseline = true, Description = "ASP.NET Core HostFiltering+Hsts+headers")]
    public Task AspNetCore() => Run(_aspnet);

    /// <summary>Routing, the endpoint and the harness alone: the floor under both rows.</summary>
    [Benchmark(Description = "routing only (floor)")]
    public Task None() => Run(_none);

    /// <summary>UseDjangoMiddleware() from MIDDLEWARE.</summary>
    [Benchmark(Description = "UseDjangoMiddleware")]
    public Task Django() => Run(_django);
}
