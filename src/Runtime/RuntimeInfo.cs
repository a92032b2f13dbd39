namespace DjangoSettings;

/// <summary>Facts about the runtime library, for diagnostics and logs.</summary>
public static class RuntimeInfo
{
    /// <summary>The django-cors-headers version whose behaviour the CORS middleware follows.</summary>
    public const string CorsHeadersVersion = "4.x";

    /// <summary>The djangorestframework-simplejwt version whose tokens and endpoints the JWT part follows.</summary>
    public const string SimpleJwtVersion = "5.5.x";
}
