using System;
using DjangoSettings.Stores;
using Microsoft.AspNetCore.Authorization;
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
    /// (random uuid4 hex, unless already registered), the <c>SimpleJwt</c> authentication scheme (the
    /// default challenge and forbid scheme, and the scheme of the default authorization policy) and
    /// <see cref="SimpleJwtDefaults.PerEndpointScheme"/> as the default scheme, which authenticates
    /// nothing (DRF authenticates per view: see UseSimpleJwtAuthentication), plus authorization and
    /// <see cref="DrfAuthenticationOptions"/>. Users, password hashing and the blacklist come from
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
        services.AddSingleton(sp => SimpleJwtOptionsFactory.Validate(optionsFactory(sp)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenIdGenerator, RandomTokenIdGenerator>();
        services.AddSingleton(sp => new SimpleJwtTokenCodec(sp.GetRequiredService<SimpleJwtOptions>()));
        services.AddSingleton(sp => new SimpleJwtTokenService(
            sp.GetRequiredService<SimpleJwtOptions>(),
            sp.GetRequiredService<SimpleJwtTokenCodec>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ITokenIdGenerator>(),
            sp.GetService<ITokenBlacklistStore>()));
        services.AddAuthentication(o =>
        {
            // DRF authenticates in the view: the default scheme authenticates nothing, so the
            // UseAuthentication() that WebApplication adds in front of every request (ahead of the
            // exception handler and CORS) never reads a token; SimpleJwt runs per endpoint, in the
            // authentication step or an [Authorize] endpoint's policy, and answers the challenges.
            o.AddScheme(SimpleJwtDefaults.PerEndpointScheme, s => s.HandlerType = typeof(PerEndpointAuthenticationHandler));
            o.AddScheme(SimpleJwtDefaults.AuthenticationScheme, s => s.HandlerType = typeof(SimpleJwtAuthenticationHandler));
            o.DefaultScheme = SimpleJwtDefaults.PerEndpointScheme;
            o.DefaultChallengeScheme = SimpleJwtDefaults.AuthenticationScheme;
            o.DefaultForbidScheme = SimpleJwtDefaults.AuthenticationScheme;
        });
        services.TryAddSingleton<PerEndpointAuthenticationHandler>();
        services.AddOptions<SimpleJwtAuthenticationOptions>();
        services.AddOptions<DrfAuthenticationOptions>();
        services.AddAuthorization();
        // [Authorize] / RequireAuthorization() authenticate with SimpleJwt at the endpoint even
        // without the authentication step (a policy that names its own schemes is left alone).
        services.PostConfigure<AuthorizationOptions>(o =>
        {
            if (o.DefaultPolicy.AuthenticationSchemes.Count == 0)
            {
                o.DefaultPolicy = new AuthorizationPolicyBuilder(o.DefaultPolicy).AddAuthenticationSchemes(SimpleJwtDefaults.AuthenticationScheme).Build();
            }
        });
        return services;
    }
}
