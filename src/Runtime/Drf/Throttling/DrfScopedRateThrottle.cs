using System;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>ScopedRateThrottle</c>: the view's <c>throttle_scope</c> picks the rate (a view without a
/// scope is never throttled); keyed like UserRateThrottle.
/// </summary>
public sealed class DrfScopedRateThrottle : DrfSimpleRateThrottle
{
    /// <summary>A throttle for a view with <paramref name="scope"/>.</summary>
    public DrfScopedRateThrottle(string scope, DrfThrottleRate? rate, IDrfThrottleStore store, int? numProxies = null, TimeProvider? time = null)
        : base(scope, rate, store, numProxies, time)
    {
    }

    /// <inheritdoc />
    protected override string? GetCacheKey(DrfRequest request) => Key(request.IsAuthenticated ? UserPk(request) : Ident(request));
}
