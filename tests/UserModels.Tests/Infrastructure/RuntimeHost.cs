using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.PostgreSql;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.UserModels.Tests.Infrastructure;

/// <summary>
/// The runtime wired like a test Django project's urls.py, on TestServer, over the project's
/// database (opened as it is): the token views under /api/token/ and <c>/api/me/</c> answering
/// <c>{"pk": str(pk), "login": get_username()}</c> as the project's view does.
/// </summary>
public sealed class RuntimeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RuntimeHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    /// <summary>A client for the TestServer.</summary>
    public HttpClient Client { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The user store.</summary>
    public IUserStore Users => _app.Services.GetRequiredService<IUserStore>();

    /// <summary>The token service.</summary>
    public SimpleJwtTokenService Tokens => _app.Services.GetRequiredService<SimpleJwtTokenService>();

    /// <summary>Starts the runtime for <paramref name="project"/> on <paramref name="database"/>'s database.</summary>
    public static async Task<RuntimeHost> StartAsync(
        TestProject project,
        DjangoProject database,
        Func<SimpleJwtOptions, SimpleJwtOptions>? adjust = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddDjangoUserModel(project.Model);
        configure?.Invoke(builder.Services);
        if (database.SqlitePath is { } path) builder.Services.AddDjangoSqliteStores(path);
        else builder.Services.AddDjangoPostgreSqlStores(database.PostgresConnectionString!);
        if (project.Claims is { } claims) builder.Services.AddSingleton(claims);
        builder.Services.AddSimpleJwt((adjust ?? (o => o))(project.Jwt));

        var app = builder.Build();
        app.Services.EnsureDjangoDatabase();
        app.UseRouting();
        app.UseSimpleJwtAuthentication();
        app.UseAuthorization();
        app.MapSimpleJwt();
        app.MapGet("/api/me/", (HttpContext context) =>
        {
            var user = context.GetSimpleJwt()!.User;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(
                PythonJsonWriter.Serialize(new TokenClaimsBuilder().Set("pk", user.Pk.ToString()).Set("login", user.Username), ensureAscii: false),
                Encoding.UTF8);
        }).RequireAuthorization();
        await app.StartAsync();
        return new RuntimeHost(app);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
