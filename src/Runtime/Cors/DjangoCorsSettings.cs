using System.Collections.Generic;

namespace DjangoSettings.Cors;

/// <summary>
/// The django-cors-headers settings, under their current names, as a settings file defines them
/// (values already evaluated). A property left null means "not defined in the file": the default
/// applies. The legacy names (<c>CORS_ORIGIN_WHITELIST</c>, <c>CORS_ORIGIN_REGEX_WHITELIST</c>,
/// <c>CORS_ORIGIN_ALLOW_ALL</c>) are resolved in one place, the settings compiler's binder (the new
/// name wins whenever it is defined), before the values reach this record.
/// </summary>
public sealed record DjangoCorsSettings
{
    /// <summary><c>CORS_ALLOWED_ORIGINS</c>: origins compared as (scheme, netloc) pairs; <c>"null"</c> allows <c>Origin: null</c>.</summary>
    public IReadOnlyList<string>? AllowedOrigins { get; init; }


    /// <summary><c>CORS_ALLOWED_ORIGIN_REGEXES</c>: Python patterns tried with <c>re.match</c> (start-anchored only).</summary>
    public IReadOnlyList<string>? AllowedOriginRegexes { get; init; }


    /// <summary><c>CORS_ALLOW_ALL_ORIGINS</c>.</summary>
    public bool? AllowAllOrigins { get; init; }


    /// <summary><c>CORS_URLS_REGEX</c>, a Python pattern matched with <c>re.match</c> on the path (default <c>^.*$</c>).</summary>
    public string? UrlsRegex { get; init; }

    /// <summary><c>CORS_ALLOW_METHODS</c> (default <see cref="DjangoCorsDefaults.Methods"/>).</summary>
    public IReadOnlyList<string>? AllowMethods { get; init; }

    /// <summary><c>CORS_ALLOW_HEADERS</c> (default <see cref="DjangoCorsDefaults.Headers"/>, the 4.x list).</summary>
    public IReadOnlyList<string>? AllowHeaders { get; init; }

    /// <summary><c>CORS_EXPOSE_HEADERS</c> (default empty: no header).</summary>
    public IReadOnlyList<string>? ExposeHeaders { get; init; }

    /// <summary><c>CORS_PREFLIGHT_MAX_AGE</c> in seconds (default 86400; 0 means no header).</summary>
    public int? PreflightMaxAge { get; init; }

    /// <summary><c>CORS_ALLOW_CREDENTIALS</c> (default false).</summary>
    public bool? AllowCredentials { get; init; }

    /// <summary><c>CORS_ALLOW_PRIVATE_NETWORK</c> (4.0+; default false).</summary>
    public bool? AllowPrivateNetwork { get; init; }

    /// <summary>The allowed origins, or none.</summary>
    public IReadOnlyList<string> EffectiveAllowedOrigins => AllowedOrigins ?? System.Array.Empty<string>();

    /// <summary>The origin regexes, or none.</summary>
    public IReadOnlyList<string> EffectiveAllowedOriginRegexes => AllowedOriginRegexes ?? System.Array.Empty<string>();

    /// <summary>Allow-all, false by default.</summary>
    public bool EffectiveAllowAllOrigins => AllowAllOrigins ?? false;
}
