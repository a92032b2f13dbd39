using System;
using System.Collections.Generic;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// What the ASP.NET Core port does with each REST_FRAMEWORK key and each class DRF ships: the
/// classes the runtime serves (its <c>DrfClassNames</c>; a test keeps the two lists equal), what it
/// does instead for the ones it recognises but does not serve, and, per key it does not translate,
/// what a port should do. The diagnostics quote these texts.
/// </summary>
internal static class DrfPortSupport
{
    /// <summary>Keys whose classes the runtime resolves (served classes, or components the project registers).</summary>
    public static readonly HashSet<string> ResolvedClassKeys = new(StringComparer.Ordinal)
    {
        "DEFAULT_RENDERER_CLASSES", "DEFAULT_PARSER_CLASSES", "DEFAULT_AUTHENTICATION_CLASSES",
        "DEFAULT_PERMISSION_CLASSES", "DEFAULT_THROTTLE_CLASSES", "DEFAULT_PAGINATION_CLASS",
    };

    /// <summary>Keys the runtime translates as DRF reads them (RestFrameworkSettings).</summary>
    public static readonly HashSet<string> TranslatedKeys = new(StringComparer.Ordinal)
    {
        "DEFAULT_RENDERER_CLASSES", "DEFAULT_PARSER_CLASSES", "DEFAULT_AUTHENTICATION_CLASSES",
        "DEFAULT_PERMISSION_CLASSES", "DEFAULT_THROTTLE_CLASSES", "DEFAULT_THROTTLE_RATES", "NUM_PROXIES",
        "DEFAULT_PAGINATION_CLASS", "PAGE_SIZE", "URL_FORMAT_OVERRIDE", "UNICODE_JSON", "COMPACT_JSON", "STRICT_JSON",
    };

    /// <summary>The classes the runtime serves, by dotted path.</summary>
    public static readonly HashSet<string> ServedClasses = new(StringComparer.Ordinal)
    {
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.authentication.BasicAuthentication",
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework_simplejwt.authentication.JWTStatelessUserAuthentication",
        "rest_framework_simplejwt.authentication.JWTTokenUserAuthentication",
        "rest_framework.permissions.AllowAny",
        "rest_framework.permissions.IsAuthenticated",
        "rest_framework.permissions.IsAdminUser",
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.ScopedRateThrottle",
        "rest_framework.pagination.PageNumberPagination",
        "rest_framework.pagination.LimitOffsetPagination",
    };

    /// <summary>Classes the runtime recognises without serving them, with what it does instead.</summary>
    public static readonly Dictionary<string, string> RecognisedClasses = new(StringComparer.Ordinal)
    {
        ["rest_framework.renderers.BrowsableAPIRenderer"] = "it still counts for negotiation, Vary: Accept and the OPTIONS 'renders' list, but a request that negotiates text/html (a browser) is answered with the first served renderer (JSON) instead of DRF's HTML page",
        ["rest_framework.authentication.SessionAuthentication"] = "the port reads no Django sessions: the class never authenticates (the next class is tried), so the CSRF check it makes for session logins never runs either (docs/middleware.md#csrf: protect cookie-authenticated unsafe requests with ASP.NET Core antiforgery), but asking for the user still adds Vary: Cookie as Django's SessionMiddleware does; keep session logins on Django, or use Token or JWT authentication",
    };

    /// <summary>What the port does instead of a class DRF ships that it neither serves nor recognises, by key.</summary>
    public static string NotServed(string key, string path) => key switch
    {
        "DEFAULT_RENDERER_CLASSES" => "register an IDrfRenderer for it with services.AddDrfComponent(\"" + path + "\", ...), or drop it (views fail when they resolve it)",
        "DEFAULT_PARSER_CLASSES" => "register an IDrfParser for it with services.AddDrfComponent(\"" + path + "\", ...), or drop it (views fail when they resolve it)",
        "DEFAULT_AUTHENTICATION_CLASSES" => "register an IDrfAuthenticator for it with services.AddDrfComponent(\"" + path + "\", ...), or drop it (views fail when they resolve it)",
        "DEFAULT_PERMISSION_CLASSES" => "register an IDrfPermission for it with services.AddDrfComponent(\"" + path + "\", ...) (model permissions need the project's permission data), or use AllowAny, IsAuthenticated, IsAdminUser or IsAuthenticatedOrReadOnly",
        "DEFAULT_THROTTLE_CLASSES" => "register an IDrfThrottle for it with services.AddDrfComponent(\"" + path + "\", ...), or use AnonRateThrottle, UserRateThrottle or ScopedRateThrottle",
        "DEFAULT_PAGINATION_CLASS" => "register an IDrfPagination for it with services.AddDrfComponent(\"" + path + "\", ...), or use PageNumberPagination or LimitOffsetPagination (CursorPagination's cursors are not ported)",
        _ => "drop it or register a component with services.AddDrfComponent(\"" + path + "\", ...)",
    };

