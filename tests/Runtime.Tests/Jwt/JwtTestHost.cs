using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// An ASP.NET Core app on TestServer wired like the oracle's Django project: the token views under
/// /api/token/, <c>/api/me/</c> (IsAuthenticated) and <c>/api/</c> (AllowAny), user alice /
/// wonderland-123 with id 1, the username claim provider.
/// </summary>
public sealed class JwtTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private JwtTestHost(WebApplication app, InMemoryUserStore users, InMemoryTokenBlacklistStore blacklist, ManualClock? time)
    {
        _app = app;
        Users = users;
        Blacklist = blacklist;
        Time = time;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public InMemoryUserStore Users { get; }

    public InMemoryTokenBlacklistStore Blacklist { get; }

    public ManualClock? Time { get; }

    public IServiceProvider Services => _app.Services;

    public SimpleJwtTokenService Tokens => _app.Services.GetRequiredService<SimpleJwtTokenService>();

    public static async Task<JwtTestHost> StartAsync(SimpleJwtOptions options, ManualClock? time = null, bool withBlacklist = true, Action<IServiceCollection>? configure = null, bool drfGate = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var hasher = new Pbkdf2TestHasher();
        var users = new InMemoryUserStore(hasher);
        var blacklist = new InMemoryTokenBlacklistStore();
        builder.Services.AddSingleton<IPasswordHasher>(hasher);
        builder.Services.AddSingleton<IUserStore>(users);
        if (withBlacklist) builder.Services.AddSingleton<ITokenBlacklistStore>(blacklist);
        if (time is not null) builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<ISimpleJwtClaimsProvider, UsernameClaimsProvider>();
        configure?.Invoke(builder.Services);
        builder.Services.AddSimpleJwt(options);

        var app = builder.Build();
        app.UseRouting();
        if (drfGate) app.UseSimpleJwtAuthentication();
        else app.UseAuthentication();
        app.UseAuthorization();
        app.MapSimpleJwt();
        app.MapGet("/api/me/", (HttpContext ctx) =>
        {
            var auth = ctx.GetSimpleJwt()!;
            ctx.Response.Headers.Allow = "GET, HEAD, OPTIONS";
            return Json(ctx, new TokenClaimsBuilder().Set("id", auth.User.Pk.Value).Set("username", auth.User.Username));
        }).RequireAuthorization();
        app.MapGet("/api/", (HttpContext ctx) =>
        {
            ctx.Response.Headers.Allow = "GET, OPTIONS";
            return Json(ctx, new[] { "/api/token", "/api/token/refresh" });
        }).AllowAnonymous();
        app.MapGet("/public/", () => "plain").WithDisplayName("plain view without DRF authentication");
        await app.StartAsync();
        await users.CreateUserAsync("alice", "wonderland-123", isSuperuser: false);
        return new JwtTestHost(app, users, blacklist, time);
    }

    private static Task Json(HttpContext ctx, object body)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(PythonJsonWriter.Serialize(body, ensureAscii: false), Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
