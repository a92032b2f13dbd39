namespace DjangoSettings.Drf;

/// <summary>The dotted class paths of DRF and simplejwt that this runtime serves (REST_FRAMEWORK values).</summary>
public static class DrfClassNames
{
    /// <summary><c>rest_framework.renderers.JSONRenderer</c>.</summary>
    public const string JsonRenderer = "rest_framework.renderers.JSONRenderer";

    /// <summary><c>rest_framework.renderers.BrowsableAPIRenderer</c> (recognised, not served).</summary>
    public const string BrowsableApiRenderer = "rest_framework.renderers.BrowsableAPIRenderer";

    /// <summary><c>rest_framework.parsers.JSONParser</c>.</summary>
    public const string JsonParser = "rest_framework.parsers.JSONParser";

    /// <summary><c>rest_framework.parsers.FormParser</c>.</summary>
    public const string FormParser = "rest_framework.parsers.FormParser";

    /// <summary><c>rest_framework.parsers.MultiPartParser</c>.</summary>
    public const string MultiPartParser = "rest_framework.parsers.MultiPartParser";

    /// <summary><c>rest_framework.authentication.SessionAuthentication</c> (never authenticates here: no Django sessions).</summary>
    public const string SessionAuthentication = "rest_framework.authentication.SessionAuthentication";

    /// <summary><c>rest_framework.authentication.BasicAuthentication</c>.</summary>
    public const string BasicAuthentication = "rest_framework.authentication.BasicAuthentication";

    /// <summary><c>rest_framework.authentication.TokenAuthentication</c>.</summary>
    public const string TokenAuthentication = "rest_framework.authentication.TokenAuthentication";

    /// <summary><c>rest_framework_simplejwt.authentication.JWTAuthentication</c>.</summary>
    public const string JwtAuthentication = "rest_framework_simplejwt.authentication.JWTAuthentication";

    /// <summary><c>rest_framework_simplejwt.authentication.JWTStatelessUserAuthentication</c>.</summary>
    public const string JwtStatelessUserAuthentication = "rest_framework_simplejwt.authentication.JWTStatelessUserAuthentication";

    /// <summary><c>rest_framework_simplejwt.authentication.JWTTokenUserAuthentication</c> (alias of the stateless class).</summary>
    public const string JwtTokenUserAuthentication = "rest_framework_simplejwt.authentication.JWTTokenUserAuthentication";

    /// <summary><c>rest_framework.permissions.AllowAny</c>.</summary>
    public const string AllowAny = "rest_framework.permissions.AllowAny";

    /// <summary><c>rest_framework.permissions.IsAuthenticated</c>.</summary>
    public const string IsAuthenticated = "rest_framework.permissions.IsAuthenticated";

    /// <summary><c>rest_framework.permissions.IsAdminUser</c>.</summary>
    public const string IsAdminUser = "rest_framework.permissions.IsAdminUser";

    /// <summary><c>rest_framework.permissions.IsAuthenticatedOrReadOnly</c>.</summary>
    public const string IsAuthenticatedOrReadOnly = "rest_framework.permissions.IsAuthenticatedOrReadOnly";

    /// <summary><c>rest_framework.throttling.AnonRateThrottle</c>.</summary>
    public const string AnonRateThrottle = "rest_framework.throttling.AnonRateThrottle";

    /// <summary><c>rest_framework.throttling.UserRateThrottle</c>.</summary>
    public const string UserRateThrottle = "rest_framework.throttling.UserRateThrottle";

    /// <summary><c>rest_framework.throttling.ScopedRateThrottle</c>.</summary>
    public const string ScopedRateThrottle = "rest_framework.throttling.ScopedRateThrottle";

    /// <summary><c>rest_framework.pagination.PageNumberPagination</c>.</summary>
    public const string PageNumberPagination = "rest_framework.pagination.PageNumberPagination";

    /// <summary><c>rest_framework.pagination.LimitOffsetPagination</c>.</summary>
    public const string LimitOffsetPagination = "rest_framework.pagination.LimitOffsetPagination";

    /// <summary><c>rest_framework.pagination.CursorPagination</c>.</summary>
    public const string CursorPagination = "rest_framework.pagination.CursorPagination";
}
