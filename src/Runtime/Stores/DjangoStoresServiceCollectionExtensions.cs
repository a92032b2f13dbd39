using System.Linq;
using System;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Django-compatible stores.</summary>
public static class DjangoStoresServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons over the SQLite file <paramref name="databasePath"/>:
    /// <see cref="SqliteDjangoDatabase"/> (its lock wait from <see cref="SqliteDatabaseOptions"/>:
    /// <c>services.Configure&lt;SqliteDatabaseOptions&gt;(o =&gt; o.Timeout = ...)</c>),
    /// <see cref="IUserStore"/> (<see cref="SqliteUserStore"/>),
    /// <see cref="ITokenBlacklistStore"/> (<see cref="SqliteTokenBlacklistStore"/>),
    /// <see cref="IPasswordHasher"/> (<see cref="DjangoPasswordHasher"/>), <see cref="DjangoManagementCommands"/>
    /// and <see cref="TimeProvider.System"/>. Each is added only if not registered yet, so register your
    /// own implementation first to replace one. Call <see cref="EnsureDjangoDatabase"/> once at startup.
    /// </summary>
    public static IServiceCollection AddDjangoSqliteStores(this IServiceCollection services, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        // Checked now (a NAME that is no file path fails the registration, as before); built at first use.
        string path = new SqliteDjangoDatabase(databasePath).DatabasePath;
        services.AddOptions<SqliteDatabaseOptions>();
        services.TryAddSingleton(sp => new SqliteDjangoDatabase(path, sp.GetRequiredService<IOptions<SqliteDatabaseOptions>>().Value.Timeout));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPasswordHasher>(_ => new DjangoPasswordHasher());
        services.TryAddSingleton<IUserStore, SqliteUserStore>();
        services.TryAddSingleton<ITokenBlacklistStore, SqliteTokenBlacklistStore>();
        services.TryAddSingleton<DjangoManagementCommands>();
        return services;
    }

    /// <summary>
    /// Registers the stores for a <see cref="DatabaseSelection"/>: SQLite through
    /// <see cref="AddDjangoSqliteStores"/>; any other engine through the first registered
    /// <see cref="IDjangoStoreProvider"/> that takes it (see <see cref="AddDjangoStoreProvider"/>).
    /// </summary>
    /// <exception cref="DatabaseConfigurationException">No registered provider serves the engine.</exception>
    public static IServiceCollection AddDjangoStores(this IServiceCollection services, DatabaseSelection selection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.SqlitePath is { } path) return services.AddDjangoSqliteStores(path);
        // Providers are consulted while the services are still being registered, so only instances count.
        foreach (ServiceDescriptor descriptor in services.ToArray())
        {
            if (descriptor.ServiceType == typeof(IDjangoStoreProvider) && !descriptor.IsKeyedService
                && descriptor.ImplementationInstance is IDjangoStoreProvider provider && provider.TryAddStores(services, selection))
            {
                return services;
            }
        }
        if (string.IsNullOrEmpty(selection.Engine))
        {
            // No DATABASES in the file, a connection string in configuration: nothing says which
            // database it is for, and guessing from its syntax would pick the wrong driver silently.
            throw new DatabaseConfigurationException(
                $"DATABASES is not set in the settings file, and ConnectionStrings:{DatabaseSelection.ConnectionStringName} is: name the database with DATABASES['default']['ENGINE'] " +
                $"(e.g. '{DatabaseSelection.PostgreSqlEngine}', with DjangoSettings.Runtime.PostgreSql) or remove the connection string to use db.sqlite3 in the content root.");
        }
        string hint = selection.IsPostgreSql
            ? " Reference the DjangoSettings.Runtime.PostgreSql package and call builder.Services.AddDjangoPostgreSqlProvider() before the settings are added."
            : "";
        throw new DatabaseConfigurationException(
            $"DATABASES['default']['ENGINE'] '{selection.Engine}' has no store provider registered: only '{DatabaseSelection.SqliteEngine}' is built in." + hint);
    }

    /// <summary>
    /// Runs <c>flushexpiredtokens</c> in the background every <paramref name="interval"/> (default one
    /// day) through <see cref="DjangoTokenFlushService"/>, over the registered <see cref="ITokenBlacklistStore"/>.
    /// </summary>
    public static IServiceCollection AddDjangoTokenFlushing(this IServiceCollection services, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        TimeSpan every = interval ?? TimeSpan.FromDays(1);
        services.AddHostedService(sp => new DjangoTokenFlushService(
            sp.GetRequiredService<ITokenBlacklistStore>(),
            every,
            sp.GetService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<DjangoTokenFlushService>>()));
        return services;
    }

    /// <summary>
    /// Registers a store provider for engines other than SQLite; call it before the settings are
    /// wired (before the generated <c>builder.AddDjangoSettings()</c>).
    /// </summary>
    public static IServiceCollection AddDjangoStoreProvider(this IServiceCollection services, IDjangoStoreProvider provider)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(provider);
        services.AddSingleton(provider);
        return services;
    }

    /// <summary>
    /// Creates Django's tables in the registered SQLite database (and any <see cref="IDjangoSchemaInitializer"/>'s database) if they are missing, and checks the
    /// ones that exist (see <see cref="SqliteDjangoDatabase.EnsureCreated"/>). Call it at startup,
    /// before the app serves requests: <c>app.Services.EnsureDjangoDatabase();</c>
    /// </summary>
    public static IServiceProvider EnsureDjangoDatabase(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        SqliteDjangoDatabase? sqlite = services.GetService<SqliteDjangoDatabase>();
        IDjangoSchemaInitializer[] others = services.GetServices<IDjangoSchemaInitializer>().ToArray();
        if (sqlite is null && others.Length == 0)
        {
            throw new InvalidOperationException("No Django database is registered: call AddDjangoSqliteStores, AddDjangoStores or a provider's registration first.");
        }
        sqlite?.EnsureCreated();
        foreach (IDjangoSchemaInitializer initializer in others) initializer.EnsureCreated();
        return services;
    }
}
