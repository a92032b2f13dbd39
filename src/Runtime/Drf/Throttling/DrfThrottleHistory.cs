using System;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's throttle algorithm over one history (newest first), shared by every store so they cannot
/// drift: prune, decide, record, and <c>wait()</c>.
/// </summary>
public static class DrfThrottleHistory
{
    /// <summary>
    /// Runs <c>allow_request</c> on <paramref name="history"/> (newest first; pruned in place).
    /// Returns the decision and whether the history must be stored (only when allowed).
    /// </summary>
    public static DrfThrottleDecision Decide(System.Collections.Generic.List<double> history, DrfThrottleRate rate, double now)
    {
        ArgumentNullException.ThrowIfNull(history);
        double horizon = now - rate.DurationSeconds;
        while (history.Count > 0 && history[^1] <= horizon) history.RemoveAt(history.Count - 1);
        if (history.Count >= rate.NumRequests) return DrfThrottleDecision.Refuse(Wait(history.Count, history.Count > 0 ? history[^1] : null, rate, now));
        history.Insert(0, now);
        return DrfThrottleDecision.Allow;
    }

    /// <summary>DRF's <c>wait()</c> for a refused request: the time until the oldest entry leaves, spread over the requests that would then be free; null when none would be.</summary>
    public static double? Wait(int historyLength, double? oldest, DrfThrottleRate rate, double now)
    {
        double remaining = oldest is { } o ? rate.DurationSeconds - (now - o) : rate.DurationSeconds;
        long available = rate.NumRequests - historyLength + 1;
        if (available <= 0) return null;
        return remaining / available;
    }
}
