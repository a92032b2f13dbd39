using DjangoSettings.Drf;

namespace DjangoStyle;

/// <summary>
/// What the rest of a Django project's settings would give a settings file whose REST_FRAMEWORK
/// leaves keys out. The oracle the sample is compared with merges a file's REST_FRAMEWORK over its
/// base dict, so a key the file leaves out is the oracle's base value, not DRF's default:
/// JWTAuthentication and the JSON renderer only (the recordings run with <c>ORACLE_RENDERERS=json</c>),
/// the values of <see cref="SampleHttpSettings.RestFramework"/>. MIDDLEWARE and ALLOWED_HOSTS need
/// nothing here: the port's own decision for a file without them (startproject's MIDDLEWARE with
/// CorsMiddleware first; the hosts of appsettings.json's <c>AllowedHosts</c>, <c>*</c>) is the
/// oracle's base.
/// </summary>
internal static class SampleBaseSettings
{
    // A file without REST_FRAMEWORK registered none: SampleHttpSettings.RestFramework (the same base) applies.
    public static void Apply(IServiceCollection services, SampleFileFacts file)
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
