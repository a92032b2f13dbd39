using System.Threading;
using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>
/// Where throttle histories live (Django's default cache, <c>CACHES['default']</c>): in process for
/// LocMemCache, Redis for django-redis or Django's RedisCache. One call runs DRF's whole
/// <c>allow_request</c> for a key: read the history (newest first), drop entries at or before
/// <c>now - duration</c>, refuse when it holds <c>num_requests</c> (nothing written; the wait as
/// <c>wait()</c> computes it), else record <c>now</c> at the front and store it for <c>duration</c>.
/// </summary>
public interface IDrfThrottleStore
{
    /// <summary>One throttle check for <paramref name="key"/> (DRF's key, e.g. <c>throttle_anon_10.0.0.1</c>; the store adds the cache's prefix and version).</summary>
    ValueTask<DrfThrottleDecision> HitAsync(string key, DrfThrottleRate rate, double now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Several throttle checks for one request, in order, with DRF's semantics for each; a networked
    /// store answers them in one round trip. Results are written to <paramref name="decisions"/>.
    /// </summary>
    ValueTask HitManyAsync(DrfThrottleHit[] hits, double now, DrfThrottleDecision[] decisions, CancellationToken cancellationToken = default);
}
