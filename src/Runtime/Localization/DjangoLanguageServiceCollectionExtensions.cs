using System;
using DjangoSettings.Drf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DjangoSettings.Localization;

/// <summary>DI registration of Django's language settings.</summary>
public static class DjangoLanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DjangoTranslations"/> for LANGUAGE_CODE, USE_I18N, LANGUAGES and
    /// INSTALLED_APPS, which translates DRF's and simplejwt's messages (and serves
    /// <c>UseDjangoLocale()</c>). Called by the generated <c>AddDjangoSettings()</c>.
    /// </summary>
    public static IServiceCollection AddDjangoLanguage(this IServiceCollection services, DjangoLanguageSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(settings ?? DjangoLanguageSettings.Default);
        services.TryAddSingleton(sp => new DjangoTranslations(sp.GetRequiredService<DjangoLanguageSettings>()));
        services.TryAddSingleton<IDrfTranslator>(sp => sp.GetRequiredService<DjangoTranslations>());
        return services;
    }
}
