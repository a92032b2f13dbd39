using System;
using DjangoSettings.Drf;
using DjangoSettings.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.Extensions.DependencyInjection;

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
