using Microsoft.Extensions.DependencyInjection;

namespace DjangoSettings.Stores;

/// <summary>
/// A store provider for a database engine other than SQLite (e.g. the DjangoSettings.Runtime.PostgreSql
/// package). Register it before the settings are wired (<c>builder.Services.AddDjangoPostgreSqlProvider()</c>
/// before <c>builder.AddDjangoSettings()</c>); <see cref="Microsoft.Extensions.DependencyInjection.DjangoStoresServiceCollectionExtensions.AddDjangoStores"/>
/// asks each registered provider in turn. Keeps the runtime free of database client dependencies.
/// </summary>
public interface IDjangoStoreProvider
{
    /// <summary>Registers the stores for <paramref name="selection"/> and returns true, or returns false when the engine is not its own.</summary>
    bool TryAddStores(IServiceCollection services, DatabaseSelection selection);
}
