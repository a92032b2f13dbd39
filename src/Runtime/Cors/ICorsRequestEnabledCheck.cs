using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Cors;

/// <summary>
/// The equivalent of django-cors-headers' <c>check_request_enabled</c> signal. Register any number
/// as singletons (<c>services.AddSingleton&lt;ICorsRequestEnabledCheck, MyCheck&gt;()</c>); the
/// answer is "any returned true". Consulted lazily at the same two points as Django: before the
/// request only when <c>CORS_URLS_REGEX</c> did not match (true enables CORS for the URL), and after
/// it only when neither allow-all nor the origin lists allowed the Origin (true allows it). So a
/// check that returns true both enables the URL and admits every origin. Exceptions propagate.
/// </summary>
public interface ICorsRequestEnabledCheck
{
    /// <summary>True to enable CORS for this request and allow its Origin.</summary>
    bool IsEnabled(HttpContext context);
}
