namespace DjangoSettings.Drf;

/// <summary>
/// One of DRF's renderer classes (<c>DEFAULT_RENDERER_CLASSES</c>): what content negotiation
/// chooses between, and what turns a response's data into bytes.
/// </summary>
public interface IDrfRenderer
{
    /// <summary>The media type negotiation matches against <c>Accept</c> (<c>application/json</c>).</summary>
    string MediaType { get; }

    /// <summary>The <c>?format=</c> value that selects this renderer (<c>json</c>, <c>api</c>).</summary>
    string Format { get; }

    /// <summary>Appended to <c>Content-Type</c> as <c>; charset=...</c> when not null (JSON has none).</summary>
    string? Charset { get; }

    /// <summary>
    /// False for renderers this runtime recognises but does not serve (the browsable API): they
    /// take part in negotiation, <c>Vary</c> and OPTIONS as in Django, and when chosen the first
    /// served renderer of the view answers instead.
    /// </summary>
    bool IsServed { get; }

    /// <summary>The body for <paramref name="data"/>; empty for null data (DRF then drops <c>Content-Type</c>).</summary>
    /// <param name="data">The response data: null, bool, string, numbers, sequences, string-keyed maps.</param>
    /// <param name="acceptedMediaType">The media type negotiation accepted (may carry <c>indent</c>).</param>
    byte[] Render(object? data, DrfMediaType acceptedMediaType);
}
