using System;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>BasicAuthentication</c>: <c>Authorization: Basic &lt;b64&gt;</c> (scheme word compared
/// case-insensitively; another scheme is "not mine"), Python's lenient base64, UTF-8 with a Latin-1
/// fallback, split at the first <c>:</c>, then Django's <c>authenticate()</c> over the user store and
/// Django's password hashes (an inactive user is refused like a wrong password, as ModelBackend
/// does). <c>WWW-Authenticate: Basic realm="api"</c>.
/// </summary>
public sealed class DrfBasicAuthenticator : IDrfAuthenticator
{
    /// <summary>The shared instance (users and hashes come from the request's services).</summary>
    public static DrfBasicAuthenticator Instance { get; } = new();

    /// <summary>DRF's <c>www_authenticate_realm</c>.</summary>
    public string Realm { get; init; } = "api";

    /// <inheritdoc />
    public async ValueTask<DrfAuthenticationResult> AuthenticateAsync(DrfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = DrfAuthorizationHeader.Split(request.HttpContext);
        if (words.Count == 0 || !DrfAuthorizationHeader.IsKeyword(words[0], "basic")) return DrfAuthenticationResult.None;
        if (words.Count == 1) throw Failed("Invalid basic header. No credentials provided.");
        if (words.Count > 2) throw Failed("Invalid basic header. Credentials string should not contain spaces.");
        byte[]? decoded = PythonBase64.Decode(words[1]);
        if (decoded is null) throw Failed("Invalid basic header. Credentials not correctly base64 encoded.");
        string text = PythonUtf8.Validate(decoded) is null ? Encoding.UTF8.GetString(decoded) : Encoding.Latin1.GetString(decoded);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string userId = colon < 0 ? text : text.Substring(0, colon);
        string password = colon < 0 ? "" : text.Substring(colon + 1);

        var services = request.HttpContext.RequestServices;
        var user = await DjangoAuthenticate(services.GetRequiredService<IUserStore>(), services.GetRequiredService<IPasswordHasher>(), userId, password, request).ConfigureAwait(false);
        if (user is null) throw Failed("Invalid username/password.");
        return DrfAuthenticationResult.Success(DrfUserPrincipal.Create(user, "Basic"), null);
    }

    /// <inheritdoc />
    public string? AuthenticateHeader(DrfRequest request) => "Basic realm=\"" + Realm + "\"";

    // django.contrib.auth.authenticate with ModelBackend: the user by USERNAME_FIELD, the password,
    // and an active user; an unknown user still costs a hash.
    private static async Task<DjangoUser?> DjangoAuthenticate(IUserStore users, IPasswordHasher hasher, string username, string password, DrfRequest request)
    {
        var user = await users.FindByUsernameAsync(username, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            _ = hasher.Hash(password);
            return null;
        }
        bool ok;
        try
        {
            ok = hasher.Verify(password, user.Password);
        }
        catch (NotSupportedException)
        {
            ok = false;
        }
        return ok && user.IsActive ? user : null;
    }

    private static DrfException Failed(string msgId) => DrfException.AuthenticationFailed(new DrfMessage(msgId));
}
