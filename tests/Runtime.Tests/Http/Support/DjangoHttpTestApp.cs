using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Drf;
using DjangoSettings.Http;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Cors.Support;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Runtime.Tests.Http.Support;

/// <summary>
/// An in-process app composed as a port is: <c>UseDjangoMiddleware()</c> from <see cref="DjangoHttpSettings"/>,
/// then routing, simplejwt authentication and the <see cref="OracleViews"/>. Requests are sent with
/// the raw target and the path Kestrel would derive from it (percent-decoded but for <c>%2F</c>, dot
/// segments removed), so Django's path_info handling is exercised as on a real server.
/// </summary>
public sealed class DjangoHttpTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DjangoHttpTestApp(WebApplication app, TestLogSink logs)
    {
        _app = app;
        Logs = logs;
    }

    /// <summary>Everything the app logged.</summary>
    public TestLogSink Logs { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app; <paramref name="cors"/> is required when MIDDLEWARE lists CorsMiddleware.</summary>
    public static async Task<DjangoHttpTestApp> StartAsync(DjangoHttpSettings settings, DjangoCorsPolicy? cors = null, Action<WebApplication>? map = null, SimpleJwtOptions? jwt = null, RestFrameworkSettings? rest = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var logs = new TestLogSink();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        var hasher = new Pbkdf2TestHasher();
        // simplejwt 5.2.2, as Debian ships it for the oracle.
        var options = jwt ?? SimpleJwtOptions.Defaults("h13-test-secret-key-0123456789abcdef0123456789abcdef") with { CombinedInvalidOrExpiredMessage = true, UserIdAsString = false, AccessTokenCopiesRefreshIat = true };
        var users = new InMemoryUserStore(hasher, options.UserIdField);
        builder.Services.AddSingleton<IPasswordHasher>(hasher);
        builder.Services.AddSingleton<IUserStore>(users);
        builder.Services.AddSingleton<ITokenBlacklistStore>(new InMemoryTokenBlacklistStore());
        builder.Services.AddSingleton<ISimpleJwtClaimsProvider, UsernameClaimsProvider>();
        builder.Services.AddSimpleJwt(options);
        builder.Services.AddDjangoHttp(settings);
        // The oracle's REST_FRAMEWORK with ORACLE_RENDERERS=json, as the fixtures were recorded.
        builder.Services.AddDjangoRestFramework(rest ?? new RestFrameworkSettings
        {
            DefaultAuthenticationClasses = [DrfClassNames.JwtAuthentication],
            DefaultRendererClasses = [DrfClassNames.JsonRenderer],
        });
        if (cors is not null) builder.Services.AddDjangoCors(cors);

        var app = builder.Build();
        app.UseDjangoMiddleware();
        app.UseSimpleJwtAuthentication();
        app.UseAuthorization();
        (map ?? (a => OracleViews.Map(a)))(app);
        await app.StartAsync();
        await users.CreateUserAsync("alice", "wonderland-123", isSuperuser: false);
        return new DjangoHttpTestApp(app, logs);
    }

    /// <summary>Sends a corpus request.</summary>
    public Task<HttpExchange> SendAsync(HttpProbeRequest request) => SendAsync(request.Method, request.Path, request.Headers, request.Body);

    /// <summary>Sends one request; <paramref name="target"/> is the request target as written on the wire.</summary>
    public async Task<HttpExchange> SendAsync(string method, string target, IReadOnlyList<KeyValuePair<string, string>>? headers = null, string? body = null)
    {
        var server = _app.GetTestServer();
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = method;
            int q = target.IndexOf('?');
            string rawPath = q >= 0 ? target.Substring(0, q) : target;
            c.Request.Path = new PathString(KestrelPath(rawPath));
            c.Request.QueryString = q >= 0 ? new QueryString(target.Substring(q)) : QueryString.Empty;
            c.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
            var grouped = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in headers ?? Array.Empty<KeyValuePair<string, string>>())
            {
                if (!grouped.TryGetValue(name, out var list)) grouped[name] = list = new List<string>();
                list.Add(value);
            }
            foreach (var (name, values) in grouped) c.Request.Headers[name] = new StringValues(values.ToArray());
            // probe.py: Content-Length for a body, and 0 for POST/PUT/PATCH without one.
            byte[] bytes = body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body);
            if (body is not null || method is "POST" or "PUT" or "PATCH") c.Request.ContentLength = bytes.Length;
            c.Request.Body = new MemoryStream(bytes);
        });
        string text;
        using (var reader = new StreamReader(context.Response.Body)) text = await reader.ReadToEndAsync();
        // Kestrel never sends a body for HEAD (TestServer hands it over); probe.py reads none either.
        if (string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase)) text = "";
        return new HttpExchange(context.Response.StatusCode, context.Response.Headers, text);
    }

    // What Kestrel hands the app as Request.Path: percent-decoded except %2F, dot segments removed.
    private static string KestrelPath(string raw)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%' && i + 2 < raw.Length && Uri.IsHexDigit(raw[i + 1]) && Uri.IsHexDigit(raw[i + 2]))
            {
                byte b = Convert.ToByte(raw.Substring(i + 1, 2), 16);
                if (b == (byte)'/')
                {
                    bytes.AddRange(Encoding.ASCII.GetBytes(raw.Substring(i, 3)));
                }
                else
                {
                    bytes.Add(b);
                }
                i += 2;
            }
            else
            {
                bytes.Add((byte)raw[i]);
            }
        }
        string decoded = Encoding.UTF8.GetString(bytes.ToArray());
        var output = new List<string>();
        var segments = decoded.Split('/');
        for (int i = 1; i < segments.Length; i++)
        {
            string s = segments[i];
            bool last = i == segments.Length - 1;
            if (s == ".")
            {
                if (last) output.Add("");
                continue;
            }
            if (s == "..")
            {
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
                if (last) output.Add("");
                continue;
            }
            output.Add(s);
        }
        return "/" + string.Join("/", output);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
