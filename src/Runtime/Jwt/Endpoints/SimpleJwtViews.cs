using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Jwt;

/// <summary>
/// simplejwt's six views (pair obtain, refresh, verify, blacklist, sliding obtain, sliding refresh)
/// on the DRF view shell (<see cref="AsDrfView"/>): APPEND_SLASH redirect, then DRF's dispatch
/// (negotiation 406, throttles, 405 / OPTIONS metadata), body parsing (400/415), CharField
/// validation and the status codes and bodies Django answers, in the request's language. One instance per <c>MapSimpleJwt</c>: the services
/// the views use are resolved once, when the views are mapped (they are singletons), not per call.
/// </summary>
internal sealed class SimpleJwtViews
{
    private readonly SimpleJwtTokenService _tokens;
    private readonly SimpleJwtOptions _options;
    private readonly IUserStore _users;
    private readonly IPasswordHasher _hasher;
    private readonly ITokenBlacklistStore? _blacklist;
    private readonly ITokenIdGenerator _ids;
    private readonly ISimpleJwtClaimsProvider[] _claimsProviders;
    private readonly ISimpleJwtClaimsProvider[] _obtainPairClaims;
    private readonly ILogger _logger;
    private readonly string _wwwAuthenticate;
    private readonly string _usernameField;

    /// <summary>Resolves the views' services from the application's container.</summary>
    /// <exception cref="InvalidOperationException">AddSimpleJwt, an IUserStore or an IPasswordHasher is not registered.</exception>
    public SimpleJwtViews(IServiceProvider services)
    {
        _tokens = services.GetRequiredService<SimpleJwtTokenService>();
        _options = _tokens.Options;
        _users = services.GetRequiredService<IUserStore>();
        _hasher = services.GetRequiredService<IPasswordHasher>();
        _blacklist = services.GetService<ITokenBlacklistStore>();
        _ids = services.GetRequiredService<ITokenIdGenerator>();
        _claimsProviders = services.GetServices<ISimpleJwtClaimsProvider>().ToArray();
        // The serializer's get_token translated at build time applies to the pair endpoint only
        // (it is TOKEN_OBTAIN_SERIALIZER's), and only when the application registers no provider.
        _obtainPairClaims = _claimsProviders.Length > 0 || services.GetService<TranslatedTokenClaims>() is not { } translated
            ? _claimsProviders
            : [translated.Provider];
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("DjangoSettings.Jwt.SimpleJwtViews");
        _wwwAuthenticate = SimpleJwtAuthenticationHandler.WwwAuthenticate(_options);
        // The login field is the user model's USERNAME_FIELD ({"email": ..., "password": ...} for an
        // e-mail login), read once as simplejwt's serializer reads it at import.
        _usernameField = _users.Model.UsernameField;
    }

    // View names and descriptions are what DRF's OPTIONS metadata reports for simplejwt's views
    // (recorded from the oracle, tests/Runtime.Tests/Fixtures/jwt/django.raw.jsonl).
    public SimpleJwtView ObtainPair() => new(
        "Token Obtain Pair",
        "Takes a set of user credentials and returns an access and refresh JSON web\ntoken pair to prove the authentication of those credentials.",
        [_usernameField, "password"], [], ObtainPairAsync);

    public SimpleJwtView Refresh() => new(
        "Token Refresh",
        "Takes a refresh type JSON web token and returns an access type JSON web\ntoken if the refresh token is valid.",
        ["refresh"], ["access"], RefreshAsync);

    public SimpleJwtView Verify() => new(
        "Token Verify",
        "Takes a token and indicates if it is valid.  This view provides no\ninformation about a token's fitness for a particular use.",
        ["token"], [], VerifyAsync);

    public SimpleJwtView Blacklist() => new(
        "Token Blacklist",
        "Takes a token and blacklists it. Must be used with the\n`rest_framework_simplejwt.token_blacklist` app installed.",
        ["refresh"], [], BlacklistAsync);

    public SimpleJwtView ObtainSliding() => new(
        "Token Obtain Sliding",
        "Takes a set of user credentials and returns a sliding JSON web token to\nprove the authentication of those credentials.",
        [_usernameField, "password"], [], ObtainSlidingAsync);

