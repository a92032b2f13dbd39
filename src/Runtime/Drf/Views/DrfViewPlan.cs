using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Drf;

/// <summary>
/// A view's policies resolved once for its endpoint: the view's own classes, else REST_FRAMEWORK's
/// defaults; an endpoint with <c>[AllowAnonymous]</c>/<c>AllowAnonymous()</c> has AllowAny as its
/// permission (authentication still runs, as in DRF), and one with
/// <c>WithDrfAuthentication(schemes)</c> authenticates with those schemes instead of the classes.
/// </summary>
internal sealed class DrfViewPlan
{
    private readonly Func<HttpContext, string, string> _gettext;

    private DrfViewPlan(
        IReadOnlyList<IDrfRenderer> renderers,
        IReadOnlyList<IDrfParser> parsers,
        IReadOnlyList<IDrfAuthenticator> authenticators,
        IReadOnlyList<IDrfPermission> permissions,
        IReadOnlyList<IDrfThrottle> throttles,
        string? throttleScope,
        IDrfPagination? paginator,
        string? formatParameter,
        Func<HttpContext, string, string> gettext)
    {
        Renderers = renderers;
        Parsers = parsers;
        Authenticators = authenticators;
        Permissions = permissions;
        Throttles = throttles;
        ThrottleScope = throttleScope;
        Paginator = paginator;
        FormatParameter = formatParameter;
        VaryAccept = renderers.Count > 1;
        // DRF's rate throttles on one store are checked in one call (one round trip to Redis).
        BatchedThrottles = throttles.Count > 1 && throttles.All(t => t is DrfSimpleRateThrottle s && ReferenceEquals(s.Store, ((DrfSimpleRateThrottle)throttles[0]).Store))
            ? throttles.Cast<DrfSimpleRateThrottle>().ToArray()
            : null;
        _gettext = gettext;
    }

    public IReadOnlyList<IDrfRenderer> Renderers { get; }

    public IReadOnlyList<IDrfParser> Parsers { get; }

    public IReadOnlyList<IDrfAuthenticator> Authenticators { get; }

    public IReadOnlyList<IDrfPermission> Permissions { get; }

    public IReadOnlyList<IDrfThrottle> Throttles { get; }

    public string? ThrottleScope { get; }

    /// <summary>The throttles when all are DRF rate throttles sharing a store, else null.</summary>
    public DrfSimpleRateThrottle[]? BatchedThrottles { get; }

    public IDrfPagination? Paginator { get; }

    /// <summary>URL_FORMAT_OVERRIDE, or null.</summary>
    public string? FormatParameter { get; }

    /// <summary>DRF adds <c>Vary: Accept</c> when the view has more than one renderer class.</summary>
    public bool VaryAccept { get; }

    public string Gettext(HttpContext context, string msgId) => _gettext(context, msgId);

    public static DrfViewPlan Create(DrfView view, Endpoint? endpoint, DrfComponents components, Func<HttpContext, string, string> gettext)
    {
        var settings = components.Settings;
        var policies = view.Policies;
        var renderers = components.Resolve<IDrfRenderer>(policies.Renderers ?? settings.DefaultRendererClasses, "DEFAULT_RENDERER_CLASSES");
        if (renderers.Count == 0) throw new InvalidOperationException($"DRF view '{view.Name}' has no renderer classes.");
        var parsers = components.Resolve<IDrfParser>(policies.Parsers ?? settings.DefaultParserClasses, "DEFAULT_PARSER_CLASSES");
        // Per endpoint, the ASP.NET Core way: WithDrfAuthentication(schemes) replaces the classes.
        var schemes = endpoint?.Metadata.GetMetadata<DjangoSettings.Jwt.DrfAuthenticationMetadata>()?.AuthenticationSchemes;
        var authenticators = schemes is not null
            ? components.ResolveSchemes(schemes)
            : components.Resolve<IDrfAuthenticator>(policies.Authenticators ?? settings.DefaultAuthenticationClasses, "DEFAULT_AUTHENTICATION_CLASSES");
        IReadOnlyList<IDrfPermission> permissions = endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null
            ? [DrfPermissions.AllowAny]
            : components.Resolve<IDrfPermission>(policies.Permissions ?? settings.DefaultPermissionClasses, "DEFAULT_PERMISSION_CLASSES");
        string? scope = endpoint?.Metadata.GetMetadata<DrfThrottleScopeMetadata>()?.Scope ?? policies.ThrottleScope;
        var throttles = components.ResolveThrottles(policies.Throttles ?? settings.DefaultThrottleClasses, scope);
        var paginator = components.ResolvePagination(policies.PaginationClass);
        return new DrfViewPlan(renderers, parsers, authenticators, permissions, throttles, scope, paginator, settings.UrlFormatOverride, gettext);
    }
}
