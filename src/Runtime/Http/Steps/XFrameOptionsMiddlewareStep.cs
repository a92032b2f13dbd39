using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>XFrameOptionsMiddleware</c>: <c>X-Frame-Options: X_FRAME_OPTIONS</c> (upper-cased) on
/// every response that passes back through it, JSON included, unless the response already has the
/// header (whatever its value) or the endpoint carries <see cref="XFrameOptionsExemptAttribute"/>.
/// Responses produced by middleware listed before it (redirects, host errors, preflights) do not get it.
/// </summary>
internal sealed class XFrameOptionsMiddlewareStep : DjangoMiddlewareStep
{
    private readonly StringValues _value;

    // Django reads the setting per response and upper-cases it; it cannot change at run time here.
    public XFrameOptionsMiddlewareStep(string value) => _value = new StringValues((value ?? "DENY").ToUpperInvariant());

    public override DjangoMiddlewareKind Kind => DjangoMiddlewareKind.XFrameOptions;

    public override bool HasResponsePhase => true;

    public override StepOutcome ProcessRequest(HttpContext context, out ReadOnlyMemory<byte> body)
    {
        body = default;
        return StepOutcome.Continue;
    }

    public override void ProcessResponse(HttpContext context)
    {
        var headers = context.Response.Headers;
        // The typed property: a field read on Kestrel's headers.
        if (headers.XFrameOptions.Count != 0) return;
        if (EndpointOf.Get(context)?.Metadata.GetMetadata<XFrameOptionsExemptAttribute>() is not null) return;
        headers.XFrameOptions = _value;
    }
}
