namespace DjangoSettings.Drf;

/// <summary>A throttle's answer: allowed, or refused with the seconds to wait (null when unknown).</summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="Wait">For a refusal, <c>wait()</c> in seconds (null: no Retry-After).</param>
public readonly record struct DrfThrottleDecision(bool Allowed, double? Wait)
{
    /// <summary>The request may proceed.</summary>
    public static DrfThrottleDecision Allow => new(true, null);

    /// <summary>The request is refused.</summary>
    public static DrfThrottleDecision Refuse(double? wait) => new(false, wait);
}
