using System;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the framework's namespace, as the other registrations are: no using needed at the call site.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the user model the stores and the SimpleJWT endpoints follow. A description registered
/// here replaces any other, so a hand-written one wins over the one the source generator read from
/// the Django project (which registers itself with <see cref="TryAddDjangoUserModel"/>), in either
/// order; with neither, Django's <c>auth.User</c> (<see cref="DjangoUserModel.Default"/>) applies.
/// </summary>
public static class DjangoUserModelServiceCollectionExtensions
{
    /// <summary>Registers <paramref name="model"/> as the user model, replacing one registered before.</summary>
    /// <exception cref="DjangoUserModelException">The description is incomplete or contradicts itself.</exception>
    public static IServiceCollection AddDjangoUserModel(this IServiceCollection services, DjangoUserModel model)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        services.RemoveAll<DjangoUserModel>();
        services.AddSingleton(model);
        return services;
    }

    /// <summary>
    /// Describes the user model by hand and registers it (see <see cref="DjangoUserModel.Create"/>):
    /// <c>services.AddDjangoUserModel("users.Member", m =&gt; m.AbstractBaseUser()…)</c>.
    /// </summary>
    public static IServiceCollection AddDjangoUserModel(this IServiceCollection services, string label, Action<DjangoUserModelBuilder> describe) =>
        services.AddDjangoUserModel(DjangoUserModel.Create(label, describe));

    /// <summary>
    /// Registers <paramref name="model"/> unless a user model was registered by hand
    /// (<see cref="AddDjangoUserModel(IServiceCollection, DjangoUserModel)"/>), before or after: what the
    /// generated code calls with the model it read from the project.
    /// </summary>
    public static IServiceCollection TryAddDjangoUserModel(this IServiceCollection services, DjangoUserModel model)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        // A later AddDjangoUserModel removes this registration; an earlier one makes TryAdd a no-op.
        services.TryAddSingleton(model);
        return services;
    }

    /// <summary>The registered user model, or Django's <c>auth.User</c>.</summary>
    public static DjangoUserModel GetDjangoUserModel(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<DjangoUserModel>() ?? DjangoUserModel.Default;
    }
}

