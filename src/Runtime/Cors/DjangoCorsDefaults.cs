using System.Collections.Generic;

namespace DjangoSettings.Cors;

/// <summary>
/// <c>corsheaders.defaults</c> as django-cors-headers 4.x ships them (4.0.0 dropped
/// <c>accept-encoding</c>, <c>dnt</c> and <c>origin</c>: browsers forbid scripts to set them).
/// </summary>
public static class DjangoCorsDefaults
{
    /// <summary><c>default_headers</c> (4.x): accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with.</summary>
    public static IReadOnlyList<string> Headers { get; } = DjangoSettings.Shared.CorsHeadersDefaults.Headers;

    /// <summary><c>default_methods</c>: DELETE, GET, OPTIONS, PATCH, POST, PUT.</summary>
    public static IReadOnlyList<string> Methods { get; } = DjangoSettings.Shared.CorsHeadersDefaults.Methods;

    /// <summary>The default <c>CORS_URLS_REGEX</c>, <c>^.*$</c> (every path without an inner newline).</summary>
    public const string UrlsRegex = "^.*$";

    /// <summary>The default <c>CORS_PREFLIGHT_MAX_AGE</c>, one day in seconds.</summary>
    public const int PreflightMaxAge = 86400;
}
