using DjangoSettings.Users;

namespace DjangoSettings.Jwt;

/// <summary>
/// Adds custom claims to tokens at login: the typed equivalent of overriding
/// <c>TokenObtainPairSerializer.get_token</c>. Called for the refresh token of the pair endpoint
/// (the access token inherits the claims, and so do rotated and refreshed tokens, frozen until
/// the next login, as in Django) and for the sliding token. Register any number in DI; they run in
/// registration order.
/// </summary>
public interface ISimpleJwtClaimsProvider
{
    /// <summary>Sets claims on the token being minted for <paramref name="user"/>.</summary>
    void AddClaims(DjangoUser user, TokenClaimsBuilder claims);
}

/// <summary>Adds <c>username</c>, as the seed's <c>UsernameTokenObtainPairSerializer</c> does.</summary>
public sealed class UsernameClaimsProvider : ISimpleJwtClaimsProvider
{
    /// <inheritdoc />
    public void AddClaims(DjangoUser user, TokenClaimsBuilder claims)
    {
        System.ArgumentNullException.ThrowIfNull(user);
        System.ArgumentNullException.ThrowIfNull(claims);
        claims.Set("username", user.Username);
    }
}
