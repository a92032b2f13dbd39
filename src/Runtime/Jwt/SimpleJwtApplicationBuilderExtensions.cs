using System;
using DjangoSettings.Jwt;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Pipeline registration.</summary>
public static class SimpleJwtApplicationBuilderExtensions
{
    /// <summary>
    /// Adds DRF's "authenticate before permissions" rule (see SimpleJwtAuthenticationMiddleware):
    /// a refused token is a 401 with DRF's body on every endpoint with authorization metadata,
    /// including <c>AllowAnonymous()</c> ones; a valid one sets <c>HttpContext.User</c>. Call after
    /// <c>UseRouting()</c> (implicit in minimal hosting) and before <c>UseAuthorization()</c>; it
    /// replaces <c>UseAuthentication()</c> for the SimpleJwt scheme.
    /// </summary>
    public static IApplicationBuilder UseSimpleJwtAuthentication(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<SimpleJwtAuthenticationMiddleware>();
    }
}
