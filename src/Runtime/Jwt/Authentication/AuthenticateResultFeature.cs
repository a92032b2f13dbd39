using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace DjangoSettings.Jwt;

/// <summary>
/// What the framework's authentication middleware records for a request it authenticated, recorded
/// by the authentication step instead: the authorization policy evaluator reads the result here.
/// Setting <see cref="User"/> forgets the result, as the framework's own feature does.
/// </summary>
internal sealed class AuthenticateResultFeature : IAuthenticateResultFeature, IHttpAuthenticationFeature
{
    private ClaimsPrincipal? _user;
    private AuthenticateResult? _result;

    public AuthenticateResultFeature(AuthenticateResult result) => AuthenticateResult = result;

    public AuthenticateResult? AuthenticateResult
    {
        get => _result;
        set
        {
            _result = value;
            _user = value?.Principal;
        }
    }

    public ClaimsPrincipal? User
    {
        get => _user;
        set
        {
            _user = value;
            _result = null;
        }
    }
}
