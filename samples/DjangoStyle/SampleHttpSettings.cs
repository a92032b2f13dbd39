using DjangoSettings.Drf;

namespace DjangoStyle;

/// <summary>
/// REST_FRAMEWORK as cors.settings sets it, written out by hand for the DRF views until the
/// generated <c>AddDjangoSettings()</c> registers it (MIDDLEWARE, ALLOWED_HOSTS and the SECURE_*
/// settings it registers already, from the file).
/// </summary>
internal static class SampleHttpSettings
{
    /// <summary>REST_FRAMEWORK: simplejwt's JWTAuthentication, the JSON renderer only.</summary>
    public static RestFrameworkSettings RestFramework { get; } = new()
    {
        DefaultAuthenticationClasses = [DrfClassNames.JwtAuthentication],
        DefaultRendererClasses = [DrfClassNames.JsonRenderer],
    };
}
