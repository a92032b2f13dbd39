using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Drf;

/// <summary>
/// Django's SessionMiddleware as far as this runtime serves sessions (it has none): the response of a
/// request that read the session (<see cref="DjangoSessionAccessFeature"/>) gets <c>Vary: Cookie</c>
/// merged in, at SessionMiddleware's place in the pipeline, so the Vary tokens come in Django's order.
/// Place it where MIDDLEWARE lists SessionMiddleware, when AuthenticationMiddleware is listed too.
/// </summary>
public sealed class DjangoSessionVaryMiddleware(RequestDelegate next)
{
    /// <summary>Registers the response-phase patch, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            if (ctx.Features.Get<DjangoSessionAccessFeature>() is not null)
            {
                ctx.Response.Headers.Vary = DrfViewDispatcher.PatchVary(ctx.Response.Headers.Vary, "Cookie");
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
