using DjangoSettings.Users;

namespace DjangoSettings.Stores;

/// <summary>
/// Creates Django's tables in a non-SQLite database when they are absent, and checks existing ones;
/// <see cref="Microsoft.Extensions.DependencyInjection.DjangoStoresServiceCollectionExtensions.EnsureDjangoDatabase"/> runs every registered one.
/// </summary>
public interface IDjangoSchemaInitializer
{
    /// <summary>Creates the missing tables for Django's <c>auth.User</c> and checks the others; called once at startup.</summary>
    void EnsureCreated();

    /// <summary>Creates the missing tables for <paramref name="model"/> and checks the others; called once at startup.</summary>
    void EnsureCreated(DjangoUserModel model) => EnsureCreated();
}
