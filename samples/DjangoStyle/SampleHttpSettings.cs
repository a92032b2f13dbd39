using DjangoSettings.Drf;
using DjangoSettings.Http;

namespace DjangoStyle;

/// <summary>
/// MIDDLEWARE, ALLOWED_HOSTS and REST_FRAMEWORK as cors.settings sets them, written out by hand
/// until the generated <c>AddDjangoSettings()</c> builds them from the file (issue 13, phase B).
/// </summary>
internal static class SampleHttpSettings
{
    /// <summary>
    /// <c>MIDDLEWARE = [CorsMiddleware, SecurityMiddleware, CommonMiddleware]</c> (without CORS when
    /// bench/e2e.sh compares another CORS implementation) and
    /// <c>ALLOWED_HOSTS = DJANGO_ALLOWED_HOSTS.split(",")</c>.
    /// </summary>
    public static DjangoHttpSettings Create(IConfiguration configuration, bool withCors)
    {
        string hosts = configuration["DJANGO_ALLOWED_HOSTS"] is { Length: > 0 } h ? h : "localhost,127.0.0.1,[::1]";
        string[] middleware = withCors
            ? [DjangoMiddlewarePaths.Cors, DjangoMiddlewarePaths.Security, DjangoMiddlewarePaths.Common]
            : [DjangoMiddlewarePaths.Security, DjangoMiddlewarePaths.Common];
        return new DjangoHttpSettings
        {
            Middleware = middleware,
            Hosts = new DjangoHostOptions { AllowedHosts = hosts.Split(','), Debug = configuration["DJANGO_DEBUG"] == "True" },
        };
    }

    /// <summary>REST_FRAMEWORK: simplejwt's JWTAuthentication, the JSON renderer only.</summary>
    public static RestFrameworkSettings RestFramework { get; } = new()
    {
        DefaultAuthenticationClasses = [DrfClassNames.JwtAuthentication],
        DefaultRendererClasses = [DrfClassNames.JsonRenderer],
    };
}