    public SimpleJwtView RefreshSliding() => new(
        "Token Refresh Sliding",
        "Takes a sliding JSON web token and returns a new, refreshed version if the\ntoken's refresh period has not expired.",
        ["token"], [], RefreshSlidingAsync);

    /// <summary>
    /// The view as DRF runs it: simplejwt's views are generic DRF views with no authentication or
    /// permission classes, so REST_FRAMEWORK's renderers, parsers and throttles apply (Vary: Accept,
    /// 406, OPTIONS, 405, 429 come from the DRF view machinery), and their 401s carry
    /// <c>WWW-Authenticate: Bearer realm="api"</c> (the views' own authenticate header).
    /// </summary>
    public DrfView AsDrfView(SimpleJwtView view) => new DrfViewBuilder(view.Name)
        .Named(view.Name)
        .Description(view.Description)
        .MetadataActions(_ => view.Actions())
        .Policies(p => p with { Authenticators = [], Permissions = [] })
        .Post(request => PostAsync(request, view))
        .Build();

    /// <summary>What a hand-wired app (no AddDjangoRestFramework) gets: DRF's defaults with the JSON renderer only.</summary>
    public static RestFrameworkSettings FallbackSettings { get; } = new() { DefaultRendererClasses = [DrfClassNames.JsonRenderer] };

    /// <summary>Django's APPEND_SLASH answer before the view, then DRF's dispatch.</summary>
    public static Task DispatchAsync(HttpContext context, DrfViewDispatcher dispatcher)
    {
        var request = context.Request;
        string path = request.PathBase.Add(request.Path).Value ?? "/";
        if (!path.EndsWith('/'))
        {
            // Django's CommonMiddleware (APPEND_SLASH) answers before any view, for every method.
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.Location = path + "/" + request.QueryString.Value;
            return Task.CompletedTask;
        }
        return dispatcher.InvokeAsync(context);
    }

