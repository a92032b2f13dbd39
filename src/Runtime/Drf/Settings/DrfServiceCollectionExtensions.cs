using System;
using DjangoSettings.Caching;
using DjangoSettings.Drf;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI registration of the DRF view runtime.</summary>
public static class DrfServiceCollectionExtensions
{
    /// <summary>
    /// Registers DRF's view machinery with the REST_FRAMEWORK values in <paramref name="settings"/>
    /// (DRF's defaults when null) and the throttle store CACHES names. Called by the generated <c>AddDjangoSettings()</c>; call it yourself
    /// when you wire settings by hand.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="settings">REST_FRAMEWORK (DRF's defaults when null).</param>
    /// <param name="cache">CACHES['default'], where throttle histories live (LocMemCache when null).</param>
    public static IServiceCollection AddDjangoRestFramework(this IServiceCollection services, RestFrameworkSettings? settings = null, DjangoCacheSettings? cache = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(settings ?? RestFrameworkSettings.Defaults);
        services.TryAddSingleton(cache ?? DjangoCacheSettings.Default);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDrfThrottleStore>(sp => DjangoCacheSelection.CreateThrottleStore(
            sp.GetRequiredService<DjangoCacheSettings>(), sp.GetServices<IDjangoCacheProvider>(), sp));
        services.TryAddSingleton(sp => new DrfComponents(
            sp.GetRequiredService<RestFrameworkSettings>(),
            sp.GetServices<DrfComponentRegistration>(),
            sp));
        return services;
    }

    /// <summary>
    /// Registers a project's own DRF class under its dotted path (a custom authentication, permission,
    /// throttle, renderer or parser), so REST_FRAMEWORK and views can name it.
    /// </summary>
    public static IServiceCollection AddDrfComponent(this IServiceCollection services, string classPath, Func<IServiceProvider, object> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(classPath);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(new DrfComponentRegistration(classPath, factory));
        return services;
    }

    /// <summary>
    /// DRF's <c>rest_framework.authtoken</c> app for TokenAuthentication: the <c>authtoken_token</c>
    /// table in the Django SQLite database the stores use, created at <c>EnsureDjangoDatabase()</c>
    /// when absent. Register the stores (the generated settings wiring does) before resolving it.
    /// </summary>
    public static IServiceCollection AddDjangoAuthTokens(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<SqliteDrfTokenStore>(sp => new SqliteDrfTokenStore(sp.GetService<DjangoSettings.Stores.SqliteDjangoDatabase>()
            ?? throw new InvalidOperationException("rest_framework.authtoken: DRF's token table is served in the SQLite database only; DATABASES names another engine.")));
        services.TryAddSingleton<IDrfTokenStore>(sp => sp.GetRequiredService<SqliteDrfTokenStore>());
        services.AddSingleton<DjangoSettings.Stores.IDjangoSchemaInitializer>(sp => sp.GetRequiredService<SqliteDrfTokenStore>());
        return services;
    }
}
