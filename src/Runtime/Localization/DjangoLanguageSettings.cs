using System.Collections.Generic;

namespace DjangoSettings.Localization;

/// <summary>
/// The settings that decide which language Django speaks: LANGUAGE_CODE, USE_I18N, LANGUAGES,
/// LANGUAGE_COOKIE_NAME, and INSTALLED_APPS (whose catalogues take part, first listed wins).
/// </summary>
public sealed record DjangoLanguageSettings
{
    /// <summary>LANGUAGE_CODE (Django's default <c>en-us</c>).</summary>
    public string LanguageCode { get; init; } = "en-us";

    /// <summary>USE_I18N.</summary>
    public bool UseI18n { get; init; } = true;

    /// <summary>LANGUAGES codes, or null for Django's default list.</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>LANGUAGE_COOKIE_NAME.</summary>
    public string LanguageCookieName { get; init; } = "django_language";

    /// <summary>
    /// INSTALLED_APPS, in order (their <c>locale/</c> catalogues override Django's own, the first
    /// listed winning); null for a DRF + simplejwt project's usual list.
    /// </summary>
    public IReadOnlyList<string>? InstalledApps { get; init; }

    /// <summary>What a project gets without these settings.</summary>
    public static DjangoLanguageSettings Default { get; } = new();

    /// <summary>INSTALLED_APPS assumed when the settings do not say.</summary>
    public static IReadOnlyList<string> DefaultInstalledApps { get; } =
        ["django.contrib.auth", "django.contrib.contenttypes", "rest_framework", "rest_framework_simplejwt"];
}
