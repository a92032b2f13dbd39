namespace DjangoSettings.Http;

/// <summary>What an entry of <c>MIDDLEWARE</c> becomes in the composed ASP.NET Core pipeline.</summary>
public enum DjangoMiddlewareKind
{
    /// <summary>No runtime component (sessions, messages, auth, project classes): the build reports what the port does instead.</summary>
    NoEquivalent,

    /// <summary><c>corsheaders.middleware.CorsMiddleware</c>: <see cref="Cors.DjangoCorsMiddleware"/>.</summary>
    Cors,

    /// <summary><c>django.middleware.security.SecurityMiddleware</c>: Django's SecurityMiddleware.</summary>
    Security,

    /// <summary><c>django.middleware.common.CommonMiddleware</c>: Django's CommonMiddleware.</summary>
    Common,

    /// <summary><c>django.middleware.clickjacking.XFrameOptionsMiddleware</c>: Django's XFrameOptionsMiddleware.</summary>
    XFrameOptions,

    /// <summary><c>django.middleware.csrf.CsrfViewMiddleware</c>: no request-time check (DRF views are exempt; see docs/middleware.md).</summary>
    Csrf,

    /// <summary>
    /// <c>django.contrib.sessions.middleware.SessionMiddleware</c>: no sessions here; its response
    /// phase adds <c>Vary: Cookie</c> when DRF's SessionAuthentication asked for the session.
    /// </summary>
    Session,

    /// <summary>
    /// <c>django.middleware.locale.LocaleMiddleware</c>: <see cref="Localization.DjangoLocaleMiddleware"/>
    /// at its position, when the language services are registered (<c>AddDjangoLanguage</c>).
    /// </summary>
    Locale,
}
