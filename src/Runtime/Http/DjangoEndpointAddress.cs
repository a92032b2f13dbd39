using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DjangoSettings.Http;

/// <summary>An address that names one endpoint, so <see cref="LinkParser"/> parses a path against it alone.</summary>
/// <param name="Endpoint">The endpoint.</param>
public sealed record DjangoEndpointAddress(RouteEndpoint Endpoint);

/// <summary>Finds the one endpoint a <see cref="DjangoEndpointAddress"/> names.</summary>
internal sealed class DjangoEndpointAddressScheme : IEndpointAddressScheme<DjangoEndpointAddress>
{
    public IEnumerable<Endpoint> FindEndpoints(DjangoEndpointAddress address) => new Endpoint[] { address.Endpoint };
}
