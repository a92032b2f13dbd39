using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Options;

namespace DjangoSettings.Jwt;

/// <summary>
/// The authentication step of DRF's view pipeline (negotiation, <em>authentication</em>,
/// permissions, throttles, method), run per endpoint: only DRF views (see
/// <see cref="DrfAuthenticationMetadata.SchemesFor"/>) are authenticated, each with its schemes in
/// order; the first that authenticates sets <c>HttpContext.User</c>. A scheme that refuses the
/// request ends it: the store-unavailable 503 for a store that failed, otherwise the scheme's own
/// challenge (SimpleJwt: DRF's 401 body), so a bad token is a 401 even on an <c>AllowAnonymous</c>
/// view, before permissions, as in DRF. A request without credentials passes on as anonymous.
/// Plain views, 404s and the token views never read the Authorization header. It runs after
/// routing and inside the app's pipeline (after the exception handler and CORS), so a lookup that
/// throws is answered by the app's exception handler, with CORS headers.
/// </summary>
internal sealed class DrfAuthenticationMiddleware(RequestDelegate next, IOptions<DrfAuthenticationOptions> options)
{
    private readonly IReadOnlyList<string> _defaults = options.Value.DefaultAuthenticationSchemes.ToArray();

    public Task InvokeAsync(HttpContext context)
    {
        IReadOnlyList<string>? schemes = DrfAuthenticationMetadata.SchemesFor(context.GetEndpoint(), _defaults);
        return schemes is { Count: > 0 } ? AuthenticateAsync(context, schemes) : next(context);
    }

    private async Task AuthenticateAsync(HttpContext context, IReadOnlyList<string> schemes)
    {
        foreach (string scheme in schemes)
        {
            AuthenticateResult result = await context.AuthenticateAsync(scheme).ConfigureAwait(false);
            if (result.Succeeded)
            {
                context.User = result.Principal!;
                var feature = new AuthenticateResultFeature(result);
                context.Features.Set<IAuthenticateResultFeature>(feature);
                context.Features.Set<IHttpAuthenticationFeature>(feature);
                break;
            }
            if (result.Failure is null) continue;
            if (result.Failure is TokenStoreUnavailableException)
            {
                await StoreUnavailableResponse.WriteAsync(context).ConfigureAwait(false);
                return;
            }
            await context.ChallengeAsync(scheme).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }
}
