using System;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DjangoSettings.Stores;

/// <summary>Registers the Django-compatible stores.</summary>
public static class DjangoStoresServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons over the SQLite file <paramref name="databasePath"/>:
    /// <see cref="SqliteDjangoDatabase"/>, <see cref="IUserStore"/> (<see cref="SqliteUserStore"/>),
    /// <see cref="ITokenBlacklistStore"/> (<see cref="SqliteTokenBlacklistStore"/>),
    /// <see cref="IPasswordHasher"/> (<see cref="DjangoPasswordHasher"/>), <see cref="DjangoManagementCommands"/>
    /// and <see cref="TimeProvider.System"/>. Each is added only if not registered yet, so register your
    /// own implementation first to replace one. Call <see cref="EnsureDjangoDatabase"/> once at startup.
    /// </summary>
    public static IServiceCollection AddDjangoSqliteStores(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var database = new SqliteDjangoDatabase(databasePath);
        services.TryAddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPasswordHasher>(_ => new DjangoPasswordHasher());
        services.TryAddSingleton<IUserStore, SqliteUserStore>();
        services.TryAddSingleton<ITokenBlacklistStore, SqliteTokenBlacklistStore>();
        services.TryAddSingleton<DjangoManagementCommands>();
        return services;
    }

    /// <summary>
    /// Registers the stores for a <see cref="DatabaseSelection"/>: SQLite through
    /// <see cref="AddDjangoSqliteStores"/>; any other engine fails (its providers are not built yet).
    /// </summary>
    /// <exception cref="DatabaseConfigurationException">The selection is not SQLite.</exception>
    public static IServiceCollection AddDjangoStores(this IServiceCollection services, DatabaseSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.SqlitePath is { } path) return services.AddDjangoSqliteStores(path);
        throw new DatabaseConfigurationException(
            $"DATABASES['default']['ENGINE'] '{selection.Engine}' with ConnectionStrings:Default is not supported yet: only '{DatabaseSelection.SqliteEngine}' has a store provider.");
    }

    /// <summary>
    /// Creates Django's tables in the registered SQLite database if they are missing, and checks the
    /// ones that exist (see <see cref="SqliteDjangoDatabase.EnsureCreated"/>). Call it at startup,
    /// before the app serves requests: <c>app.Services.EnsureDjangoDatabase();</c>
    /// </summary>
    public static IServiceProvider EnsureDjangoDatabase(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<SqliteDjangoDatabase>().EnsureCreated();
        return services;
    }
}
