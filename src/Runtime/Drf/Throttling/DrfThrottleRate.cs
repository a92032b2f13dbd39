using System;
using System.Globalization;

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
        result = default;
        var parts = rate.Split('/');
        if (parts.Length != 2)
        {
            error = parts.Length < 2
                ? "ValueError: not enough values to unpack (expected 2, got 1)"
                : string.Create(CultureInfo.InvariantCulture, $"ValueError: too many values to unpack (expected 2)");
            return false;
        }
        if (!PythonInt.TryParse(parts[0], out long num))
        {
            error = $"ValueError: invalid literal for int() with base 10: '{parts[0]}'";
            return false;
        }
        if (parts[1].Length == 0)
        {
            error = "IndexError: string index out of range";
            return false;
        }
        int? duration = parts[1][0] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => null };
        if (duration is not { } d)
        {
            error = $"KeyError: '{parts[1][0]}'";
            return false;
        }
        result = new DrfThrottleRate(num, d);
        error = null;
        return true;
    }

    /// <summary>Parses a rate or throws <see cref="FormatException"/> with Django's error.</summary>
    public static DrfThrottleRate Parse(string rate) =>
        TryParse(rate, out var result, out var error) ? result : throw new FormatException($"Throttle rate '{rate}': {error}");
}
