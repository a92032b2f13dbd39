using System;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DjangoSettings.Jwt;

/// <summary>DI registration of the SimpleJWT runtime.</summary>
public static class SimpleJwtServiceCollectionExtensions
{
    /// <summary>
    /// Registers SimpleJWT with fixed options: <see cref="SimpleJwtOptions"/> (validated at first
    /// resolution), <see cref="SimpleJwtTokenCodec"/>, <see cref="SimpleJwtTokenService"/>,
    /// <see cref="TimeProvider"/> (System, unless already registered), <see cref="ITokenIdGenerator"/>
    /// (random uuid4 hex, unless already registered), and the <c>SimpleJwt</c> authentication scheme
    /// as the default scheme, plus authorization. Users, password hashing and the blacklist come from
    /// DI: register <c>IUserStore</c>, <c>IPasswordHasher</c> and (for the blacklist)
    /// <c>ITokenBlacklistStore</c> separately.
    /// </summary>
    public static IServiceCollection AddSimpleJwt(this IServiceCollection services, SimpleJwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SimpleJwtOptionsFactory.Validate(options);
        return services.AddSimpleJwt(_ => options);
    }

    /// <summary>As <see cref="AddSimpleJwt(IServiceCollection, SimpleJwtOptions)"/>, with options built from the container (e.g. from IConfiguration for deferred settings).</summary>
    public static IServiceCollection AddSimpleJwt(this IServiceCollection services, Func<IServiceProvider, SimpleJwtOptions> optionsFactory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(optionsFactory);
        services.AddSingleton(sp =>
        {
            var options = SimpleJwtOptionsFactory.Validate(optionsFactory(sp));
            // USER_ID_FIELD must exist on the model the users are read with (Django: a 500 per login).
            if (sp.GetService<IUserStore>() is { } users) SimpleJwtOptionsFactory.ValidateUserIdField(options, users.Model);
            return options;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenIdGenerator, RandomTokenIdGenerator>();
        services.AddSingleton(sp => new SimpleJwtTokenCodec(
            sp.GetRequiredService<SimpleJwtOptions>(),
            sp.GetService<TimeProvider>(),
            jwksHandler: null,
            sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("DjangoSettings.Jwt.JwksClient")));
        services.AddSingleton(sp => new SimpleJwtTokenService(
            sp.GetRequiredService<SimpleJwtOptions>(),
            sp.GetRequiredService<SimpleJwtTokenCodec>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ITokenIdGenerator>(),
            sp.GetService<ITokenBlacklistStore>()));
        services.AddAuthentication(SimpleJwtDefaults.AuthenticationScheme)
            .AddScheme<SimpleJwtAuthenticationOptions, SimpleJwtAuthenticationHandler>(SimpleJwtDefaults.AuthenticationScheme, null);
        services.AddAuthorization();
        return services;
    }
}
