using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DjangoSettings.Cors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DjangoSettings.Benchmarks.Cors;

/// <summary>
/// One request through a two-stage pipeline (CORS middleware, then an endpoint that sets 200),
/// then the response start that runs OnStarting callbacks, on a reused DefaultHttpContext with
/// no server. Baseline: <c>app.UseCors(policy)</c> from Microsoft.AspNetCore.Cors with the
/// equivalent <see cref="Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy"/>; ours:
/// <c>app.UseDjangoCors()</c> with the policy the settings compile to. Both pipelines are built
/// by the same <see cref="ApplicationBuilder"/> from the same kind of service provider.
/// </summary>
[MemoryDiagnoser]
public class CorsMiddlewareBenchmarks
{
    private RequestDelegate _aspnet = null!;
    private RequestDelegate _django = null!;
    private RequestDelegate _none = null!;
    private DefaultHttpContext _context = null!;
    private BenchResponseFeature _response = null!;

    /// <summary>The request shape.</summary>
    [Params("NoOrigin", "AllowedGet", "DisallowedGet", "AllowedPreflight", "RefusedPreflight", "RegexOriginGet", "ThousandOriginsGet")]
    public string Case { get; set; } = "";

    /// <summary>
    /// The header store: <c>HeaderDictionary</c> (DefaultHttpContext's case-insensitive dictionary)
    /// or <c>Kestrel</c> (Kestrel's own request and response header collections, which keep every
    /// CORS header in a typed field; see <see cref="KestrelHeaders"/>).
    /// </summary>
    [Params("HeaderDictionary", "Kestrel")]
    public string Headers { get; set; } = "HeaderDictionary";

    /// <summary>Builds both pipelines and the request, and checks they answer the same.</summary>
    [GlobalSetup]
    public void Setup()
    {
        bool thousand = Case == "ThousandOriginsGet";
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddCors()
            .AddDjangoCors(DjangoCorsPolicy.Create(CorsScenario.Django(thousand)))
            .BuildServiceProvider();

        _aspnet = Build(services, app => app.UseCors(b => CorsScenario.AspNet(b, thousand)));
        _django = Build(services, app => app.UseDjangoCors());
        _none = Build(services, _ => { });

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
        request.Host = new HostString("api.example.com");
        request.Path = "/api/items";
        request.Method = Case.EndsWith("Preflight", StringComparison.Ordinal) ? "OPTIONS" : "GET";
        string? origin = Case switch
        {
            "NoOrigin" => null,
            "AllowedGet" or "AllowedPreflight" => "https://app.example.com",
            "DisallowedGet" or "RefusedPreflight" => "https://evil.example.net",
            "RegexOriginGet" => "https://tenant42.example.org",
            "ThousandOriginsGet" => CorsScenario.ThousandOrigins[^1],
            _ => throw new InvalidOperationException(Case),
        };
        if (origin is not null) request.Headers.Origin = origin;
        if (request.Method == "OPTIONS")
        {
            request.Headers.AccessControlRequestMethod = "PUT";
            request.Headers.AccessControlRequestHeaders = "authorization, content-type";
        }

        // Same decision from both, or the comparison is meaningless.
        string? a = Answer(_aspnet), d = Answer(_django);
        if (a != d) throw new InvalidOperationException($"{Case}: ASP.NET Core allowed '{a}', ours '{d}'");
    }

    private string? Answer(RequestDelegate app)
    {
        Run(app).GetAwaiter().GetResult();
        return _response.Headers.AccessControlAllowOrigin.ToString() is { Length: > 0 } s ? s : null;
    }

    private static RequestDelegate Build(IServiceProvider services, Action<IApplicationBuilder> cors)
    {
        var app = new ApplicationBuilder(services);
        cors(app);
        app.Run(static c =>
        {
            c.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        return app.Build();
    }

    private Task Run(RequestDelegate app)
    {
        _response.Reset();
        var pipeline = app(_context);
        if (!pipeline.IsCompletedSuccessfully) throw new InvalidOperationException("the pipeline went asynchronous");
        return _response.StartAsync();
    }

    /// <summary>Microsoft.AspNetCore.Cors: <c>UseCors(policy)</c>.</summary>
    [Benchmark(Baseline = true, Description = "ASP.NET Core UseCors")]
    public Task AspNetCoreCors() => Run(_aspnet);

    /// <summary>
    /// The harness alone (the same reset, endpoint and response start, no CORS middleware): the
    /// floor under both figures above; a middleware's own cost is its row minus this one.
    /// </summary>
    [Benchmark(Description = "no CORS (harness floor)")]
    public Task NoCors() => Run(_none);

    /// <summary>django-cors-headers semantics, precompiled: <c>UseDjangoCors()</c>.</summary>
    [Benchmark(Description = "DjangoCors")]
    public Task DjangoCors() => Run(_django);
}
