using System;
using System.Collections.Generic;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>DefaultContentNegotiation.select_renderer</c>: <c>?format=</c> filters renderers (none
/// left: 404); the <c>Accept</c> items (default <c>*/*</c>) are grouped by specificity only (q-values
/// are ignored); for the most specific group first, the first renderer in configured order that
/// any item of the group matches wins; nothing matches: 406.
/// </summary>
public static class DrfContentNegotiation
{
    /// <summary>The chosen renderer and accepted media type; throws <see cref="DrfException"/> 404 or 406.</summary>
    /// <param name="renderers">The view's renderers, in order.</param>
    /// <param name="accept">The <c>Accept</c> header (repeated headers joined with <c>,</c>), or null when absent.</param>
    /// <param name="format">The <c>?format=</c> value (URL_FORMAT_OVERRIDE), or null.</param>
    public static (IDrfRenderer Renderer, DrfMediaType AcceptedMediaType) SelectRenderer(IReadOnlyList<IDrfRenderer> renderers, string? accept, string? format)
    {
        ArgumentNullException.ThrowIfNull(renderers);
        IReadOnlyList<IDrfRenderer> candidates = renderers;
        if (!string.IsNullOrEmpty(format))
        {
            var filtered = new List<IDrfRenderer>();
            foreach (var r in renderers)
            {
                if (r.Format == format) filtered.Add(r);
            }
            // Django's Http404, which DRF renders as {"detail": "Not found."}.
            if (filtered.Count == 0) throw DrfException.NotFound();
            candidates = filtered;
        }

        var groups = new List<DrfMediaType>[4];
        foreach (var item in (accept ?? "*/*").Split(','))
        {
            var mediaType = DrfMediaType.Parse(item.Trim());
            int slot = 3 - mediaType.Precedence;
            (groups[slot] ??= new List<DrfMediaType>()).Add(mediaType);
        }
        foreach (var group in groups)
        {
            if (group is null) continue;
            foreach (var renderer in candidates)
            {
                var rendererType = DrfMediaType.Parse(renderer.MediaType);
                foreach (var client in group)
                {
                    if (!rendererType.Matches(client)) continue;
                    if (rendererType.Precedence > client.Precedence)
                    {
                        // "*/*" accepted as the renderer's type, keeping the client's parameters.
                        var text = renderer.MediaType;
                        foreach (var (k, v) in client.Parameters) text += ";" + k + "=" + v;
                        return (renderer, DrfMediaType.Parse(text));
                    }
                    return (renderer, client);
                }
            }
        }
        throw DrfException.NotAcceptable();
    }
}
