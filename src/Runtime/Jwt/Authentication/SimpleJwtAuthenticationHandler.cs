using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DjangoSettings.Jwt;

/// <summary>
/// The <c>SimpleJwt</c> authentication scheme: DRF's JWTAuthentication as an ASP.NET Core handler,
/// so <c>[Authorize]</c> and <c>RequireAuthorization()</c> work. Challenges answer 401 with DRF's
/// body and <c>WWW-Authenticate: Bearer realm="api"</c>; a refused token answers with its own body
/// (<c>token_not_valid</c> with <c>messages</c>, <c>user_inactive</c>, ...). Forbidden answers
/// DRF's 403.
/// </summary>
public sealed class SimpleJwtAuthenticationHandler : AuthenticationHandler<SimpleJwtAuthenticationOptions>
{
    private readonly SimpleJwtTokenService _tokens;
    private readonly IUserStore? _users;
    private readonly ISimpleJwtTokenUserFactory? _tokenUsers;

    /// <summary>Created per request by ASP.NET Core.</summary>
    /// <param name="options">The scheme's options.</param>
    /// <param name="logger">Logs refusals and successes.</param>
    /// <param name="encoder">URL encoder (ASP.NET Core's handler contract).</param>
    /// <param name="tokens">The token service.</param>
    /// <param name="services">Where the user store (not needed for stateless authentication) and the token user factory come from.</param>
    public SimpleJwtAuthenticationHandler(
        IOptionsMonitor<SimpleJwtAuthenticationOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        SimpleJwtTokenService tokens,
        IServiceProvider services)
        : base(options, logger, encoder)
    {
        ArgumentNullException.ThrowIfNull(services);
        _tokens = tokens;
        _users = (IUserStore?)services.GetService(typeof(IUserStore));
        _tokenUsers = (ISimpleJwtTokenUserFactory?)services.GetService(typeof(ISimpleJwtTokenUserFactory));
    }

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var jwt = _tokens.Options;
        string? header = Request.Headers.TryGetValue(jwt.AuthHeaderHttpName, out var values) ? values.ToString() : null;
        SimpleJwtAuthenticationFeature? success;
        SimpleJwtAuthenticationException? failure;
        try
        {
            (success, failure) = await new SimpleJwtAuthenticator(_tokens, _users, _tokenUsers).AuthenticateAsync(header, Context.RequestAborted).ConfigureAwait(false);
        }
        catch (DjangoSettings.Stores.TokenStoreUnavailableException unavailable)
        {
            // A failure, not a throw: the framework's automatic authentication middleware would turn
            // a throw into a 500; SimpleJwtAuthenticationMiddleware answers this failure with a 503.
            return AuthenticateResult.Fail(unavailable);
        }
        if (failure is not null)
        {
            SimpleJwtLog.AuthenticationRefused(Logger, failure.Message, failure.Code);
            return AuthenticateResult.Fail(failure);
        }
        if (success is null) return AuthenticateResult.NoResult();

        Context.Features.Set(success);
        SimpleJwtLog.Authenticated(Logger, success.User.Pk.ToString(), success.TokenType);
        var principal = new ClaimsPrincipal(CreateIdentity(success, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>The claims identity for an authenticated request: the user's columns plus the token's scalar claims under their own names.</summary>
    internal static ClaimsIdentity CreateIdentity(SimpleJwtAuthenticationFeature auth, string scheme)
    {
        var user = auth.User;
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        Add(identity, ClaimTypes.NameIdentifier, user.Pk.ToString());
        Add(identity, ClaimTypes.Name, user.Username);
        if (user.IsStaff) Add(identity, "is_staff", "true");
        if (user.IsSuperuser) Add(identity, "is_superuser", "true");
        foreach (var (name, value) in auth.Token)
        {
            string? text = value switch
            {
                string s => s,
                long l => l.ToString(CultureInfo.InvariantCulture),
                double d => PythonJsonWriter.FormatFloat(d),
                bool b => b ? "true" : "false",
                _ => null,
            };
            if (text is not null) Add(identity, name, text);
        }
        return identity;
    }

    // Created with the identity as its subject: ClaimsIdentity clones every claim whose subject is
    // another (or none), which doubled the claim objects per request. Same type, value, value type
    // and issuer as new Claim(type, value).
    private static void Add(ClaimsIdentity identity, string type, string value) =>
        identity.AddClaim(new Claim(type, value, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity));

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        object body = result.Failure is SimpleJwtAuthenticationException refused
            ? refused.Body
            : DrfResponse.Detail(SimpleJwtMessages.NotAuthenticated);
        await DrfResponse.WriteAsync(Context, StatusCodes.Status401Unauthorized, body, WwwAuthenticate(_tokens.Options, Options.Realm)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        DrfResponse.WriteAsync(Context, StatusCodes.Status403Forbidden, DrfResponse.Detail("You do not have permission to perform this action."), null);

    /// <summary><c>Bearer realm="api"</c>: the first AUTH_HEADER_TYPES word.</summary>
    internal static string WwwAuthenticate(SimpleJwtOptions options, string realm = "api") =>
        $"{options.AuthHeaderTypes[0]} realm=\"{realm}\"";
}
