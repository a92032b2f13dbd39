using System.Collections.Immutable;

namespace DjangoSettings.Shared;

/// <summary>
/// Django 3.2's <c>startproject</c> lists: what a settings fragment that does not set
/// <c>MIDDLEWARE</c> or <c>INSTALLED_APPS</c> most likely ran under. The one copy: the build's checks
/// (deploy checks, the composed-pipeline notes) and the runtime's default MIDDLEWARE read it.
/// </summary>
internal static class DjangoStartProject
{
    /// <summary><c>django.middleware.security.SecurityMiddleware</c>.</summary>
    public const string SecurityMiddleware = "django.middleware.security.SecurityMiddleware";

    /// <summary><c>django.contrib.sessions.middleware.SessionMiddleware</c>.</summary>
    public const string SessionMiddleware = "django.contrib.sessions.middleware.SessionMiddleware";

    /// <summary><c>django.middleware.common.CommonMiddleware</c>.</summary>
    public const string CommonMiddleware = "django.middleware.common.CommonMiddleware";

    /// <summary><c>django.middleware.csrf.CsrfViewMiddleware</c>.</summary>
    public const string CsrfViewMiddleware = "django.middleware.csrf.CsrfViewMiddleware";

    /// <summary><c>django.contrib.auth.middleware.AuthenticationMiddleware</c>.</summary>
    public const string AuthenticationMiddleware = "django.contrib.auth.middleware.AuthenticationMiddleware";

    /// <summary><c>django.contrib.messages.middleware.MessageMiddleware</c>.</summary>
    public const string MessageMiddleware = "django.contrib.messages.middleware.MessageMiddleware";

    /// <summary><c>django.middleware.clickjacking.XFrameOptionsMiddleware</c>.</summary>
    public const string XFrameOptionsMiddleware = "django.middleware.clickjacking.XFrameOptionsMiddleware";

    /// <summary><c>django.middleware.locale.LocaleMiddleware</c> (not in startproject's list; projects add it).</summary>
    public const string LocaleMiddleware = "django.middleware.locale.LocaleMiddleware";

    /// <summary><c>corsheaders.middleware.CorsMiddleware</c> (not in startproject's list).</summary>
    public const string CorsMiddleware = "corsheaders.middleware.CorsMiddleware";

    /// <summary>startproject's <c>MIDDLEWARE</c>, in order.</summary>
    public static readonly ImmutableArray<string> Middleware = ImmutableArray.Create(
        SecurityMiddleware, SessionMiddleware, CommonMiddleware, CsrfViewMiddleware,
        AuthenticationMiddleware, MessageMiddleware, XFrameOptionsMiddleware);

    /// <summary>
    /// What the port composes for a settings file that does not set <c>MIDDLEWARE</c> (a partial
    /// <c>cors.settings</c>): startproject's list with CorsMiddleware first, where django-cors-headers'
    /// README places it, before anything that can answer a request itself. The project the file was
    /// copied from ran CorsMiddleware, or its CORS settings would have done nothing.
    /// </summary>
    public static readonly ImmutableArray<string> MiddlewareWhenNotSet = Middleware.Insert(0, CorsMiddleware);

    /// <summary>startproject's <c>INSTALLED_APPS</c>, in order.</summary>
    public static readonly ImmutableArray<string> InstalledApps = ImmutableArray.Create(
        "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
        "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles");
}
