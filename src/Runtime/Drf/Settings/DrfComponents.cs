using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Jwt;
using DjangoSettings.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace DjangoSettings.Drf;

/// <summary>
/// Turns REST_FRAMEWORK's dotted class paths (and view-level overrides) into components: the
/// classes DRF and simplejwt ship that this runtime serves, then the project's registrations.
/// </summary>
internal sealed class DrfComponents
{
    private readonly Dictionary<string, Func<IServiceProvider, object>> _factories = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private IDrfThrottleStore? _store;

    public DrfComponents(RestFrameworkSettings settings, IEnumerable<DrfComponentRegistration> registrations, IServiceProvider services)
    {
        Settings = settings;
        _services = services;
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var json = new DrfJsonRenderer(settings.UnicodeJson, settings.CompactJson, settings.StrictJson);
        _factories[DrfClassNames.JsonRenderer] = _ => json;
        _factories[DrfClassNames.BrowsableApiRenderer] = _ => DrfBrowsableApiRenderer.Instance;
        _factories[DrfClassNames.JsonParser] = _ => DrfJsonParser.Instance;
        _factories[DrfClassNames.FormParser] = _ => DrfFormParser.Instance;
        _factories[DrfClassNames.MultiPartParser] = _ => DrfMultiPartParser.Instance;
        _factories[DrfClassNames.SessionAuthentication] = _ => DrfSessionAuthenticator.Instance;
        _factories[DrfClassNames.BasicAuthentication] = _ => DrfBasicAuthenticator.Instance;
        _factories[DrfClassNames.TokenAuthentication] = _ => DrfTokenAuthenticator.Instance;
        _factories[DrfClassNames.JwtAuthentication] = JwtAuthenticator;
        // JWTStatelessUserAuthentication (and its alias JWTTokenUserAuthentication): the same scheme,
        // whose SimpleJwtOptions.StatelessUserAuthentication AddDjangoSettings switches on when the
        // first JWT class of DEFAULT_AUTHENTICATION_CLASSES is one of them (the token is the user).
        _factories[DrfClassNames.JwtStatelessUserAuthentication] = JwtAuthenticator;
        _factories[DrfClassNames.JwtTokenUserAuthentication] = JwtAuthenticator;
        _factories[DrfClassNames.AllowAny] = _ => DrfPermissions.AllowAny;
        _factories[DrfClassNames.IsAuthenticated] = _ => DrfPermissions.IsAuthenticated;
        _factories[DrfClassNames.IsAdminUser] = _ => DrfPermissions.IsAdminUser;
        _factories[DrfClassNames.IsAuthenticatedOrReadOnly] = _ => DrfPermissions.IsAuthenticatedOrReadOnly;
        _factories[DrfClassNames.PageNumberPagination] = _ => new DrfPageNumberPagination { PageSize = settings.PageSize };
        _factories[DrfClassNames.LimitOffsetPagination] = _ => new DrfLimitOffsetPagination { DefaultLimit = settings.PageSize };
        foreach (var registration in registrations) _factories[registration.ClassPath] = registration.Factory;
    }

    public RestFrameworkSettings Settings { get; }

    /// <summary>Resolves a list of dotted paths and instances into components of type <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">A path nothing serves, or a component of the wrong kind.</exception>
    public IReadOnlyList<T> Resolve<T>(IReadOnlyList<object> entries, string settingName)
        where T : class
    {
        var list = new List<T>(entries.Count);
        foreach (var entry in entries)
        {
            object component = entry is string path ? Create(path, settingName) : entry;
            list.Add(component as T ?? throw new InvalidOperationException(
                $"{settingName}: {Describe(entry)} is a {component.GetType().Name}, not an {typeof(T).Name}."));
        }
        return list;
    }

    /// <summary>
    /// Authenticators for ASP.NET Core scheme names, in order (an endpoint's
    /// <c>WithDrfAuthentication(schemes)</c>): the SimpleJwt scheme is simplejwt's JWTAuthentication
    /// with its <c>WWW-Authenticate</c>; another scheme authenticates through the scheme and has no
    /// <c>authenticate_header</c> (so, first in the list, a refused request is a 403, as DRF does).
    /// </summary>
    public IReadOnlyList<IDrfAuthenticator> ResolveSchemes(IReadOnlyList<string> schemes)
    {
        var list = new List<IDrfAuthenticator>(schemes.Count);
        foreach (var scheme in schemes)
        {
            list.Add(scheme == SimpleJwtDefaults.AuthenticationScheme
                ? (IDrfAuthenticator)JwtAuthenticator(_services)
                : new DrfSchemeAuthenticator(scheme, static _ => null));
        }
        return list;
    }

