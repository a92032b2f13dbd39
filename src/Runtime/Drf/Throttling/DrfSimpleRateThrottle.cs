using System;
using System.Globalization;
using System.Security.Claims;
using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>SimpleRateThrottle</c>: a rate from DEFAULT_THROTTLE_RATES by scope (null: never
/// throttles), a cache key <c>throttle_&lt;scope&gt;_&lt;ident&gt;</c>, and DRF's history algorithm in
/// the configured store. Subclasses say which requests they count and who the client is.
/// </summary>
public abstract class DrfSimpleRateThrottle : IDrfThrottle
{
    private readonly TimeProvider _time;
    private readonly string _keyPrefix;

    /// <summary>A throttle for <paramref name="scope"/> at <paramref name="rate"/> (null: off).</summary>
    protected DrfSimpleRateThrottle(string scope, DrfThrottleRate? rate, IDrfThrottleStore store, int? numProxies, TimeProvider? time)
    {
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
        Rate = rate;
        Store = store ?? throw new ArgumentNullException(nameof(store));
        NumProxies = numProxies;
        _time = time ?? TimeProvider.System;
        _keyPrefix = "throttle_" + scope + "_";
    }

    /// <summary>The scope (<c>anon</c>, <c>user</c>, or the view's <c>throttle_scope</c>).</summary>
    public string Scope { get; }

    /// <summary>The rate, or null when DEFAULT_THROTTLE_RATES maps the scope to None.</summary>
    public DrfThrottleRate? Rate { get; }

    /// <summary>Where histories are kept.</summary>
    public IDrfThrottleStore Store { get; }

    /// <summary>NUM_PROXIES.</summary>
    public int? NumProxies { get; }

    /// <summary><c>time.time()</c> on the configured clock.</summary>
    public double Now() => (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary><c>get_cache_key</c>: the key for this request, or null when the request is not counted.</summary>
    protected abstract string? GetCacheKey(DrfRequest request);

    /// <summary>The key and rate for this request, or false when the throttle lets it through untouched.</summary>
    public bool TryGetHit(DrfRequest request, out DrfThrottleHit hit)
    {
        hit = default;
        if (Rate is not { } rate) return false;
        if (GetCacheKey(request) is not { } key) return false;
        hit = new DrfThrottleHit(key, rate);
        return true;
    }

    /// <inheritdoc />
    public ValueTask<DrfThrottleDecision> AllowRequestAsync(DrfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetHit(request, out var hit)) return new ValueTask<DrfThrottleDecision>(DrfThrottleDecision.Allow);
        return Store.HitAsync(hit.Key, hit.Rate, Now());
    }

    /// <summary><c>throttle_&lt;scope&gt;_&lt;ident&gt;</c>.</summary>
    protected string Key(string ident) => _keyPrefix + ident;

    /// <summary><c>get_ident(request)</c>.</summary>
    protected string Ident(DrfRequest request) => DrfClientIdentity.GetIdent(request.HttpContext, NumProxies);

    /// <summary><c>request.user.pk</c> as Python prints it (the user id claim).</summary>
    protected static string UserPk(DrfRequest request) =>
        request.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "None";

    /// <summary>Resolves a scope's rate from DEFAULT_THROTTLE_RATES as <c>get_rate</c> and <c>parse_rate</c> do.</summary>
    /// <exception cref="InvalidOperationException">The scope has no entry (Django's ImproperlyConfigured) or the rate does not parse.</exception>
    public static DrfThrottleRate? ResolveRate(RestFrameworkSettings settings, string scope)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.DefaultThrottleRates.TryGetValue(scope, out var text))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No default throttle rate set for '{scope}' scope"));
        }
        if (text is null) return null;
        if (!DrfThrottleRate.TryParse(text, out var rate, out var error))
        {
            throw new InvalidOperationException($"DEFAULT_THROTTLE_RATES['{scope}'] = '{text}': {error}");
        }
        return rate;
    }
}
