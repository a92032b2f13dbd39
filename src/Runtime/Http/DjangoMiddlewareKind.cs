namespace DjangoSettings.Http;

/// <summary>What an entry of <c>MIDDLEWARE</c> becomes in the composed ASP.NET Core pipeline.</summary>
public enum DjangoMiddlewareKind
{
    /// <summary>No runtime component (sessions, messages, auth, project classes): the build reports what the port does instead.</summary>
    NoEquivalent,

    /// <summary><c>corsheaders.middleware.CorsMiddleware</c>: <see cref="Cors.DjangoCorsMiddleware"/>.</summary>
    Cors,

    /// <summary><c>django.middleware.security.SecurityMiddleware</c>: <see cref="DjangoSecurityMiddleware"/>.</summary>
    Security,

    /// <summary><c>django.middleware.common.CommonMiddleware</c>: <see cref="DjangoCommonMiddleware"/>.</summary>
    Common,

    /// <summary><c>django.middleware.clickjacking.XFrameOptionsMiddleware</c>: <see cref="DjangoXFrameOptionsMiddleware"/>.</summary>
    XFrameOptions,

    /// <summary><c>django.middleware.csrf.CsrfViewMiddleware</c>: no request-time check (DRF views are exempt; see docs/middleware.md).</summary>
    Csrf,
}

/// <summary>Maps <c>MIDDLEWARE</c> dotted paths to <see cref="DjangoMiddlewareKind"/>.</summary>
public static class DjangoMiddlewarePaths
{
    /// <summary><c>corsheaders.middleware.CorsMiddleware</c>.</summary>
    public const string Cors = "corsheaders.middleware.CorsMiddleware";

    /// <summary><c>django.middleware.security.SecurityMiddleware</c>.</summary>
    public const string Security = "django.middleware.security.SecurityMiddleware";

    /// <summary><c>django.middleware.common.CommonMiddleware</c>.</summary>
    public const string Common = "django.middleware.common.CommonMiddleware";

    /// <summary><c>django.middleware.clickjacking.XFrameOptionsMiddleware</c>.</summary>
    public const string XFrameOptions = "django.middleware.clickjacking.XFrameOptionsMiddleware";

    /// <summary><c>django.middleware.csrf.CsrfViewMiddleware</c>.</summary>
    public const string Csrf = "django.middleware.csrf.CsrfViewMiddleware";

    /// <summary>The kind of a <c>MIDDLEWARE</c> entry (the older <c>corsheaders.middleware.CorsPostCsrfMiddleware</c> is not CORS).</summary>
    public static DjangoMiddlewareKind KindOf(string dottedPath) => dottedPath switch
    {
        Cors => DjangoMiddlewareKind.Cors,
        Security => DjangoMiddlewareKind.Security,
        Common => DjangoMiddlewareKind.Common,
        XFrameOptions => DjangoMiddlewareKind.XFrameOptions,
        Csrf => DjangoMiddlewareKind.Csrf,
        _ => DjangoMiddlewareKind.NoEquivalent,
    };
}
