using DjangoSettings.Jwt;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.AspNetCore.Http;

/// <summary>Access to the SimpleJWT authentication result of a request.</summary>
public static class SimpleJwtHttpContextExtensions
{
    /// <summary>The user and token of a request authenticated by the SimpleJwt scheme, or null.</summary>
    public static SimpleJwtAuthenticationFeature? GetSimpleJwt(this HttpContext context) =>
        context?.Features.Get<SimpleJwtAuthenticationFeature>();
}
