using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Cors.Support;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// A real Kestrel app (free loopback port) wired as samples/DjangoStyle is: exception handler,
/// UseDjangoCors, routing, UseSimpleJwtAuthentication, UseAuthorization, the token views,
/// <c>/api/me/</c> (RequireAuthorization), <c>/api/</c> (AllowAnonymous), the plain view
/// <c>/public/</c> and a fallback 404. The user store counts its calls and can be made to throw.
/// </summary>
public sealed class SampleLikeHost : IAsyncDisposable
{
    public const string Origin = "https://app.example.com";

    public const string ServerError = "Server Error (500)";

    private readonly WebApplication _app;

    private SampleLikeHost(WebApplication app, CountingUserStore users, TestLogSink logs)
    {
        _app = app;
        Users = users;
        Logs = logs;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public CountingUserStore Users { get; }

    public TestLogSink Logs { get; }

    public static async Task<SampleLikeHost> StartAsync(SimpleJwtOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new TestLogSink();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        var hasher = new Pbkdf2TestHasher();
        var inner = new InMemoryUserStore(hasher);
        await inner.CreateUserAsync("alice", "wonderland-123", isSuperuser: false);
        var users = new CountingUserStore(inner);
        builder.Services.AddSingleton<IPasswordHasher>(hasher);
        builder.Services.AddSingleton<IUserStore>(users);
        builder.Services.AddSingleton<ITokenBlacklistStore>(new InMemoryTokenBlacklistStore());
        builder.Services.AddDjangoCors(DjangoCorsPolicy.Create(new DjangoCorsSettings { AllowedOrigins = new[] { Origin }, AllowCredentials = true }));
        builder.Services.AddSimpleJwt(options);

        var app = builder.Build();
        app.UseExceptionHandler(a => a.Run(c =>
        {
            c.Response.StatusCode = 500;
            return c.Response.WriteAsync(ServerError);
        }));
        app.UseDjangoCors();
        app.UseRouting();
        app.UseSimpleJwtAuthentication();
        app.UseAuthorization();
        app.MapSimpleJwt();
        app.MapGet("/api/me/", (HttpContext c) => c.GetSimpleJwt()!.User.Username).RequireAuthorization();
        app.MapGet("/api/", () => "api root").AllowAnonymous();
        app.Map("/public/", () => "plain view");
        app.MapFallback((HttpContext c) =>
        {
            c.Response.StatusCode = 404;
            return c.Response.WriteAsync("Not Found");
        });
        await app.StartAsync();
        return new SampleLikeHost(app, users, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
