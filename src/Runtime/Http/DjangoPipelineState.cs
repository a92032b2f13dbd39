namespace DjangoSettings.Http;

/// <summary>
/// Whether <c>app.UseDjangoMiddleware()</c> composed this application's pipeline. Registered by
/// <c>AddDjangoHttp</c> (one per host, not static): Django's strict URL matching
/// (<see cref="DjangoRoutingMatcherPolicy"/>) applies only to an app whose pipeline is Django's, so
/// registering the settings (the generated <c>AddDjangoSettings()</c> always does) changes nothing
/// for an app that does not call it.
/// </summary>
internal sealed class DjangoPipelineState
{
    /// <summary>Set once, while the pipeline is built (before the first request).</summary>
    public bool Composed { get; set; }
}
