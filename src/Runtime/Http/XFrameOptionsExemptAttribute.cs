using System;

namespace DjangoSettings.Http;

/// <summary>
/// Endpoint metadata: Django's <c>@xframe_options_exempt</c>. The composed XFrameOptionsMiddleware
/// adds no <c>X-Frame-Options</c> to this endpoint's responses. Put it on a handler method or class,
/// or call <c>.ExemptFromXFrameOptions()</c> on the endpoint.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Delegate, Inherited = true, AllowMultiple = false)]
public sealed class XFrameOptionsExemptAttribute : Attribute
{
}
