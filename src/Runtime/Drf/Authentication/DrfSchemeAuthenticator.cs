using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;

namespace DjangoSettings.Drf;

/// <summary>
/// A DRF authentication class served by an ASP.NET Core authentication scheme: the scheme's
/// <c>AuthenticateAsync</c> decides (no result: "not mine"; success: the principal; failure: 401
/// with the failure's DRF body). This is how simplejwt's <c>JWTAuthentication</c> runs (the
/// <c>SimpleJwt</c> scheme), and how a project ports a custom DRF authentication class: write an
/// ASP.NET Core handler and register it under the class's dotted path.
/// </summary>
public sealed class DrfSchemeAuthenticator : IDrfAuthenticator
{
    private readonly Func<DrfRequest, string?> _header;
    private readonly Func<Exception, DrfException?> _failure;

    /// <summary>An authenticator for <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The ASP.NET Core authentication scheme name.</param>
    /// <param name="authenticateHeader">The class's <c>authenticate_header</c> (null: 403 instead of 401 when first).</param>
    /// <param name="failure">Turns the scheme's failure into DRF's exception (default: AuthenticationFailed with the failure message).</param>
    public DrfSchemeAuthenticator(string scheme, Func<DrfRequest, string?> authenticateHeader, Func<Exception, DrfException?>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(authenticateHeader);
        Scheme = scheme;
        _header = authenticateHeader;
        _failure = failure ?? (ex => DrfException.AuthenticationFailed(ex.Message));
    }

    /// <summary>The ASP.NET Core scheme.</summary>
    public string Scheme { get; }

    /// <inheritdoc />
    public async ValueTask<DrfAuthenticationResult> AuthenticateAsync(DrfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await request.HttpContext.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (result.Succeeded) return DrfAuthenticationResult.Success(result.Principal!, result.Properties?.Items);
        if (result.Failure is { } failure && _failure(failure) is { } error) throw error;
        return DrfAuthenticationResult.None;
    }

    /// <inheritdoc />
    public string? AuthenticateHeader(DrfRequest request) => _header(request);
}
