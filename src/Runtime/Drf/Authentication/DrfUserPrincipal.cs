using System.Globalization;
using System.Security.Claims;
using DjangoSettings.Users;

namespace DjangoSettings.Drf;

/// <summary>
/// The <see cref="ClaimsPrincipal"/> for a Django user (DRF's <c>request.user</c>): its primary key as
/// <see cref="ClaimTypes.NameIdentifier"/> (what UserRateThrottle keys on), the username, and
/// <c>is_staff</c>/<c>is_superuser</c> claims (what IsAdminUser reads).
/// </summary>
public static class DrfUserPrincipal
{
    /// <summary>A principal for <paramref name="user"/> authenticated by <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal Create(DjangoUser user, string scheme)
    {
        System.ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Pk.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Username));
        if (user.IsStaff) identity.AddClaim(new Claim("is_staff", "true"));
        if (user.IsSuperuser) identity.AddClaim(new Claim("is_superuser", "true"));
        return new ClaimsPrincipal(identity);
    }
}
