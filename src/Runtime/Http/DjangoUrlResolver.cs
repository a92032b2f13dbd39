using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>resolve(path)</c> for CommonMiddleware's APPEND_SLASH: whether some endpoint serves
/// a path, whatever the method (Django resolves URLs before it looks at methods). Parsing goes
/// through ASP.NET Core's <see cref="LinkParser"/> (route templates, defaults and constraints, the
/// routing system's own code) one endpoint at a time, after <see cref="DjangoRouteRules"/>.
/// Only requests whose path does not end in <c>/</c> and matches nothing get here.
/// </summary>
public sealed class DjangoUrlResolver
{
    private readonly EndpointDataSource _endpoints;
    private readonly LinkParser _parser;

    /// <summary>Resolves against every endpoint of the application.</summary>
    public DjangoUrlResolver(EndpointDataSource endpoints, LinkParser parser)
    {
        _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        _parser = parser ?? throw new ArgumentNullException(nameof(parser));
    }

    /// <summary>The first endpoint (in data source order) that serves <paramref name="path"/>, or null.</summary>
    public Endpoint? Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        IReadOnlyList<Endpoint> endpoints = _endpoints.Endpoints;
        for (int i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i] is not RouteEndpoint route) continue;
            if (route.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true) continue;
            if (!DjangoRouteRules.Accepts(route.RoutePattern, path)) continue;
            if (_parser.ParsePathByAddress(new DjangoEndpointAddress(route), new PathString(path)) is not null) return route;
        }
        return null;
    }
}
