namespace DjangoSettings.Drf;

/// <summary>One throttle's key and rate for a request.</summary>
/// <param name="Key">DRF's cache key (<c>throttle_&lt;scope&gt;_&lt;ident&gt;</c>).</param>
/// <param name="Rate">The rate.</param>
public readonly record struct DrfThrottleHit(string Key, DrfThrottleRate Rate);
