using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>
/// One of DRF's authentication classes (<c>DEFAULT_AUTHENTICATION_CLASSES</c>). The view runs them
/// in order: the first that returns a user wins, one that returns
/// <see cref="DrfAuthenticationResult.None"/> passes to the next, and one that throws a
/// <see cref="DrfException"/> (AuthenticationFailed) stops the chain.
/// </summary>
public interface IDrfAuthenticator
{
    /// <summary><c>authenticate(request)</c>: a user, "not mine", or a thrown AuthenticationFailed.</summary>
    ValueTask<DrfAuthenticationResult> AuthenticateAsync(DrfRequest request);

    /// <summary>
    /// <c>authenticate_header(request)</c>: the <c>WWW-Authenticate</c> value. When the view's
    /// <em>first</em> class gives null, authentication errors are answered 403 instead of 401.
    /// </summary>
    string? AuthenticateHeader(DrfRequest request);
}
