using System;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Drf;

namespace DjangoSettings.Caching;

/// <summary>
/// Django's DummyCache: nothing is kept, so every history reads empty and throttles only refuse
/// when their rate allows no request at all (<c>"0/m"</c>).
/// </summary>
internal sealed class DummyThrottleStore : IDrfThrottleStore
{
    /// <summary>The shared instance.</summary>
    public static DummyThrottleStore Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<DrfThrottleDecision> HitAsync(string key, DrfThrottleRate rate, double now, CancellationToken cancellationToken = default) =>
        new(rate.NumRequests <= 0 ? DrfThrottleDecision.Refuse(DrfThrottleHistory.Wait(0, null, rate, now)) : DrfThrottleDecision.Allow);

    /// <inheritdoc />
    public async ValueTask HitManyAsync(DrfThrottleHit[] hits, double now, DrfThrottleDecision[] decisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(decisions);
        for (int i = 0; i < hits.Length; i++) decisions[i] = await HitAsync(hits[i].Key, hits[i].Rate, now, cancellationToken).ConfigureAwait(false);
    }
}
