using System;
using DjangoSettings.Jwt;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the framework's namespace, as AddSimpleJwt is: no using needed at the call site.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Choosing the simplejwt behaviour version in C#.</summary>
public static class SimpleJwtVersionServiceCollectionExtensions
{
    /// <summary>
    /// Makes the token services behave as simplejwt <paramref name="version"/> does (the
    /// <c>user_id</c> claim type, the invalid/expired message, the refresh-derived access
    /// <c>iat</c>: <see cref="SimpleJwtOptions.ForSimpleJwtVersion"/>), whatever the Django project's
    /// requirements pin: C# wins over the build's DJS0316. Call it before or after
    /// <c>AddDjangoSettings</c>; the last call wins.
    /// </summary>
    /// <exception cref="ArgumentException">Not a version the runtime imitates (5.x).</exception>
    public static IServiceCollection AddSimpleJwtVersion(this IServiceCollection services, string version)
    {
        ArgumentNullException.ThrowIfNull(services);
        var choice = new SimpleJwtVersionChoice(version);
        services.RemoveAll<SimpleJwtVersionChoice>();
        services.AddSingleton(choice);
        return services;
    }
}
