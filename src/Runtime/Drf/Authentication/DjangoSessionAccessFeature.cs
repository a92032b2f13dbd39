namespace DjangoSettings.Drf;

/// <summary>
/// Marks a request whose Django session was read (DRF's SessionAuthentication asks
/// AuthenticationMiddleware for <c>request.user</c>, which loads the session), so
/// <see cref="DjangoSessionVaryMiddleware"/> adds <c>Vary: Cookie</c> as SessionMiddleware does.
/// </summary>
public sealed class DjangoSessionAccessFeature
{
    /// <summary>The shared marker.</summary>
    public static DjangoSessionAccessFeature Instance { get; } = new();
}
