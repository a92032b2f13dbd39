using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>
/// One of DRF's throttle classes (<c>DEFAULT_THROTTLE_CLASSES</c>). The view asks every throttle,
/// even after one refused (so each still records the request), and answers 429 with the longest wait.
/// </summary>
public interface IDrfThrottle
{
    /// <summary><c>allow_request</c> and, for a refusal, <c>wait()</c>.</summary>
    ValueTask<DrfThrottleDecision> AllowRequestAsync(DrfRequest request);
}
