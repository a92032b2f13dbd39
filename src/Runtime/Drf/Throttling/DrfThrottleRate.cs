using System;
using DjangoSettings.Shared;

namespace DjangoSettings.Drf;

/// <summary>
/// A DEFAULT_THROTTLE_RATES value as DRF's <c>parse_rate</c> reads it: <c>"N/period"</c> split on the
/// one <c>/</c>, N through Python's <c>int()</c>, the period by its <em>first character only</em>
/// (<c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>: <c>"5/m"</c>, <c>"100/day"</c>, <c>"10/mxyz"</c> all work).
/// </summary>
/// <param name="NumRequests">Requests allowed per period.</param>
/// <param name="DurationSeconds">The period in seconds.</param>
public readonly record struct DrfThrottleRate(long NumRequests, int DurationSeconds)
{
    /// <summary>Parses a rate; the message of a failure is the Python exception Django would raise at request time.</summary>
    public static bool TryParse(string rate, out DrfThrottleRate result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(rate);
        // One parser for the build-time check (DJS0607) and the runtime.
        bool ok = DrfRateText.TryParse(rate, out long num, out int duration, out error);
        result = ok ? new DrfThrottleRate(num, duration) : default;
        return ok;
    }

    /// <summary>Parses a rate or throws <see cref="FormatException"/> with Django's error.</summary>
    public static DrfThrottleRate Parse(string rate) =>
        TryParse(rate, out var result, out var error) ? result : throw new FormatException($"Throttle rate '{rate}': {error}");
}
