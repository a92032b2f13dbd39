using DjangoSettings.Http;

namespace DjangoStyle;

/// <summary>
/// What the rest of a Django project's settings would give a settings file that leaves MIDDLEWARE or
/// ALLOWED_HOSTS unset. cors.settings sets both; a file built in with <c>-p:DjangoSettingsFile=PATH</c>
/// (the oracle's own files, settings fragments) may not, and then the sample uses what the oracle's
/// base settings use: startproject's MIDDLEWARE with CorsMiddleware first, as django-cors-headers'
/// README places it, and the hosts of <c>DJANGO_ALLOWED_HOSTS</c> (default localhost).
/// </summary>
internal static class SampleBaseSettings
{
    public static void Apply(IServiceCollection services, IConfiguration configuration)
    {
        var file = (DjangoProjectSettings)services.Single(d => d.ServiceType == typeof(DjangoProjectSettings)).ImplementationInstance!;
        if (file.Django.MiddlewareIsSet && file.Django.AllowedHostsIsSet) return;
        var registered = services.Single(d => d.ServiceType == typeof(DjangoHttpSettings));
        var http = (DjangoHttpSettings)registered.ImplementationInstance!;
        if (!file.Django.MiddlewareIsSet) http = http with { Middleware = [DjangoMiddlewarePaths.Cors, .. DjangoHttpSettings.StartProjectMiddleware] };
        if (!file.Django.AllowedHostsIsSet)
        {
            string hosts = configuration["DJANGO_ALLOWED_HOSTS"] is { Length: > 0 } h ? h : "localhost,127.0.0.1,[::1]";
            http = http with { Hosts = http.Hosts with { AllowedHosts = hosts.Split(',') } };
        }
        services.Remove(registered);
        services.AddSingleton(http);
    }
}
