using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Jwt;

/// <summary>
/// DRF authenticates every request to an API view <em>before</em> permission checks, so a bad or
/// expired token is a 401 even on an <c>AllowAny</c> view, while a request without credentials
/// passes on as anonymous. ASP.NET Core's authorization only challenges when a policy demands a
/// user, so this middleware restores DRF's rule: for every endpoint that takes part in
/// authorization (it has <c>[Authorize]</c>/<c>RequireAuthorization()</c> or
/// <c>[AllowAnonymous]</c>/<c>AllowAnonymous()</c> metadata) it runs the SimpleJwt scheme, answers
/// a refused token with DRF's 401, and otherwise sets <c>HttpContext.User</c>. Endpoints without
/// such metadata (plain Django views have no DRF authentication either) and the token endpoints
/// are left alone. Place it after routing and before <c>UseAuthorization()</c>.
/// </summary>
internal sealed class SimpleJwtAuthenticationMiddleware(RequestDelegate next, SimpleJwtTokenService tokens)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null
            || endpoint.Metadata.GetMetadata<SimpleJwtTokenEndpointMetadata>() is not null
            // DRF views authenticate inside the view, after content negotiation (DRF's order).
            || endpoint.Metadata.GetMetadata<DrfViewMetadata>() is not null
            || (endpoint.Metadata.GetMetadata<IAuthorizeData>() is null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        AuthenticateResult result;
        try
        {
            result = await context.AuthenticateAsync(SimpleJwtDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
        catch (TokenStoreUnavailableException)
        {
            // The user store (e.g. PostgreSQL) is down: the token endpoints' documented 503, not a 500.
            await WriteUnavailableAsync(context).ConfigureAwait(false);
            return;
        }
        if (result.Failure is TokenStoreUnavailableException)
        {
            await WriteUnavailableAsync(context).ConfigureAwait(false);
            return;
        }
        if (result.Failure is SimpleJwtAuthenticationException refused)
        {
            await DrfJsonResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, refused.Body,
                SimpleJwtAuthenticationHandler.WwwAuthenticate(tokens.Options)).ConfigureAwait(false);
            return;
        }
        if (result.Succeeded && context.User.Identity?.IsAuthenticated != true)
        {
            context.User = result.Principal!;
        }
        await next(context).ConfigureAwait(false);
    }

    private static Task WriteUnavailableAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return DrfJsonResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
            DrfJsonResponse.Detail(TokenStoreUnavailableException.Detail, TokenStoreUnavailableException.Code), null);
    }
}
