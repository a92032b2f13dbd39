using DjangoSettings.Drf;
using Microsoft.Extensions.Configuration.Memory;

namespace DjangoStyle;

/// <summary>
/// What the rest of a Django project's settings would give a settings file whose REST_FRAMEWORK
/// leaves keys out. The oracle the sample is compared with merges a file's REST_FRAMEWORK over its
/// base dict, so a key the file leaves out is the oracle's base value, not DRF's default:
/// JWTAuthentication and the JSON renderer only (the recordings run with <c>ORACLE_RENDERERS=json</c>),
/// the values of <see cref="SampleHttpSettings.RestFramework"/>. For MIDDLEWARE and ALLOWED_HOSTS the
/// port's own decision for a file without them (startproject's MIDDLEWARE with CorsMiddleware first;
/// the hosts of configuration's <c>AllowedHosts</c>) is the oracle's base, given
/// <see cref="AddDefaultAllowedHosts"/>.
/// </summary>
internal static class SampleBaseSettings
{
    /// <summary>
    /// <c>AllowedHosts = *</c> (appsettings.json's value, and the oracle's base ALLOWED_HOSTS) as the
    /// lowest-priority configuration source, so it holds also when <c>--contentRoot</c> names a folder
    /// without appsettings.json (the tests, acceptance_basic.py); any configured value wins. Read only
    /// for a settings file that does not set ALLOWED_HOSTS.
    /// </summary>
    public static void AddDefaultAllowedHosts(IConfigurationBuilder configuration)
        => configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new("AllowedHosts", "*")] });

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
