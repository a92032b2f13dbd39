using System;
using DjangoSettings.Jwt;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Pipeline registration.</summary>
public static class SimpleJwtApplicationBuilderExtensions
{
    /// <summary>
    /// Adds DRF's authentication step (see <see cref="DrfAuthenticationMetadata"/>): for each DRF
    /// view (an endpoint with authorization metadata, or marked with <c>WithDrfAuthentication()</c>)
    /// a refused token is a 401 with DRF's body, including on <c>AllowAnonymous()</c> views, a user
    /// store that is down a 503, and a valid token sets <c>HttpContext.User</c>; plain views, 404s
    /// and the token views never read the Authorization header. Call it after <c>UseRouting()</c>
    /// and before <c>UseAuthorization()</c>, behind the exception handler and <c>UseDjangoCors()</c>;
    /// it replaces <c>UseAuthentication()</c> (which, with the defaults AddSimpleJwt sets,
    /// authenticates nothing).
    /// </summary>
    public static IApplicationBuilder UseSimpleJwtAuthentication(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<DrfAuthenticationMiddleware>();
    }
}
