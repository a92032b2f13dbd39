using System;

namespace DjangoSettings.Drf;

/// <summary>DRF's <c>AnonRateThrottle</c> (scope <c>anon</c>): counts unauthenticated requests by client identity.</summary>
public sealed class DrfAnonRateThrottle : DrfSimpleRateThrottle
{
    /// <summary>A throttle at <paramref name="rate"/>.</summary>
    public DrfAnonRateThrottle(DrfThrottleRate? rate, IDrfThrottleStore store, int? numProxies = null, TimeProvider? time = null)
        : base("anon", rate, store, numProxies, time)
    {
    }

    /// <inheritdoc />
    protected override string? GetCacheKey(DrfRequest request) => request.IsAuthenticated ? null : Key(Ident(request));
}
