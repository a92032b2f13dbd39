using Microsoft.AspNetCore.Authentication;

namespace DjangoSettings.Jwt;

/// <summary>
/// Options of the <c>SimpleJwt</c> scheme. The behaviour comes from <see cref="SimpleJwtOptions"/>
/// (registered by AddSimpleJwt); this type exists because ASP.NET Core schemes need one.
/// </summary>
public sealed class SimpleJwtAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The realm in <c>WWW-Authenticate</c> (DRF: <c>api</c>).</summary>
    public string Realm { get; set; } = "api";
}
