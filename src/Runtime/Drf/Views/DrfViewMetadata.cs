namespace DjangoSettings.Drf;

/// <summary>
/// Marks an endpoint as a DRF view (mapped by <c>MapDrfView</c>/<c>MapDrfApiView</c>), so other
/// parts of the pipeline can tell: authentication and permissions run inside the view, after content
/// negotiation, as DRF orders them.
/// </summary>
/// <param name="View">The view.</param>
public sealed record DrfViewMetadata(DrfView View);
