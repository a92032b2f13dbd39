using System.Globalization;

namespace DjangoSettings.Shared;

/// <summary>
/// DRF's <c>SimpleRateThrottle.parse_rate</c> on a DEFAULT_THROTTLE_RATES value: split on <c>/</c>
/// into exactly two parts, the count through Python's <c>int()</c>, the period by its first
/// character only (<c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>). Shared by the build-time check and the
/// runtime throttles so both accept and refuse the same texts, with the same Python error.
/// </summary>
internal static class DrfRateText
{
    /// <summary>
    /// Parses <paramref name="rate"/>; on failure <paramref name="error"/> is the exception Django
    /// raises when the throttle is created (at the first request of a throttled view).
    /// </summary>
    public static bool TryParse(string rate, out long numRequests, out int durationSeconds, out string? error)
    {
        numRequests = 0;
        durationSeconds = 0;
        var parts = rate.Split('/');
        if (parts.Length != 2)
        {
            error = parts.Length < 2
                ? "ValueError: not enough values to unpack (expected 2, got 1)"
                : "ValueError: too many values to unpack (expected 2)";
            return false;
        }
        if (!PythonInt.TryParse(parts[0], out long num))
        {
            error = "ValueError: invalid literal for int() with base 10: '" + parts[0] + "'";
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
            error = "KeyError: '" + parts[1][0].ToString(CultureInfo.InvariantCulture) + "'";
            return false;
        }
        numRequests = num;
        durationSeconds = d;
        error = null;
        return true;
    }
}
