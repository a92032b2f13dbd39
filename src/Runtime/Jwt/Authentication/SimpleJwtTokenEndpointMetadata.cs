namespace DjangoSettings.Jwt;

/// <summary>
/// Marks the token endpoints (MapSimpleJwt): like simplejwt's views they have no authentication
/// classes, so a stale Authorization header never blocks a login or refresh.
/// </summary>
public sealed class SimpleJwtTokenEndpointMetadata
{
    /// <summary>The shared instance.</summary>
    public static SimpleJwtTokenEndpointMetadata Instance { get; } = new();
}
