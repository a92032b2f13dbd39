using System.Linq;
using DjangoSettings.Jwt;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>SimpleMetadata.determine_metadata</c> for a view without a serializer: what OPTIONS
/// answers, keys in DRF's order (<c>name</c>, <c>description</c>, <c>renders</c>, <c>parses</c>).
/// </summary>
internal static class DrfSimpleMetadata
{
    public static TokenClaimsBuilder For(DrfRequest request)
    {
        var metadata = new TokenClaimsBuilder()
            .Set("name", request.View.Name)
            .Set("description", request.View.Description)
            .Set("renders", request.Plan.Renderers.Select(r => r.MediaType).ToArray())
            .Set("parses", request.Plan.Parsers.Select(p => p.MediaType).ToArray());
        if (request.View.MetadataActions?.Invoke(request) is { } actions) metadata.Set("actions", actions);
        return metadata;
    }
}
