using System;
using System.Linq;
using DjangoSettings.Jwt;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI registration of the SimpleJWT runtime.</summary>
public static class SimpleJwtServiceCollectionExtensions
{
    /// <summary>
    /// Registers SimpleJWT with fixed options: <see cref="SimpleJwtOptions"/> (through the options
    /// pattern, <c>IOptions&lt;SimpleJwtOptions&gt;</c>, validated when the host starts), <see cref="SimpleJwtTokenCodec"/>, <see cref="SimpleJwtTokenService"/>,
    /// <see cref="TimeProvider"/> (System, unless already registered), <see cref="ITokenIdGenerator"/>
    /// (random uuid4 hex, unless already registered), the <c>SimpleJwt</c> authentication scheme (the
    /// default challenge and forbid scheme, and the scheme of the default authorization policy) and
    /// <see cref="SimpleJwtDefaults.PerEndpointScheme"/> as the default scheme, which authenticates
    /// nothing (DRF authenticates per view: see UseSimpleJwtAuthentication), plus authorization and
    /// <see cref="DrfAuthenticationOptions"/>. Users, password hashing and the blacklist come from
    /// DI: register <c>IUserStore</c>, <c>IPasswordHasher</c> and (for the blacklist)
    /// <c>ITokenBlacklistStore</c> separately. Only the first call registers anything (the first
    /// registration wins, as with <c>TryAdd</c>).
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
        if (services.Any(d => d.ServiceType == typeof(IOptionsFactory<SimpleJwtOptions>))) return services;
        // The options pattern with an init-only record: the factory builds the whole object (there is
        // nothing to configure in place), and ValidateOnStart makes a bad key stop the host at start.
        services.AddSingleton<IOptionsFactory<SimpleJwtOptions>>(sp => new ContainerOptionsFactory(sp, optionsFactory));
        services.AddOptions<SimpleJwtOptions>().ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SimpleJwtOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenIdGenerator, RandomTokenIdGenerator>();
        services.TryAddSingleton(sp => new SimpleJwtTokenCodec(
            sp.GetRequiredService<SimpleJwtOptions>(),
            sp.GetService<TimeProvider>(),
            jwksHandler: null,
            sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("DjangoSettings.Jwt.JwksClient")));
        services.TryAddSingleton(sp => new SimpleJwtTokenService(
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

    private sealed class ContainerOptionsFactory(IServiceProvider services, Func<IServiceProvider, SimpleJwtOptions> create) : IOptionsFactory<SimpleJwtOptions>
    {
        public SimpleJwtOptions Create(string name)
        {
            var options = SimpleJwtOptionsFactory.Validate(create(services));
            // USER_ID_FIELD must exist on the model the users are read with (Django: a 500 per login).
            if (services.GetService<IUserStore>() is { } users) SimpleJwtOptionsFactory.ValidateUserIdField(options, users.Model);
            return options;
        }
    }
}
