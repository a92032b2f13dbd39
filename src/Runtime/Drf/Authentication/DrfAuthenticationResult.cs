using System.Security.Claims;

namespace DjangoSettings.Drf;

/// <summary>What an authentication class found: nothing for it, or a user and its credentials.</summary>
public readonly record struct DrfAuthenticationResult
{
    private DrfAuthenticationResult(ClaimsPrincipal? user, object? auth)
    {
        User = user;
        Auth = auth;
    }

    /// <summary>The authenticated user (DRF's <c>request.user</c>), or null for "not mine".</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>The credentials (DRF's <c>request.auth</c>: a token, a token row...).</summary>
    public object? Auth { get; }

    /// <summary>True when a user was authenticated.</summary>
    public bool Succeeded => User is not null;

    /// <summary>"Not mine": the next class runs.</summary>
    public static DrfAuthenticationResult None => default;

    /// <summary>A user (whose identity must be authenticated) and its credentials.</summary>
    public static DrfAuthenticationResult Success(ClaimsPrincipal user, object? auth) => new(user, auth);
}
