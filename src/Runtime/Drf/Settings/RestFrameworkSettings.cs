using System.Collections.Generic;

namespace DjangoSettings.Drf;

/// <summary>
/// The <c>REST_FRAMEWORK</c> dict as DRF reads it, with DRF 3.14's defaults for every key left out.
/// A key the project sets replaces the default wholesale (lists are not merged), as in DRF.
/// Class paths are the dotted names of the settings file; the runtime resolves them to
/// components (<see cref="DrfClassNames"/>, plus any registered with <c>AddDrfComponent</c>).
/// </summary>
public sealed record RestFrameworkSettings
{
    /// <summary>DEFAULT_RENDERER_CLASSES.</summary>
    public IReadOnlyList<string> DefaultRendererClasses { get; init; } = [DrfClassNames.JsonRenderer, DrfClassNames.BrowsableApiRenderer];

    /// <summary>DEFAULT_PARSER_CLASSES.</summary>
    public IReadOnlyList<string> DefaultParserClasses { get; init; } = [DrfClassNames.JsonParser, DrfClassNames.FormParser, DrfClassNames.MultiPartParser];

    /// <summary>DEFAULT_AUTHENTICATION_CLASSES.</summary>
    public IReadOnlyList<string> DefaultAuthenticationClasses { get; init; } = [DrfClassNames.SessionAuthentication, DrfClassNames.BasicAuthentication];

    /// <summary>DEFAULT_PERMISSION_CLASSES.</summary>
    public IReadOnlyList<string> DefaultPermissionClasses { get; init; } = [DrfClassNames.AllowAny];

    /// <summary>DEFAULT_THROTTLE_CLASSES.</summary>
    public IReadOnlyList<string> DefaultThrottleClasses { get; init; } = [];

    /// <summary>DEFAULT_THROTTLE_RATES: scope to rate (<c>"100/day"</c>) or null (throttle off).</summary>
    public IReadOnlyDictionary<string, string?> DefaultThrottleRates { get; init; } = new Dictionary<string, string?> { ["user"] = null, ["anon"] = null };

    /// <summary>NUM_PROXIES (null: the whole X-Forwarded-For header identifies an anonymous client).</summary>
    public int? NumProxies { get; init; }

    /// <summary>DEFAULT_PAGINATION_CLASS (null: no pagination).</summary>
    public string? DefaultPaginationClass { get; init; }

    /// <summary>PAGE_SIZE.</summary>
    public int? PageSize { get; init; }

    /// <summary>URL_FORMAT_OVERRIDE: the query parameter that picks a renderer by format (null: off).</summary>
    public string? UrlFormatOverride { get; init; } = "format";

    /// <summary>UNICODE_JSON.</summary>
    public bool UnicodeJson { get; init; } = true;

    /// <summary>COMPACT_JSON.</summary>
    public bool CompactJson { get; init; } = true;

    /// <summary>STRICT_JSON.</summary>
    public bool StrictJson { get; init; } = true;

    /// <summary>DRF's defaults (what a project without REST_FRAMEWORK gets).</summary>
    public static RestFrameworkSettings Defaults { get; } = new();
}
