namespace DjangoSettings.Drf;

/// <summary>
/// Endpoint metadata giving a DRF view its <c>throttle_scope</c> (for ScopedRateThrottle), the ASP.NET
/// Core way: <c>.WithMetadata(new DrfThrottleScopeMetadata("uploads"))</c>. It overrides the view's own scope.
/// </summary>
/// <param name="Scope">The key into DEFAULT_THROTTLE_RATES.</param>
public sealed record DrfThrottleScopeMetadata(string Scope);
