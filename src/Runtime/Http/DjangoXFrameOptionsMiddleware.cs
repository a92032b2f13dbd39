using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>XFrameOptionsMiddleware</c>: <c>X-Frame-Options: X_FRAME_OPTIONS</c> (upper-cased) on
/// every response that passes back through it, JSON included, unless the response already has the
/// header (whatever its value) or the endpoint carries <see cref="XFrameOptionsExemptAttribute"/>.
/// Responses produced by middleware listed before it (redirects, host errors, preflights) do not get it.
/// </summary>
public sealed class DjangoXFrameOptionsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly StringValues _value;
    private readonly Func<object, Task> _responsePhase;

    /// <summary>Created once by the pipeline.</summary>
    public DjangoXFrameOptionsMiddleware(RequestDelegate next, DjangoHttpSettings settings)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        ArgumentNullException.ThrowIfNull(settings);
        // Django reads the setting per response and upper-cases it; it cannot change at run time here.
        _value = new StringValues((settings.XFrameOptions ?? "DENY").ToUpperInvariant());
        _responsePhase = ResponsePhase;
    }

    /// <summary>Registers the response phase and runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(_responsePhase, context);
        return _next(context);
    }

    private Task ResponsePhase(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        if (headers.ContainsKey("X-Frame-Options")) return Task.CompletedTask;
        if (context.GetEndpoint()?.Metadata.GetMetadata<XFrameOptionsExemptAttribute>() is not null) return Task.CompletedTask;
        headers.XFrameOptions = _value;
        return Task.CompletedTask;
    }
}
