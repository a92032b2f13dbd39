using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Jwt;

/// <summary>
/// Endpoint metadata: the endpoint is a DRF API view, whose <c>authentication_classes</c> (here:
/// authentication scheme names, in order) run before it, in the authentication step
/// (<c>UseSimpleJwtAuthentication()</c>). Add it with
/// <see cref="Microsoft.AspNetCore.Builder.DrfAuthenticationEndpointConventionBuilderExtensions.WithDrfAuthentication{TBuilder}(TBuilder)"/>.
/// Endpoints without it are DRF views with the default classes when they carry authorization
/// metadata (<c>[Authorize]</c>, <c>RequireAuthorization()</c>, <c>[AllowAnonymous]</c>,
/// <c>AllowAnonymous()</c>), and plain Django views (never authenticated) otherwise.
/// </summary>
public sealed class DrfAuthenticationMetadata
{
    /// <summary>The project's default classes (<see cref="DrfAuthenticationOptions.DefaultAuthenticationSchemes"/>, DRF's DEFAULT_AUTHENTICATION_CLASSES).</summary>
    public static DrfAuthenticationMetadata Default { get; } = new(null);

    /// <summary><c>authentication_classes = ()</c>: a DRF view that authenticates nothing (simplejwt's token views).</summary>
    public static DrfAuthenticationMetadata None { get; } = new(Array.Empty<string>());

    /// <summary>A view with its own classes.</summary>
    /// <param name="authenticationSchemes">Scheme names in DRF's order (the first that authenticates wins), or null for the defaults.</param>
    public DrfAuthenticationMetadata(IReadOnlyList<string>? authenticationSchemes)
    {
        AuthenticationSchemes = authenticationSchemes;
    }

    /// <summary>The schemes this view authenticates with, or null for the project's defaults.</summary>
    public IReadOnlyList<string>? AuthenticationSchemes { get; }

    /// <summary>
    /// The schemes to run for <paramref name="endpoint"/>: its <see cref="DrfAuthenticationMetadata"/>
    /// (the last one added wins), else none for the token views, else the defaults for an endpoint
    /// with authorization metadata, else null (not a DRF view: no authentication).
    /// </summary>
    internal static IReadOnlyList<string>? SchemesFor(Endpoint? endpoint, IReadOnlyList<string> defaults)
    {
        if (endpoint is null) return null;
        var metadata = endpoint.Metadata;
        if (metadata.GetMetadata<DrfAuthenticationMetadata>() is { } view) return view.AuthenticationSchemes ?? defaults;
        if (metadata.GetMetadata<SimpleJwtTokenEndpointMetadata>() is not null) return None.AuthenticationSchemes;
        if (metadata.GetMetadata<IAuthorizeData>() is not null || metadata.GetMetadata<IAllowAnonymous>() is not null) return defaults;
        return null;
    }
}
