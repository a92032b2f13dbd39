using System;
using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>SessionAuthentication</c> as far as this runtime can serve it: there are no Django
/// sessions here, so it never authenticates (as for a request without a session cookie), and its
/// <c>authenticate_header</c> is null, so when it is the first class, authentication errors are
/// 403 without <c>WWW-Authenticate</c>, exactly as in Django. The build reports it.
/// </summary>
public sealed class DrfSessionAuthenticator : IDrfAuthenticator
{
    /// <summary>The shared instance.</summary>
    public static DrfSessionAuthenticator Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<DrfAuthenticationResult> AuthenticateAsync(DrfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Asking for request.user loads the session: SessionMiddleware then adds Vary: Cookie.
        request.HttpContext.Features.Set(DjangoSessionAccessFeature.Instance);
        return new(DrfAuthenticationResult.None);
    }

    /// <inheritdoc />
    public string? AuthenticateHeader(DrfRequest request) => null;
}
