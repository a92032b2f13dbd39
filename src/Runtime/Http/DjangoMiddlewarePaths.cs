namespace DjangoSettings.Http;

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

    /// <summary><c>django.contrib.sessions.middleware.SessionMiddleware</c>.</summary>
    public const string Session = "django.contrib.sessions.middleware.SessionMiddleware";

    /// <summary><c>django.middleware.locale.LocaleMiddleware</c>.</summary>
    public const string Locale = "django.middleware.locale.LocaleMiddleware";

    /// <summary>The kind of a <c>MIDDLEWARE</c> entry (the older <c>corsheaders.middleware.CorsPostCsrfMiddleware</c> is not CORS).</summary>
    public static DjangoMiddlewareKind KindOf(string dottedPath) => dottedPath switch
    {
        Cors => DjangoMiddlewareKind.Cors,
        Security => DjangoMiddlewareKind.Security,
        Common => DjangoMiddlewareKind.Common,
        XFrameOptions => DjangoMiddlewareKind.XFrameOptions,
        Csrf => DjangoMiddlewareKind.Csrf,
        Session => DjangoMiddlewareKind.Session,
        Locale => DjangoMiddlewareKind.Locale,
        _ => DjangoMiddlewareKind.NoEquivalent,
    };
}
