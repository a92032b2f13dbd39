using System;
using DjangoSettings.PostgreSql;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL stores.</summary>
public static class DjangoPostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons over the PostgreSQL database <paramref name="connectionString"/> names:
    /// <see cref="PostgreSqlDjangoDatabase"/> (also as <see cref="IDjangoSchemaInitializer"/>, so
    /// <c>app.Services.EnsureDjangoDatabase()</c> creates the tables), <see cref="IUserStore"/>
    /// (<see cref="PostgreSqlUserStore"/>, over the registered <see cref="DjangoUserModel"/> or Django's <c>auth.User</c>), <see cref="ITokenBlacklistStore"/>
    /// (<see cref="PostgreSqlTokenBlacklistStore"/>), <see cref="IPasswordHasher"/>,
    /// <see cref="DjangoManagementCommands"/> and <see cref="TimeProvider.System"/>. Each is added only if
    /// not registered yet: register your own (e.g. the Redis token store) first to replace one.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Port=…;Database=…;Username=…;Password=…</c>).</param>
    public static IServiceCollection AddDjangoPostgreSqlStores(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var database = new PostgreSqlDjangoDatabase(connectionString);
        services.TryAddSingleton(database);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDjangoSchemaInitializer>(database));
        services.TryAddSingleton(TimeProvider.System);
        // PASSWORD_HASHERS as registered (the generated wiring registers the settings' list), else Django 3.2's defaults.
        services.TryAddSingleton<IPasswordHasher>(sp => new DjangoPasswordHasher(sp.GetService<DjangoPasswordHasherOptions>() ?? new DjangoPasswordHasherOptions()));
        services.TryAddSingleton<IUserStore>(sp => new PostgreSqlUserStore(
            sp.GetRequiredService<PostgreSqlDjangoDatabase>(),
            sp.GetRequiredService<IPasswordHasher>(),
            sp.GetService<TimeProvider>(),
            sp.GetDjangoUserModel()));
        services.TryAddSingleton<ITokenBlacklistStore>(sp => new PostgreSqlTokenBlacklistStore(
            sp.GetRequiredService<PostgreSqlDjangoDatabase>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<PostgreSqlTokenBlacklistStore>>(),
            sp.GetDjangoUserModel()));
        services.TryAddSingleton<DjangoManagementCommands>();
        return services;
    }

    /// <summary>
    /// Lets the settings file's <c>DATABASES['default']</c> choose PostgreSQL: when its ENGINE is
    /// <c>django.db.backends.postgresql</c>, the stores are registered with
    /// <see cref="AddDjangoPostgreSqlStores"/> over <c>ConnectionStrings:Default</c> when set, else over
    /// NAME, USER, PASSWORD, HOST and PORT. Call it before the generated <c>builder.AddDjangoSettings()</c>.
    /// </summary>
    public static IServiceCollection AddDjangoPostgreSqlProvider(this IServiceCollection services) =>
        services.AddDjangoStoreProvider(new PostgreSqlStoreProvider());
}
