using System;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Http;

/// <summary>What a request phase decided.</summary>
internal enum StepOutcome
{
    /// <summary>Go on to the next entry of MIDDLEWARE.</summary>
    Continue,

    /// <summary>
    /// The entry answered (Django: <c>process_request</c> returned a response): its own response
    /// phase runs on the answer, and those of the entries before it.
    /// </summary>
    Responded,

    /// <summary>
    /// The entry raised (Django: an exception converted at this entry's boundary, e.g. DisallowedHost
    /// → 400): only the response phases of the entries before it run.
    /// </summary>
    Raised,
}

/// <summary>
/// One Django middleware of MIDDLEWARE as a step of <see cref="DjangoMiddlewareSegment"/>: a request
/// phase (which may answer) and a response phase (headers added when the response starts). Steps
/// hold only configuration; per-request state lives on the HttpContext.
/// </summary>
internal abstract class DjangoMiddlewareStep
{
    /// <summary>Which MIDDLEWARE entry this is.</summary>
    public abstract DjangoMiddlewareKind Kind { get; }

    /// <summary>Whether <see cref="ProcessResponse"/> does anything (steps without one cost nothing there).</summary>
    public virtual bool HasResponsePhase => false;

    /// <summary>
    /// The request phase. When it answers it has set the status and headers; <paramref name="body"/>
    /// is the body to send (empty for redirects).
    /// </summary>
    public abstract StepOutcome ProcessRequest(HttpContext context, out ReadOnlyMemory<byte> body);

    /// <summary>The response phase, run when the response starts (before its first byte).</summary>
    public virtual void ProcessResponse(HttpContext context)
    {
    }
}
