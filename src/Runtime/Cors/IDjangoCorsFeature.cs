namespace DjangoSettings.Cors;

/// <summary>
/// Set on <c>HttpContext.Features</c> by <see cref="DjangoCorsMiddleware"/>: Django's
/// <c>request._cors_enabled</c>. If an endpoint removes it
/// (<c>context.Features.Set&lt;IDjangoCorsFeature&gt;(null)</c>), the flag is recomputed before
/// the headers are written, exactly as django-cors-headers recomputes a deleted attribute.
/// </summary>
public interface IDjangoCorsFeature
{
    /// <summary>Whether CORS is enabled for this request (URL regex or a check said so).</summary>
    bool IsEnabled { get; }
}
