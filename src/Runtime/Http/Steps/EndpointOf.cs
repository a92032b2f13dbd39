using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DjangoSettings.Http;

/// <summary><c>context.GetEndpoint()</c> through the non-generic feature indexer (no generic virtual dispatch per request).</summary>
internal static class EndpointOf
{
    public static Endpoint? Get(HttpContext context) => (context.Features[typeof(IEndpointFeature)] as IEndpointFeature)?.Endpoint;
}