    /// <summary>The store of throttle histories (CACHES['default']).</summary>
    public IDrfThrottleStore ThrottleStore => _store ??= _services.GetRequiredService<IDrfThrottleStore>();

    /// <summary>
    /// The throttles of a view: DRF's three rate throttles built with DEFAULT_THROTTLE_RATES (a scope
    /// without a rate entry is Django's ImproperlyConfigured, a failure of every request of the view),
    /// the project's registered classes by path, and instances as given.
    /// </summary>
    public IReadOnlyList<IDrfThrottle> ResolveThrottles(IReadOnlyList<object> entries, string? scope)
    {
        var list = new List<IDrfThrottle>(entries.Count);
        foreach (var entry in entries)
        {
            switch (entry)
            {
                case DrfClassNames.AnonRateThrottle:
                    list.Add(new DrfAnonRateThrottle(DrfSimpleRateThrottle.ResolveRate(Settings, "anon"), ThrottleStore, Settings.NumProxies, _time));
                    break;
                case DrfClassNames.UserRateThrottle:
                    list.Add(new DrfUserRateThrottle(DrfSimpleRateThrottle.ResolveRate(Settings, "user"), ThrottleStore, Settings.NumProxies, _time));
                    break;
                case DrfClassNames.ScopedRateThrottle:
                    // A view without throttle_scope is never throttled by it.
                    if (!string.IsNullOrEmpty(scope)) list.Add(new DrfScopedRateThrottle(scope, DrfSimpleRateThrottle.ResolveRate(Settings, scope), ThrottleStore, Settings.NumProxies, _time));
                    break;
                default:
                    list.AddRange(Resolve<IDrfThrottle>([entry], "DEFAULT_THROTTLE_CLASSES"));
                    break;
            }
        }
        return list;
    }

    /// <summary>The pagination class of a view: its own (empty: none), else DEFAULT_PAGINATION_CLASS.</summary>
    public IDrfPagination? ResolvePagination(string? viewClass)
    {
        string? path = viewClass ?? Settings.DefaultPaginationClass;
        if (string.IsNullOrEmpty(path)) return null;
        return Resolve<IDrfPagination>([path], "DEFAULT_PAGINATION_CLASS")[0];
    }

    private object Create(string path, string settingName)
    {
        if (_factories.TryGetValue(path, out var factory)) return factory(_services);
        throw new InvalidOperationException(
            $"{settingName}: '{path}' is not served by this runtime. Register a component for it with services.AddDrfComponent(\"{path}\", ...) " +
            "(see docs/porting-guide.md, REST_FRAMEWORK).");
    }

    private static string Describe(object entry) => entry is string s ? "'" + s + "'" : entry.GetType().Name;

    // simplejwt's JWTAuthentication through the SimpleJwt scheme; its header is "<first AUTH_HEADER_TYPES> realm="api"".
    private static object JwtAuthenticator(IServiceProvider services)
    {
        var options = services.GetService<SimpleJwtOptions>() ?? throw new InvalidOperationException(
            $"DEFAULT_AUTHENTICATION_CLASSES names {DrfClassNames.JwtAuthentication}, but SimpleJWT is not registered (AddSimpleJwt, or a SIMPLE_JWT/SECRET_KEY in the settings file).");
        string header = SimpleJwtAuthenticationHandler.WwwAuthenticate(options);
        return new DrfSchemeAuthenticator(SimpleJwtDefaults.AuthenticationScheme, _ => header, JwtFailure);
    }

    private static DrfException? JwtFailure(Exception failure) => failure switch
    {
        SimpleJwtAuthenticationException refused => new DrfException(401, refused.Body, refused.Code ?? "authentication_failed") { IsAuthenticationError = true },
        // The user store is down: the documented 503 of the token endpoints, not a 500.
        TokenStoreUnavailableException => new DrfException(503,
            new TokenClaimsBuilder().Set("detail", TokenStoreUnavailableException.Detail).Set("code", TokenStoreUnavailableException.Code),
            TokenStoreUnavailableException.Code) { Wait = 1 },
        _ => DrfException.AuthenticationFailed(failure.Message),
    };
}
