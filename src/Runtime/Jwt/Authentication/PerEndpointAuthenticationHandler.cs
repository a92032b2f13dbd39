using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Jwt;

/// <summary>
/// The handler of <see cref="SimpleJwtDefaults.PerEndpointScheme"/>, the default scheme: whatever
/// calls the default authentication (the <c>UseAuthentication()</c> middleware WebApplication adds
/// in front of the whole pipeline, for every path) gets "no result" without the Authorization
/// header being read or a user being looked up. It is what keeps a plain view, a 404 or a
/// throwing user store outside the app's exception handler and CORS middleware from ever meeting
/// a token. Stateless: registered once as a singleton, which the handler provider prefers to
/// creating one per request.
/// </summary>
internal sealed class PerEndpointAuthenticationHandler : IAuthenticationHandler
{
    private static readonly Task<AuthenticateResult> NoResult = Task.FromResult(AuthenticateResult.NoResult());

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context) => Task.CompletedTask;

    public Task<AuthenticateResult> AuthenticateAsync() => NoResult;

    // The defaults send challenges and forbids to SimpleJwt; only code naming this scheme gets here.
    public Task ChallengeAsync(AuthenticationProperties? properties) => throw Misused();

    public Task ForbidAsync(AuthenticationProperties? properties) => throw Misused();

    private static System.NotSupportedException Misused() => new(
        $"The '{SimpleJwtDefaults.PerEndpointScheme}' scheme authenticates nothing and cannot challenge or forbid; use '{SimpleJwtDefaults.AuthenticationScheme}'.");
}
