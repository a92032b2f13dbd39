using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DjangoSettings.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Runtime.Tests.Http;

/// <summary>
/// Allocation budget of the composed pipeline on the paths every request takes (allowed host,
/// secure request with HSTS, headers added, an endpoint that sets its own length; and one that does
/// not, measured by CommonMiddleware): bytes allocated per request beyond routing and the endpoint
/// alone: none. The response headers are Kestrel's own collection (created by reflection; a missing
/// type fails the test loudly). The response headers are Kestrel's own collection (created by reflection; a missing
/// type fails the test loudly).
/// </summary>
public sealed class DjangoPipelineAllocationTests
{
    private readonly ITestOutputHelper _output;

    public DjangoPipelineAllocationTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_usual_request_allocates_nothing(bool sized)
    {
        var settings = new DjangoHttpSettings
        {
            Hosts = new DjangoHostOptions { AllowedHosts = ["api.example.com", ".example.org"] },
            Security = new DjangoSecurityOptions { HstsSeconds = "3600", HstsIncludeSubdomains = true },
        };
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new System.Diagnostics.DiagnosticListener("Microsoft.AspNetCore"))
            .AddDjangoHttp(settings)
            .BuildServiceProvider();
        var django = Build(services, a => a.UseDjangoMiddleware(), sized);
        var floor = Build(services, a => a.UseRouting(), sized);

        var (context, response) = NewContext(services);
        long ours = Measure(django, context, response);
        Assert.Equal(("max-age=3600; includeSubDomains", "DENY", "2"),
            (response.Headers.StrictTransportSecurity.ToString(), response.Headers.XFrameOptions.ToString(), response.Headers.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        long reference = Measure(floor, context, response);
        long perRequest = ours - reference;
        _output.WriteLine($"sized={sized}: {perRequest} bytes per request beyond routing and the endpoint");
        Assert.True(perRequest <= 0, $"{perRequest} bytes per request");
    }

    private static RequestDelegate Build(IServiceProvider services, Action<IApplicationBuilder> middleware, bool sized)
    {
        var app = new ApplicationBuilder(services);
        middleware(app);
        app.UseEndpoints(e =>
        {
            var endpoint = e.MapGet("/api/items/", (HttpContext c) =>
            {
                if (sized) c.Response.ContentLength = 2;
                var write = c.Response.Body.WriteAsync("ok"u8.ToArray());
                return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
            });
            if (sized) endpoint.SetsContentLength();
        });
        return app.Build();
    }

    private static (DefaultHttpContext, CallbackResponseFeature) NewContext(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        // Kestrel's own response headers, as in production: Content-Length is a typed field there
        // (DefaultHttpContext's dictionary would format it into a new string per request).
        var kestrelHeaders = typeof(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions).Assembly
            .GetType("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpResponseHeaders", throwOnError: true)!;
        var response = new CallbackResponseFeature
        {
            Headers = (IHeaderDictionary)Activator.CreateInstance(kestrelHeaders, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, null, [null], null)!,
        };
        context.Features.Set<IHttpResponseFeature>(response);
        context.Request.Scheme = "https";
        context.Request.Method = "GET";
        context.Request.Path = "/api/items/";
        context.Request.Host = new HostString("api.example.com");
        return (context, response);
    }

    private static long Measure(RequestDelegate app, DefaultHttpContext context, CallbackResponseFeature response)
    {
        const int Iterations = 5000;
        for (int round = 0; round < 2; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Iterations; i++)
            {
                response.Reset();
                context.SetEndpoint(null);
                var task = app(context);
                if (!task.IsCompletedSuccessfully) throw new InvalidOperationException("the pipeline went asynchronous");
                response.Fire();
            }
            long after = GC.GetAllocatedBytesForCurrentThread();
            if (round == 1) return (after - before) / Iterations;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Keeps OnStarting callbacks in a reused list and runs them last-first, as a server does.</summary>
    private sealed class CallbackResponseFeature : HttpResponseFeature
    {
        private readonly List<KeyValuePair<Func<object, Task>, object>> _callbacks = new(4);

        public override void OnStarting(Func<object, Task> callback, object state) => _callbacks.Add(new(callback, state));

        public void Fire()
        {
            for (int i = _callbacks.Count - 1; i >= 0; i--) _callbacks[i].Key(_callbacks[i].Value).GetAwaiter().GetResult();
        }

        public void Reset()
        {
            _callbacks.Clear();
            Headers.Clear();
            StatusCode = 200;
        }
    }
}
