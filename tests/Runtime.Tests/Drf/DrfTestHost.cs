using System;
using System.Net.Http;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Jwt;
using DjangoSettings.Localization;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// An app on TestServer wired like the DRF fixtures' Django project: the token views, the oracle's
/// DRF views (<see cref="OracleViews"/>), REST_FRAMEWORK from <see cref="RestFrameworkSettings"/>,
/// and the fixture users (alice id 1, staff id 2, inactive id 3).
/// </summary>
public sealed class DrfTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DrfTestHost(WebApplication app, InMemoryUserStore users)
    {
        _app = app;
        Users = users;
        Client = app.GetTestClient();
        Server = app.GetTestServer();
    }

    public TestServer Server { get; }

    public HttpClient Client { get; }

    public InMemoryUserStore Users { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DrfTestHost> StartAsync(
        RestFrameworkSettings settings,
        string secretKey,
        Action<IServiceCollection>? configure = null,
        Action<IEndpointRouteBuilder>? map = null,
        DjangoLanguageSettings? language = null,
        bool localeMiddleware = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var hasher = new Pbkdf2TestHasher();
        var users = new InMemoryUserStore(hasher);
        builder.Services.AddSingleton<IPasswordHasher>(hasher);
        builder.Services.AddSingleton<IUserStore>(users);
        builder.Services.AddSingleton<DjangoSettings.Stores.ITokenBlacklistStore>(new InMemoryTokenBlacklistStore());
        builder.Services.AddSingleton<ISimpleJwtClaimsProvider, UsernameClaimsProvider>();
        // simplejwt 5.2.2, as Debian ships it for the oracle: one message for invalid or expired tokens.
        builder.Services.AddSimpleJwt(SimpleJwtOptions.Defaults(secretKey) with { CombinedInvalidOrExpiredMessage = true, UserIdAsString = false, AccessTokenCopiesRefreshIat = true });
        builder.Services.AddDjangoRestFramework(settings);
        builder.Services.AddDjangoLanguage(language);
        builder.Services.AddSingleton<IDrfTokenStore>(new InMemoryDrfTokenStore());
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        // The fixtures' MIDDLEWARE: SessionMiddleware (Vary: Cookie when SessionAuthentication read the
        // session), LocaleMiddleware after it when the variant adds it, then URL resolution and the views.
        app.UseDjangoSessionVary();
        if (localeMiddleware) app.UseDjangoLocale();
        app.UseRouting();
        app.UseSimpleJwtAuthentication();
        app.UseAuthorization();
        app.MapSimpleJwt();
        (map ?? OracleViews.Map)(app);
        await app.StartAsync();
        await users.CreateUserAsync("alice", "wonderland-123", isSuperuser: false);
        var staff = await users.CreateUserAsync("staff", "staff-pass-123", isSuperuser: false);
        users.Update(staff.Pk.AsInt64(), u => u with { IsStaff = true });
        var inactive = await users.CreateUserAsync("inactive", "inactive-pass-123", isSuperuser: false);
        users.Update(inactive.Pk.AsInt64(), u => u with { IsActive = false });
        return new DrfTestHost(app, users);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
