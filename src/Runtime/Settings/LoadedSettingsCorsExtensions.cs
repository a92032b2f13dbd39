using DjangoSettings.Cors;

namespace DjangoSettings.Settings;

/// <summary>
/// Builds django-cors-headers settings from settings evaluated at run time (for tools and tests that
/// load a settings file without the source generator, e.g. to serve several files in one process).
/// </summary>
public static class LoadedSettingsCorsExtensions
{
    /// <summary>The CORS_* settings the file sets (unset ones stay null so the policy applies Django's defaults).</summary>
    public static DjangoCorsSettings ToCorsSettings(this LoadedSettings settings)
    {
        System.ArgumentNullException.ThrowIfNull(settings);
        return new DjangoCorsSettings
        {
            AllowedOrigins = settings.IsSet("CORS_ALLOWED_ORIGINS") ? settings.GetStrings("CORS_ALLOWED_ORIGINS") : null,
            AllowedOriginRegexes = settings.IsSet("CORS_ALLOWED_ORIGIN_REGEXES") ? settings.GetStrings("CORS_ALLOWED_ORIGIN_REGEXES") : null,
            AllowAllOrigins = settings.IsSet("CORS_ALLOW_ALL_ORIGINS") ? settings.GetBool("CORS_ALLOW_ALL_ORIGINS") : null,
            UrlsRegex = settings.IsSet("CORS_URLS_REGEX") ? settings.GetString("CORS_URLS_REGEX") : null,
            AllowMethods = settings.IsSet("CORS_ALLOW_METHODS") ? settings.GetStrings("CORS_ALLOW_METHODS") : null,
            AllowHeaders = settings.IsSet("CORS_ALLOW_HEADERS") ? settings.GetStrings("CORS_ALLOW_HEADERS") : null,
            ExposeHeaders = settings.IsSet("CORS_EXPOSE_HEADERS") ? settings.GetStrings("CORS_EXPOSE_HEADERS") : null,
            PreflightMaxAge = settings.IsSet("CORS_PREFLIGHT_MAX_AGE") ? settings.GetInt("CORS_PREFLIGHT_MAX_AGE") : null,
            AllowCredentials = settings.IsSet("CORS_ALLOW_CREDENTIALS") ? settings.GetBool("CORS_ALLOW_CREDENTIALS") : null,
            AllowPrivateNetwork = settings.IsSet("CORS_ALLOW_PRIVATE_NETWORK") ? settings.GetBool("CORS_ALLOW_PRIVATE_NETWORK") : null,
        };
    }
}
