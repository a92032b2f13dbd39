namespace DjangoSettings.Jwt;

/// <summary>Names used by the SimpleJWT authentication scheme.</summary>
public static class SimpleJwtDefaults
{
    /// <summary>The authentication scheme name (<c>[Authorize(AuthenticationSchemes = "SimpleJwt")]</c>).</summary>
    public const string AuthenticationScheme = "SimpleJwt";
}
