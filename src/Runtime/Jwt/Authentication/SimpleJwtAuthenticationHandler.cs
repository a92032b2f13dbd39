using System;
using System.Globalization;
using System.Security.Claims;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Stores;
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
/// (<c>token_not_valid</c> with <c>messages</c>, <c>user_inactive</c>, ...); a user store that is
/// unavailable answers the documented 503. Forbidden answers DRF's 403.
/// </summary>
/// <remarks>
/// It implements <see cref="IAuthenticationHandler"/> itself rather than deriving from
/// <c>AuthenticationHandler&lt;T&gt;</c>: the base class logs a line on every
/// <c>AuthenticateAsync</c> call (at Information for a refused token, so any client could fill the
/// log) and another on every challenge, and a request is asked two or three times (the
/// authentication step, the authorization policy, the challenge). Here a request is authenticated
/// once, cached for the request, and logged once at Debug (a store failure at Warning).
/// Created per request by ASP.NET Core.
/// </remarks>
public sealed class SimpleJwtAuthenticationHandler : IAuthenticationHandler
{
    private readonly IOptionsMonitor<SimpleJwtAuthenticationOptions> _options;
    private readonly SimpleJwtTokenService _tokens;
    private readonly IUserStore? _users;
    private readonly ISimpleJwtTokenUserFactory? _tokenUsers;
    private readonly ILogger _logger;
    private AuthenticationScheme? _scheme;
    private HttpContext? _context;
    private Task<AuthenticateResult>? _result;

    /// <summary>Created per request by ASP.NET Core.</summary>
    /// <param name="options">The scheme's options.</param>
    /// <param name="tokens">The token service.</param>
    /// <param name="services">Where the user store (not needed for stateless authentication) and the token user factory come from.</param>
    /// <param name="logger">Logs refusals and successes.</param>
    public SimpleJwtAuthenticationHandler(
        IOptionsMonitor<SimpleJwtAuthenticationOptions> options,
        SimpleJwtTokenService tokens,
        IServiceProvider services,
        ILogger<SimpleJwtAuthenticationHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _users = (IUserStore?)services.GetService(typeof(IUserStore));
        _tokenUsers = (ISimpleJwtTokenUserFactory?)services.GetService(typeof(ISimpleJwtTokenUserFactory));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    private HttpContext Context => _context ?? throw new InvalidOperationException("The handler was not initialized.");

    /// <inheritdoc />
    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _scheme = scheme ?? throw new ArgumentNullException(nameof(scheme));
        _context = context ?? throw new ArgumentNullException(nameof(context));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Runs once per request; later calls return the same result without logging again.</remarks>
    public Task<AuthenticateResult> AuthenticateAsync() => _result ??= AuthenticateOnceAsync();

    private async Task<AuthenticateResult> AuthenticateOnceAsync()
    {
        var context = Context;
        var jwt = _tokens.Options;
        string? header = context.Request.Headers.TryGetValue(jwt.AuthHeaderHttpName, out var values) ? values.ToString() : null;
        SimpleJwtAuthenticationFeature? success;
        SimpleJwtAuthenticationException? failure;
        try
        {
            (success, failure) = await new SimpleJwtAuthenticator(_tokens, _users, _tokenUsers).AuthenticateAsync(header, context.RequestAborted).ConfigureAwait(false);
        }
        catch (TokenStoreUnavailableException unavailable)
        {
            // A failure, not a throw: whoever asked (the authentication step, the authorization
            // policy) answers it with the documented 503 inside the app's pipeline.
            SimpleJwtLog.AuthenticationUnavailable(_logger, unavailable);
            return AuthenticateResult.Fail(unavailable);
        }
        if (failure is not null)
        {
            SimpleJwtLog.AuthenticationRefused(_logger, failure.Message, failure.Code);
            return AuthenticateResult.Fail(failure);
        }
        if (success is null)
        {
            SimpleJwtLog.NoCredentials(_logger);
            return AuthenticateResult.NoResult();
        }

        context.Features.Set(success);
        SimpleJwtLog.Authenticated(_logger, success.User.Pk.ToString(), SimpleJwtLog.Describe(success.TokenType));
        string scheme = _scheme!.Name;
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(CreateIdentity(success, scheme)), scheme));
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
    /// <remarks>
    /// DRF's answer to an unauthenticated request: the refused token's own body, or
    /// <c>Authentication credentials were not provided.</c>; 503 when the user store was unavailable.
    /// </remarks>
    public async Task ChallengeAsync(AuthenticationProperties? properties)
    {
        var context = Context;
        AuthenticateResult result;
        try
        {
            result = await AuthenticateAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The lookup threw (reported where it was awaited first); nothing was authenticated.
            result = AuthenticateResult.Fail(e);
        }
        if (result.Failure is TokenStoreUnavailableException)
        {
            await StoreUnavailableResponse.WriteAsync(context).ConfigureAwait(false);
            return;
        }
        object body = result.Failure is SimpleJwtAuthenticationException refused
            ? refused.Body
            : DrfJsonResponse.Detail(SimpleJwtMessages.NotAuthenticated);
        await DrfJsonResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, body, WwwAuthenticate(_tokens.Options, _options.Get(_scheme!.Name).Realm)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task ForbidAsync(AuthenticationProperties? properties) =>
        DrfJsonResponse.WriteAsync(Context, StatusCodes.Status403Forbidden, DrfJsonResponse.Detail("You do not have permission to perform this action."), null);

    /// <summary><c>Bearer realm="api"</c>: the first AUTH_HEADER_TYPES word.</summary>
    internal static string WwwAuthenticate(SimpleJwtOptions options, string realm = "api") =>
        $"{options.AuthHeaderTypes[0]} realm=\"{realm}\"";
}
