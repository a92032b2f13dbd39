using DjangoSettings.Drf;
using DjangoSettings.Http;

namespace DjangoStyle;

/// <summary>
/// What the rest of a Django project's settings would give a settings file that leaves MIDDLEWARE,
/// ALLOWED_HOSTS or REST_FRAMEWORK keys unset. cors.settings sets MIDDLEWARE and ALLOWED_HOSTS; a file
/// built in with <c>-p:DjangoSettingsFile=PATH</c> (the oracle's own files, settings fragments) may
/// not, and then the sample uses what the oracle's base settings use: startproject's MIDDLEWARE with
/// CorsMiddleware first, as django-cors-headers' README places it, the hosts of
/// <c>DJANGO_ALLOWED_HOSTS</c> (default localhost), and, under a REST_FRAMEWORK the file sets, the
/// oracle's base keys it leaves out (the oracle merges the file's dict over its own): JWTAuthentication
/// and the JSON renderer only (the recordings run with <c>ORACLE_RENDERERS=json</c>).
/// </summary>
internal static class SampleBaseSettings
{
    public static void Apply(IServiceCollection services, IConfiguration configuration, SampleFileFacts file)
    {
        ApplyHttp(services, configuration, file);
        ApplyRestFramework(services, file);
    }

    private static void ApplyHttp(IServiceCollection services, IConfiguration configuration, SampleFileFacts file)
    {
        if (file.MiddlewareIsSet && file.AllowedHostsIsSet) return;
        var registered = services.Single(d => d.ServiceType == typeof(DjangoHttpSettings));
        var http = (DjangoHttpSettings)registered.ImplementationInstance!;
        if (!file.MiddlewareIsSet) http = http with { Middleware = [DjangoMiddlewarePaths.Cors, .. DjangoHttpSettings.StartProjectMiddleware] };
        if (!file.AllowedHostsIsSet)
        {
            string hosts = configuration["DJANGO_ALLOWED_HOSTS"] is { Length: > 0 } h ? h : "localhost,127.0.0.1,[::1]";
            http = http with { Hosts = http.Hosts with { AllowedHosts = hosts.Split(',') } };
        }
        services.Remove(registered);
        services.AddSingleton(http);
    }

    // A file without REST_FRAMEWORK registered none: SampleHttpSettings.RestFramework (the same base) applies.
    private static void ApplyRestFramework(IServiceCollection services, SampleFileFacts file)
    {
        if (file.AuthenticationClassesIsSet && file.RendererClassesIsSet) return;
        var registered = services.SingleOrDefault(d => d.ServiceType == typeof(RestFrameworkSettings));
        if (registered?.ImplementationInstance is not RestFrameworkSettings drf) return;
        if (!file.AuthenticationClassesIsSet) drf = drf with { DefaultAuthenticationClasses = SampleHttpSettings.RestFramework.DefaultAuthenticationClasses };
        if (!file.RendererClassesIsSet) drf = drf with { DefaultRendererClasses = SampleHttpSettings.RestFramework.DefaultRendererClasses };
        services.Remove(registered);
        services.AddSingleton(drf);
    }
}
