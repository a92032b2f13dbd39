using System;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>BrowsableAPIRenderer</c> (<c>text/html</c>, format <c>api</c>), recognised but not
/// served: it counts for <c>Vary: Accept</c>, the OPTIONS <c>renders</c> list and negotiation, and
/// a request that negotiates it (a browser's <c>Accept: text/html</c>) is answered by the view's
/// first served renderer (JSON) instead of DRF's HTML page. The build reports it.
/// </summary>
public sealed class DrfBrowsableApiRenderer : IDrfRenderer
{
    /// <summary>The shared instance.</summary>
    public static DrfBrowsableApiRenderer Instance { get; } = new();

    /// <inheritdoc />
    public string MediaType => "text/html";

    /// <inheritdoc />
    public string Format => "api";

    /// <inheritdoc />
    public string? Charset => "utf-8";

    /// <inheritdoc />
    public bool IsServed => false;

    /// <inheritdoc />
    public byte[] Render(object? data, DrfMediaType acceptedMediaType) =>
        throw new NotSupportedException("The browsable API is not served by this runtime; the view answers with its first served renderer.");
}
