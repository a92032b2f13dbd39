using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Runtime.Tests.Cors.Support;

/// <summary>
/// An in-process ASP.NET Core app with <c>UseDjangoCors()</c> first and a caller-supplied app
/// behind it. Requests go through <see cref="TestServer.SendAsync"/> so tests control headers
/// exactly (duplicates, empty values, odd bytes), which HttpClient would normalise or refuse.
/// </summary>
public sealed class CorsTestServer : IAsyncDisposable
{
    private readonly IHost _host;

    private CorsTestServer(IHost host, TestLogSink logs)
    {
        _host = host;
        Logs = logs;
    }

    /// <summary>Everything the app logged (all levels).</summary>
    public TestLogSink Logs { get; }

    /// <summary>The test server.</summary>
    public TestServer Server => _host.GetTestServer();

    /// <summary>Starts an app: <paramref name="before"/> middleware, CORS, then <paramref name="app"/>.</summary>
    public static async Task<CorsTestServer> StartAsync(
        DjangoCorsPolicy policy,
        Action<IApplicationBuilder> app,
        Action<IServiceCollection>? services = null,
        Action<IApplicationBuilder>? before = null)
    {
        var logs = new TestLogSink();
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureLogging(l => l.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
                .ConfigureServices(s =>
                {
                    s.AddDjangoCors(policy);
                    services?.Invoke(s);
                })
                .Configure(a =>
                {
                    before?.Invoke(a);
                    a.UseDjangoCors();
                    app(a);
                }))
            .Build();
        await host.StartAsync();
        return new CorsTestServer(host, logs);
    }

    /// <summary>Sends one request; header pairs keep order and duplicates.</summary>
    public async Task<CorsExchange> SendAsync(string method, string path, IReadOnlyList<KeyValuePair<string, string>>? headers = null, string? pathBase = null)
    {
        var context = await Server.SendAsync(c =>
        {
            c.Request.Method = method;
            int q = path.IndexOf('?');
            c.Request.Path = new PathString(q >= 0 ? path.Substring(0, q) : path);
            if (q >= 0) c.Request.QueryString = new QueryString(path.Substring(q));
            if (pathBase is not null) c.Request.PathBase = new PathString(pathBase);
            if (headers is null) return;
            var grouped = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in headers)
            {
                if (!grouped.TryGetValue(name, out var list)) grouped[name] = list = new List<string>();
                list.Add(value);
            }
            foreach (var (name, values) in grouped) c.Request.Headers[name] = new StringValues(values.ToArray());
        });
        string body;
        using (var reader = new StreamReader(context.Response.Body)) body = await reader.ReadToEndAsync();
        return new CorsExchange(context.Response.StatusCode, context.Response.Headers, body);
    }

    /// <summary>Shorthand: one request with a dictionary of single-valued headers.</summary>
    public Task<CorsExchange> SendAsync(string method, string path, IDictionary<string, string> headers)
    {
        var list = new List<KeyValuePair<string, string>>(headers);
        return SendAsync(method, path, list);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>A response as a test sees it.</summary>
public sealed class CorsExchange
{
    /// <summary>Captures status, headers and body.</summary>
    public CorsExchange(int status, IHeaderDictionary headers, string body)
    {
        Status = status;
        Body = body;
        foreach (var (name, values) in headers) Headers[name.ToLowerInvariant()] = string.Join(", ", values.ToArray());
        if (headers.ContentLength is long length) Headers["content-length"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Status code.</summary>
    public int Status { get; }

    /// <summary>Response body text.</summary>
    public string Body { get; }

    /// <summary>Header name (lower case) to value (repeated fields joined with ", ", as probe.py does).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.Ordinal);

    /// <summary>A header's value or null.</summary>
    public string? this[string name] => Headers.TryGetValue(name, out var v) ? v : null;
}
