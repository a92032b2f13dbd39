using System;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>TokenAuthentication</c>: <c>Authorization: Token &lt;key&gt;</c> (keyword compared
/// case-insensitively), the key looked up in Django's <c>authtoken_token</c> table
/// (<see cref="IDrfTokenStore"/>), the user from the user store; <c>request.auth</c> is the key.
/// <c>WWW-Authenticate: Token</c> (the bare keyword).
/// </summary>
public sealed class DrfTokenAuthenticator : IDrfAuthenticator
{
    /// <summary>The shared instance (tokens and users come from the request's services).</summary>
    public static DrfTokenAuthenticator Instance { get; } = new();

    /// <summary>DRF's <c>keyword</c> (subclasses often use <c>Bearer</c>).</summary>
    public string Keyword { get; init; } = "Token";

    /// <inheritdoc />
    public async ValueTask<DrfAuthenticationResult> AuthenticateAsync(DrfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = DrfAuthorizationHeader.Split(request.HttpContext);
        if (words.Count == 0 || !DrfAuthorizationHeader.IsKeyword(words[0], Keyword)) return DrfAuthenticationResult.None;
        if (words.Count == 1) throw Failed("Invalid token header. No credentials provided.");
        if (words.Count > 2) throw Failed("Invalid token header. Token string should not contain spaces.");
        if (PythonUtf8.Validate(words[1]) is not null) throw Failed("Invalid token header. Token string should not contain invalid characters.");
        string key = Encoding.UTF8.GetString(words[1]);

        var services = request.HttpContext.RequestServices;
        var tokens = services.GetService<IDrfTokenStore>() ?? throw new InvalidOperationException(
            "TokenAuthentication needs DRF's token table: the stores register it when INSTALLED_APPS lists rest_framework.authtoken (or register an IDrfTokenStore).");
        string? userId = await tokens.FindUserIdAsync(key, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (userId is null) throw Failed("Invalid token.");
        // The token row's user_id, converted as Django converts a pk lookup value for the user model.
        var user = await services.GetRequiredService<IUserStore>().FindByFieldAsync("pk", userId, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (user is null) throw Failed("Invalid token.");
        if (!user.IsActive) throw Failed("User inactive or deleted.");
        return DrfAuthenticationResult.Success(DrfUserPrincipal.Create(user, Keyword), key);
    }

    /// <inheritdoc />
    public string? AuthenticateHeader(DrfRequest request) => Keyword;

    private static DrfException Failed(string msgId) => DrfException.AuthenticationFailed(new DrfMessage(msgId));
}
