using Microsoft.AspNetCore.Builder;

namespace DjangoSettings.Http;

/// <summary>
/// Marks, in <see cref="IApplicationBuilder.Properties"/>, which Django middleware a pipeline already
/// has, so that one placed by hand (<c>UseDjangoCors()</c>, <c>UseDjangoLocale()</c>,
/// <c>UseDjangoSessionVary()</c>) and the same MIDDLEWARE entry composed by
/// <c>UseDjangoMiddleware()</c> are refused at startup instead of running twice.
/// </summary>
internal static class DjangoPipelineMarkers
{
    /// <summary><c>UseDjangoMiddleware()</c> ran.</summary>
    public const string Composed = "DjangoSettings.Http.UseDjangoMiddleware";

    /// <summary>CorsMiddleware was added (by hand or by <c>UseDjangoMiddleware()</c>).</summary>
    public const string Cors = "DjangoSettings.Http.CorsMiddleware";

    /// <summary>LocaleMiddleware was added.</summary>
    public const string Locale = "DjangoSettings.Http.LocaleMiddleware";

    /// <summary>SessionMiddleware's Vary: Cookie was added.</summary>
    public const string Session = "DjangoSettings.Http.SessionMiddleware";

    /// <summary>Records <paramref name="key"/>; throws when it was recorded already (the middleware would run twice).</summary>
    public static void Mark(IApplicationBuilder app, string key, string what)
    {
        if (app.Properties.ContainsKey(key))
        {
            throw new System.InvalidOperationException(
                what + " would run twice: it is placed by hand and listed in MIDDLEWARE, which app.UseDjangoMiddleware() composes in order. Remove the hand-placed call (app.UseDjangoCors(), app.UseDjangoLocale() or app.UseDjangoSessionVary()) or the MIDDLEWARE entry.");
        }
        app.Properties[key] = true;
    }
}