    // post(): the serializer (request.data, CharField validation) and the view's logic.
    private async ValueTask<DrfResponse> PostAsync(DrfRequest drfRequest, SimpleJwtView view)
    {
        var context = drfRequest.HttpContext;
        DrfRequestData data;
        try
        {
            data = await DrfRequestData.ReadAsync(context.Request).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel gave up on the body (408: slower than MinRequestBodyDataRate, a body that
            // stalls; 400: malformed chunking, a body cut short). Its own convention: that status,
            // no body, the connection closed. The client's fault, so Debug: an anonymous client
            // must not be able to fill the log.
            SimpleJwtLog.RequestBodyRefused(_logger, e.StatusCode, e.Message);
            context.Response.StatusCode = e.StatusCode;
            return drfRequest.Answered();
        }
        catch (Exception e) when (e is IOException || (e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            // The connection was reset or aborted while the body was read: nobody to answer.
            SimpleJwtLog.ClientGone(_logger, e.Message);
            await AwaitAbortAsync(context).ConfigureAwait(false);
            return drfRequest.Answered();
        }
        if (data.Error is { } error) return Respond(drfRequest, error.Status, error.Body);
        var values = new string?[view.Fields.Count];
        if (DrfCharField.ValidateAll(data, view.Fields, values) is { } fieldErrors)
        {
            return Respond(drfRequest, StatusCodes.Status400BadRequest, fieldErrors);
        }
        try
        {
            await view.Post(context, values!).ConfigureAwait(false);
        }
        catch (TokenStoreUnavailableException ex) when (!context.Response.HasStarted)
        {
            // Store down or slow: a documented 503 instead of a 500, and no token handed out whose
            // outstanding record (or the old token's blacklisting) was not written.
            SimpleJwtLog.StoreUnavailable(_logger, ex);
            return Respond(drfRequest, StatusCodes.Status503ServiceUnavailable, DrfJsonResponse.Detail(TokenStoreUnavailableException.Detail, TokenStoreUnavailableException.Code))
                .WithHeader("Retry-After", StoreUnavailableResponse.RetryAfter);
        }
        var result = context.Features.Get<TokenViewResult>() ?? throw new InvalidOperationException("the token view did not answer");
        context.Features.Set<TokenViewResult>(null);
        return Respond(drfRequest, result.Status, result.Body);
    }

    // simplejwt's and DRF's messages (detail, field errors) in the request's language.
    private DrfResponse Respond(DrfRequest request, int status, object body)
    {
        var response = new DrfResponse(DrfLocalizer.Localize(body, request.Translate), status);
        if (status == StatusCodes.Status401Unauthorized) response.WithHeader("WWW-Authenticate", _wwwAuthenticate);
        return response;
    }

    // The views' answers are handed back to the DRF view machinery, which renders them.
    private sealed record TokenViewResult(int Status, object Body);

    /// <summary>
    /// Returns once Kestrel has marked the request aborted. The read failed as soon as the reset
    /// reached the transport, a moment before Kestrel hears of the closed connection; returning
    /// earlier makes it drain a body whose reader the failed read left mid-read, which it logs at
    /// Error. Aborting ourselves would log at Information; only if Kestrel does not notice within
    /// the bound is that done.
    /// </summary>
    private static async Task AwaitAbortAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        if (aborted.IsCancellationRequested) return;
        var noticed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (aborted.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), noticed))
        {
            await Task.WhenAny(noticed.Task, Task.Delay(ClientGoneNoticeBound)).ConfigureAwait(false);
        }
        if (!aborted.IsCancellationRequested) context.Abort();
    }

    private static readonly TimeSpan ClientGoneNoticeBound = TimeSpan.FromSeconds(1);

    private static Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Features.Set(new TokenViewResult(status, body));
        return Task.CompletedTask;
    }

    private static Task TokenError(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, DrfJsonResponse.Detail(message, SimpleJwtMessages.Codes.TokenNotValid));

    private async Task ObtainPairAsync(HttpContext context, string[] values)
    {
        var user = await AuthenticateAsync(values[0], values[1], context.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, DrfJsonResponse.Detail(SimpleJwtMessages.NoActiveAccount)).ConfigureAwait(false);
            return;
        }
        var now = _tokens.Now();
        var refresh = _tokens.ForUser(TokenType.Refresh, user, now);
        foreach (var provider in _obtainPairClaims) provider.AddClaims(user, refresh);
        string refreshText = _tokens.Encode(refresh);
        // Recorded before the response that hands the token out, so it can always be blacklisted.
        await RecordOutstandingAsync(refreshText, refresh, user.Pk, now, context.RequestAborted).ConfigureAwait(false);
        string accessText = _tokens.Encode(_tokens.AccessFromRefresh(refresh, now, now));
        await UpdateLastLoginAsync(user, now, context.RequestAborted).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder().Set("refresh", refreshText).Set("access", accessText)).ConfigureAwait(false);
    }

    private async Task ObtainSlidingAsync(HttpContext context, string[] values)
    {
        var user = await AuthenticateAsync(values[0], values[1], context.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, DrfJsonResponse.Detail(SimpleJwtMessages.NoActiveAccount)).ConfigureAwait(false);
            return;
        }
        var now = _tokens.Now();
        var sliding = _tokens.ForUser(TokenType.Sliding, user, now);
        ApplyClaimsProviders(user, sliding);
        string text = _tokens.Encode(sliding);
        await RecordOutstandingAsync(text, sliding, user.Pk, now, context.RequestAborted).ConfigureAwait(false);
        await UpdateLastLoginAsync(user, now, context.RequestAborted).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder().Set("token", text)).ConfigureAwait(false);
    }

    private async Task RefreshAsync(HttpContext context, string[] values)
    {
        var now = _tokens.Now();
        var result = await _tokens.ValidateAsync(values[0], TokenType.Refresh, now, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            await TokenError(context, result.Error!).ConfigureAwait(false);
            return;
        }
        var payload = result.Payload!;

        // 5.4.0+: a token naming a user that is gone or inactive cannot be refreshed (HEAD: 401 for a
        // deleted user where 5.4–5.5.1 crash with a 500).
        DjangoUser? user = null;
        if (payload.TryGetValue(_options.UserIdClaim, out var rawId) && IsTruthy(rawId))
        {
            // A claim a UUID key cannot take: Django's ValidationError, which DRF's serializer answers with 400.
            if (_users.Model.Resolve(_options.UserIdField) is { Type: DjangoFieldType.UuidField } uuidField
                && DjangoLookup.Convert(uuidField, rawId) is { Outcome: DjangoLookupOutcome.Invalid, Error: { } invalid })
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new TokenClaimsBuilder().Set("non_field_errors", new[] { invalid })).ConfigureAwait(false);
                return;
            }
            user = await _users.FindByFieldAsync(_options.UserIdField, rawId, context.RequestAborted).ConfigureAwait(false);
            if (user is null || (_options.CheckUserIsActive && !user.IsActive))
            {
                await WriteAsync(context, StatusCodes.Status401Unauthorized, DrfJsonResponse.Detail(SimpleJwtMessages.NoActiveAccountForToken)).ConfigureAwait(false);
                return;
            }
        }

        var body = new TokenClaimsBuilder().Set("access", _tokens.Encode(_tokens.AccessFromRefresh(payload, now, now)));
        if (_options.RotateRefreshTokens)
        {
            string jti = _tokens.JtiOf(payload)!;
            if (_options.BlacklistAfterRotation && _tokens.BlacklistActive && _blacklist is not null)
            {
                var old = new OutstandingToken(jti, values[0], user?.Pk, SimpleJwtTokenService.FromEpochOrNull(payload, "iat"), SimpleJwtTokenService.FromEpoch(payload, "exp"));
                // Exactly one concurrent refresh of the same token wins; Django's check-then-insert lets several through.
                if (await _blacklist.TryBlacklistAsync(old, context.RequestAborted).ConfigureAwait(false) == BlacklistOutcome.AlreadyBlacklisted)
                {
                    SimpleJwtLog.RotationRace(_logger, jti);
                    await TokenError(context, SimpleJwtMessages.Blacklisted).ConfigureAwait(false);
                    return;
                }
                SimpleJwtLog.Rotated(_logger, jti);
            }
            var rotated = payload.ToBuilder();
            rotated.Set(_options.JtiClaim ?? "null", _ids.NewId());
            rotated.Set("exp", SimpleJwtTokenService.Epoch(now + _options.RefreshTokenLifetime));
            rotated.Set("iat", SimpleJwtTokenService.Epoch(now));
            string rotatedText = _tokens.Encode(rotated);
            await RecordOutstandingAsync(rotatedText, rotated, user?.Pk, now, context.RequestAborted).ConfigureAwait(false);
            body.Set("refresh", rotatedText);
        }
        await WriteAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private async Task VerifyAsync(HttpContext context, string[] values)
    {
        var result = await _tokens.ValidateAsync(values[0], TokenType.Untyped, _tokens.Now(), context.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            await TokenError(context, result.Error!).ConfigureAwait(false);
            return;
        }
        // simplejwt consults the blacklist here only when BLACKLIST_AFTER_ROTATION is on, and then
        // answers 400 (a serializer ValidationError), not 401.
        if (_options.BlacklistAfterRotation && _tokens.BlacklistActive && _blacklist is not null
            && _tokens.JtiOf(result.Payload!) is { } jti
            && await _blacklist.IsBlacklistedAsync(jti, context.RequestAborted).ConfigureAwait(false))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest,
                new TokenClaimsBuilder().Set("non_field_errors", new[] { SimpleJwtMessages.Blacklisted })).ConfigureAwait(false);
            return;
        }
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder()).ConfigureAwait(false);
    }

    private async Task BlacklistAsync(HttpContext context, string[] values)
    {
        var result = await _tokens.ValidateAsync(values[0], TokenType.Refresh, _tokens.Now(), context.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            await TokenError(context, result.Error!).ConfigureAwait(false);
            return;
        }
        if (_tokens.BlacklistActive && _blacklist is not null)
        {
            var payload = result.Payload!;
            // The row references the user's primary key, whatever USER_ID_FIELD the claim carries.
            DjangoUserKey? userId = null;
            if (payload.TryGetValue(_options.UserIdClaim, out object? id) && id is not null)
            {
                userId = (await _users.FindByFieldAsync(_options.UserIdField, id, context.RequestAborted).ConfigureAwait(false))?.Pk;
            }
            var row = new OutstandingToken(_tokens.JtiOf(payload)!, values[0], userId, SimpleJwtTokenService.FromEpochOrNull(payload, "iat"), SimpleJwtTokenService.FromEpoch(payload, "exp"));
            if (await _blacklist.TryBlacklistAsync(row, context.RequestAborted).ConfigureAwait(false) == BlacklistOutcome.AlreadyBlacklisted)
            {
                await TokenError(context, SimpleJwtMessages.Blacklisted).ConfigureAwait(false);
                return;
            }
        }
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder()).ConfigureAwait(false);
    }

    private async Task RefreshSlidingAsync(HttpContext context, string[] values)
    {
        var now = _tokens.Now();
        var result = await _tokens.ValidateAsync(values[0], TokenType.Sliding, now, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            await TokenError(context, result.Error!).ConfigureAwait(false);
            return;
        }
        var payload = result.Payload!;
        if (_tokens.CheckTimeClaim(payload, _options.SlidingTokenRefreshExpClaim, now) is { } refreshExpError)
        {
            await TokenError(context, refreshExpError).ConfigureAwait(false);
            return;
        }
        // jti and refresh_exp stay: a sliding token keeps its identity for its whole life.
        var renewed = payload.ToBuilder();
        renewed.Set("exp", SimpleJwtTokenService.Epoch(now + _options.SlidingTokenLifetime));
        renewed.Set("iat", SimpleJwtTokenService.Epoch(now));
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder().Set("token", _tokens.Encode(renewed))).ConfigureAwait(false);
    }

    /// <summary>Python truthiness of a JSON value.</summary>
    private static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        double d => d != 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>
    /// Django's <c>authenticate()</c> with ModelBackend: exact login lookup, the password checked
    /// (and re-hashed when the preferred hasher or its parameters changed, even for an inactive user,
    /// as Django's <c>check_password</c> setter does), then the active check.
    /// </summary>
    private async Task<DjangoUser?> AuthenticateAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await _users.FindByUsernameAsync(username, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            // ModelBackend hashes anyway so an unknown username costs the same time as a wrong password.
            _ = _hasher.Hash(password);
            SimpleJwtLog.LoginRefused(_logger, username);
            return null;
        }
        PasswordCheck check;
        try
        {
            check = _hasher.Check(password, user.Password);
        }
        catch (NotSupportedException ex)
        {
            SimpleJwtLog.UnsupportedHasher(_logger, username, ex.Message);
            check = default;
        }
        if (check.MustUpdate)
        {
            string rehashed = _hasher.Hash(password);
            await _users.SetPasswordAsync(user.Pk, rehashed, cancellationToken).ConfigureAwait(false);
            user = user with { Password = rehashed };
            SimpleJwtLog.PasswordRehashed(_logger, username, rehashed.Split('$')[0]);
        }
        if (!check.Verified || !user.IsActive)
        {
            SimpleJwtLog.LoginRefused(_logger, username);
            return null;
        }
        return user;
    }

    private void ApplyClaimsProviders(DjangoUser user, TokenClaimsBuilder claims)
    {
        foreach (var provider in _claimsProviders) provider.AddClaims(user, claims);
    }

    private async Task RecordOutstandingAsync(string text, TokenClaimsBuilder claims, DjangoUserKey? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_tokens.BlacklistActive || _blacklist is null) return;
        await _blacklist.RecordOutstandingAsync(_tokens.Outstanding(text, claims.ToPayload(), userId, now), cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateLastLoginAsync(DjangoUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_options.UpdateLastLogin) return;
        await _users.UpdateLastLoginAsync(user.Pk, now, cancellationToken).ConfigureAwait(false);
    }
}
