using System;
using DjangoSettings.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace DjangoSettings.PostgreSql;

/// <summary>Serves <c>django.db.backends.postgresql</c> selections (see <see cref="DjangoPostgreSqlServiceCollectionExtensions.AddDjangoPostgreSqlProvider"/>).</summary>
public sealed class PostgreSqlStoreProvider : IDjangoStoreProvider
{
    /// <inheritdoc />
    public bool TryAddStores(IServiceCollection services, DatabaseSelection selection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(selection);
        if (!selection.IsPostgreSql || selection.ConnectionString is not { } connectionString) return false;
        services.AddDjangoPostgreSqlStores(connectionString);
        return true;
    }
}
