using System;

namespace DjangoSettings.Drf;

/// <summary>DRF's <c>UserRateThrottle</c> (scope <c>user</c>): counts every request, by user id when authenticated, else by client identity.</summary>
public sealed class DrfUserRateThrottle : DrfSimpleRateThrottle
{
    /// <summary>A throttle at <paramref name="rate"/>.</summary>
    public DrfUserRateThrottle(DrfThrottleRate? rate, IDrfThrottleStore store, int? numProxies = null, TimeProvider? time = null)
        : base("user", rate, store, numProxies, time)
    {
    }

    /// <inheritdoc />
    protected override string? GetCacheKey(DrfRequest request) => Key(request.IsAuthenticated ? UserPk(request) : Ident(request));
}