    /// <summary>Keys that only affect features the port has none of (test client, browsable API, schemas): reported as information.</summary>
    public static readonly Dictionary<string, string> InertKeys = new(StringComparer.Ordinal)
    {
        ["TEST_REQUEST_RENDERER_CLASSES"] = "it configures DRF's test client (APIClient), which has no counterpart here; tests of the port use WebApplicationFactory",
        ["TEST_REQUEST_DEFAULT_FORMAT"] = "it configures DRF's test client (APIClient), which has no counterpart here; tests of the port use WebApplicationFactory",
        ["HTML_SELECT_CUTOFF"] = "it configures the browsable API's HTML forms, which the port does not serve",
        ["HTML_SELECT_CUTOFF_TEXT"] = "it configures the browsable API's HTML forms, which the port does not serve",
        ["DEFAULT_SCHEMA_CLASS"] = "the port generates no schema from DRF views; describe endpoints with ASP.NET Core's OpenAPI support (AddOpenApi)",
        ["SCHEMA_COERCE_PATH_PK"] = "the port generates no schema from DRF views; describe endpoints with ASP.NET Core's OpenAPI support (AddOpenApi)",
        ["SCHEMA_COERCE_METHOD_NAMES"] = "the port generates no schema from DRF views; describe endpoints with ASP.NET Core's OpenAPI support (AddOpenApi)",
    };

    /// <summary>Keys the port does not translate, with what it does instead (a set, non-default value is a warning).</summary>
    public static readonly Dictionary<string, string> UntranslatedKeys = new(StringComparer.Ordinal)
    {
        ["DEFAULT_CONTENT_NEGOTIATION_CLASS"] = "the port negotiates as DRF's DefaultContentNegotiation does; another class's choices are not reproduced",
        ["DEFAULT_METADATA_CLASS"] = "OPTIONS is answered with DRF's SimpleMetadata body",
        ["DEFAULT_VERSIONING_CLASS"] = "request.version is not set; read the version from the route, query or Accept header in the handler (or use Asp.Versioning)",
        ["DEFAULT_FILTER_BACKENDS"] = "filter backends act on Django querysets; the port's handlers filter their own data (read ?search= and ?ordering= in the handler)",
        ["SEARCH_PARAM"] = "only filter backends read it, and the port runs none (see DEFAULT_FILTER_BACKENDS)",
        ["ORDERING_PARAM"] = "only filter backends read it, and the port runs none (see DEFAULT_FILTER_BACKENDS)",
        ["DEFAULT_VERSION"] = "only versioning classes read it, and the port runs none (see DEFAULT_VERSIONING_CLASS)",
        ["ALLOWED_VERSIONS"] = "only versioning classes read it, and the port runs none (see DEFAULT_VERSIONING_CLASS)",
        ["VERSION_PARAM"] = "only versioning classes read it, and the port runs none (see DEFAULT_VERSIONING_CLASS)",
        ["UNAUTHENTICATED_USER"] = "an unauthenticated request's user is HttpContext.User without an identity, whatever this names",
        ["UNAUTHENTICATED_TOKEN"] = "an unauthenticated request has no token, whatever this names",
        ["VIEW_NAME_FUNCTION"] = "OPTIONS answers the 'name' DRF's default function gives",
        ["VIEW_DESCRIPTION_FUNCTION"] = "OPTIONS answers the 'description' DRF's default function gives",
        ["EXCEPTION_HANDLER"] = "errors are answered with the bodies of DRF's default exception_handler ({\"detail\": ...}); reshape them in ASP.NET Core (an IExceptionHandler or middleware) if the project's handler changes them",
        ["NON_FIELD_ERRORS_KEY"] = "serializers are not ported: handlers write their own validation bodies, so use this key there",
        ["URL_FIELD_NAME"] = "serializers are not ported: handlers write their own JSON, so use this field name there",
        ["FORMAT_SUFFIX_KWARG"] = "format suffix URL patterns (format_suffix_patterns) are not ported; ?format= (URL_FORMAT_OVERRIDE) works",
        ["DATE_FORMAT"] = "serializers are not ported: handlers format their own dates, so use this format there",
        ["DATE_INPUT_FORMATS"] = "serializers are not ported: handlers parse their own dates, so accept these formats there",
        ["DATETIME_FORMAT"] = "serializers are not ported: handlers format their own dates, so use this format there",
        ["DATETIME_INPUT_FORMATS"] = "serializers are not ported: handlers parse their own dates, so accept these formats there",
        ["TIME_FORMAT"] = "serializers are not ported: handlers format their own times, so use this format there",
        ["TIME_INPUT_FORMATS"] = "serializers are not ported: handlers parse their own times, so accept these formats there",
        ["COERCE_DECIMAL_TO_STRING"] = "serializers are not ported: handlers write their own decimals, so write them as this setting asks",
        ["UPLOADED_FILES_USE_URL"] = "serializers are not ported: handlers write their own file fields",
    };

    /// <summary>The throttle scope a served throttle class reads from DEFAULT_THROTTLE_RATES (ScopedRateThrottle's comes from the view).</summary>
    public static string? ThrottleScope(string path) => path switch
    {
        "rest_framework.throttling.AnonRateThrottle" => "anon",
        "rest_framework.throttling.UserRateThrottle" => "user",
        _ => null,
    };
}
