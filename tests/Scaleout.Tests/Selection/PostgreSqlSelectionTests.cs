using System;
using System.Collections.Generic;
using DjangoSettings.PostgreSql;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.Selection;

/// <summary>DATABASES with the PostgreSQL ENGINE: the connection string and the provider hook (no server needed).</summary>
public sealed class PostgreSqlSelectionTests
{
    private const string Engine = "django.db.backends.postgresql";

    private static IConfiguration Config(string? connectionString = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(connectionString is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString })
        .Build();

    [Fact]
    public void NAME_USER_PASSWORD_HOST_PORT_become_an_Npgsql_connection_string()
    {
        var selection = DatabaseSelection.Select(Engine, "shop", "/app", Config(), new DatabaseConnectionSettings("django", "p;w'd=1", "db.internal", "6432"));
        Assert.True(selection.IsPostgreSql);
        Assert.False(selection.IsSqlite);
        var parsed = new NpgsqlConnectionStringBuilder(selection.ConnectionString);
        Assert.Equal(("db.internal", 6432, "shop", "django", "p;w'd=1"), (parsed.Host, parsed.Port, parsed.Database, parsed.Username, parsed.Password));
    }

    [Fact]
    public void Empty_HOST_and_PORT_mean_the_local_socket_and_5432_as_for_libpq()
    {
        var parsed = new NpgsqlConnectionStringBuilder(DatabaseSelection.Select(Engine, "shop", "/app", Config(), new DatabaseConnectionSettings("", "", "", "")).ConnectionString);
        Assert.Equal(("/var/run/postgresql", 5432, null as string, null as string), (parsed.Host, parsed.Port, parsed.Username, parsed.Password));
    }

    [Fact]
    public void ConnectionStrings_Default_wins_over_DATABASES()
    {
        var selection = DatabaseSelection.Select(Engine, "shop", "/app", Config("Host=override;Database=x"), new DatabaseConnectionSettings("u", null, "db", null));
        Assert.Equal("Host=override;Database=x", selection.ConnectionString);
    }

    [Theory]
    [InlineData(null, null, "NAME")]
    [InlineData("shop", "54x32", "PORT")]
    public void A_missing_NAME_or_a_bad_PORT_is_a_startup_error(string? name, string? port, string setting)
    {
        var e = Assert.Throws<DatabaseConfigurationException>(() => DatabaseSelection.Select(Engine, name, "/app", Config(), new DatabaseConnectionSettings(null, null, "db", port)));
        Assert.Contains($"DATABASES['default']['{setting}']", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_provider_the_engine_is_refused_with_a_hint_and_with_it_the_PostgreSQL_stores_are_registered()
    {
        var selection = DatabaseSelection.Select(Engine, "shop", "/app", Config(), new DatabaseConnectionSettings("u", "p", "127.0.0.1", "5432"));
        var e = Assert.Throws<DatabaseConfigurationException>(() => new ServiceCollection().AddDjangoStores(selection));
        Assert.Contains("AddDjangoPostgreSqlProvider", e.Message, StringComparison.Ordinal);

        var services = new ServiceCollection().AddDjangoPostgreSqlProvider().AddLogging();
        services.AddDjangoStores(selection);
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.IsType<PostgreSqlUserStore>(provider.GetRequiredService<IUserStore>());
        Assert.IsType<PostgreSqlTokenBlacklistStore>(provider.GetRequiredService<ITokenBlacklistStore>());
        Assert.Same(provider.GetRequiredService<PostgreSqlDjangoDatabase>(), Assert.Single(provider.GetServices<IDjangoSchemaInitializer>()));
        Assert.Equal("shop@127.0.0.1:5432", provider.GetRequiredService<PostgreSqlDjangoDatabase>().Description);
    }

    [Fact]
    public void The_Redis_token_store_replaces_the_databases_one_and_users_stay_in_the_database()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDjangoRedisTokenStoreFirst();
        services.AddDjangoStores(DatabaseSelection.Select("django.db.backends.sqlite3", "db.sqlite3", System.IO.Path.GetTempPath(), Config()));
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.IsType<SqliteUserStore>(provider.GetRequiredService<IUserStore>());
        Assert.IsType<DjangoSettings.Redis.RedisTokenBlacklistStore>(provider.GetRequiredService<ITokenBlacklistStore>());
    }
}

internal static class RedisRegistration
{
    // Nothing listens on port 1: abortConnect=false makes the multiplexer come up anyway (store calls would 503).
    public static IServiceCollection AddDjangoRedisTokenStoreFirst(this IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.DjangoRedisServiceCollectionExtensions.AddDjangoRedisTokenStore(services, "127.0.0.1:1,connectTimeout=200");
}
