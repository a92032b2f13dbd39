namespace DjangoSettings.Jwt;

/// <summary>Names used by the SimpleJWT authentication scheme.</summary>
public static class SimpleJwtDefaults
{
    /// <summary>The authentication scheme name (<c>[Authorize(AuthenticationSchemes = "SimpleJwt")]</c>).</summary>
    public const string AuthenticationScheme = "SimpleJwt";

    /// <summary>
    /// The default scheme <c>AddSimpleJwt</c> sets: it authenticates nothing. DRF authenticates in the
    /// view, so a request is authenticated by the endpoint step (<c>UseSimpleJwtAuthentication()</c>)
    /// or by the authorization policy of an <c>[Authorize]</c> endpoint, never by
    /// <c>UseAuthentication()</c> for every path (which WebApplication adds by itself, ahead of the
    /// exception handler and CORS). Challenges and forbids go to <see cref="AuthenticationScheme"/>.
    /// </summary>
    public const string PerEndpointScheme = "SimpleJwt.PerEndpoint";
}
