using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DjangoSettings.Runtime.Tests.Cors.Support;

/// <summary>
/// The four routes django-cors-headers' own test project uses, rebuilt: "/" answers GET only
/// (405 otherwise), "/async/" the same asynchronously, "/unauthorized/" 401, "/delete-enabled/"
/// the view upstream uses to delete <c>request._cors_enabled</c> (the port keeps no such flag, so it only answers); everything else 404. Plus helpers to start it with a policy.
/// </summary>
public static class UpstreamStyleApp
{
    /// <summary>Adds the routes as the terminal middleware.</summary>
    public static void Configure(IApplicationBuilder app) => app.Run(async context =>
    {
        string path = context.Request.Path.Value ?? "/";
        bool get = HttpMethods.IsGet(context.Request.Method);
        switch (path)
        {
            case "/":
                context.Response.StatusCode = get ? 200 : 405;
                await context.Response.WriteAsync(get ? "Index" : "");
                break;
            case "/async/":
                await Task.Yield();
                context.Response.StatusCode = get ? 200 : 405;
                await context.Response.WriteAsync(get ? "Asynchronous" : "");
                break;
            case "/unauthorized/":
                context.Response.StatusCode = 401;
                break;
            case "/delete-enabled/":
                await context.Response.WriteAsync("Deleted");
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    });

    /// <summary>Starts the app for <paramref name="settings"/> and sends one request.</summary>
    public static async Task<CorsExchange> SendAsync(
        DjangoCorsSettings settings,
        string method,
        string path,
        IDictionary<string, string>? headers = null,
        IEnumerable<ICorsRequestEnabledCheck>? checks = null,
        Action<IApplicationBuilder>? before = null,
        string? pathBase = null)
    {
        await using var server = await CorsTestServer.StartAsync(
            DjangoCorsPolicy.Create(settings),
            Configure,
            services =>
            {
                foreach (var check in checks ?? Array.Empty<ICorsRequestEnabledCheck>()) services.AddSingleton(check);
            },
            before);
        return await server.SendAsync(method, path, new List<KeyValuePair<string, string>>(headers ?? new Dictionary<string, string>()), pathBase);
    }
}

/// <summary>A check answering from a predicate and counting its calls.</summary>
public sealed class PredicateCheck : ICorsRequestEnabledCheck
{
    private readonly Func<HttpContext, bool> _predicate;
    private int _calls;

    /// <summary>Wraps <paramref name="predicate"/>.</summary>
    public PredicateCheck(Func<HttpContext, bool> predicate) => _predicate = predicate;

    /// <summary>How many times the middleware asked.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <inheritdoc />
    public bool IsEnabled(HttpContext context)
    {
        Interlocked.Increment(ref _calls);
        return _predicate(context);
    }
}
