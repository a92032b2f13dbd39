using System;
using DjangoSettings.Drf;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>SessionMiddleware</c> as far as this runtime has sessions (none): its response phase
/// merges <c>Vary: Cookie</c> into the responses of requests that read the session (DRF's
/// SessionAuthentication marks them with <see cref="DjangoSessionAccessFeature"/>), at its place in
/// MIDDLEWARE, so the Vary tokens come in Django's order. Nothing is set otherwise.
/// </summary>
internal sealed class SessionMiddlewareStep : DjangoMiddlewareStep
{
    public override DjangoMiddlewareKind Kind => DjangoMiddlewareKind.Session;

    public override bool HasResponsePhase => true;

    public override StepOutcome ProcessRequest(HttpContext context, out ReadOnlyMemory<byte> body)
    {
        body = default;
        return StepOutcome.Continue;
    }

    public override void ProcessResponse(HttpContext context)
    {
        if (context.Features.Get<DjangoSessionAccessFeature>() is null) return;
        context.Response.Headers.Vary = DrfViewDispatcher.PatchVary(context.Response.Headers.Vary, "Cookie");
    }
}
