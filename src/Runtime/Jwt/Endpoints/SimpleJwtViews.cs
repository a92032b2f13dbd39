using System;
using System.Collections.Generic;
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
/// with DRF's view machinery around them: APPEND_SLASH redirect, Accept negotiation (406), method
/// dispatch (405 / OPTIONS metadata), body parsing (400/415), CharField validation and the
/// status codes and bodies Django answers.
/// </summary>
internal static class SimpleJwtViews
{
    // View names and descriptions are what DRF's OPTIONS metadata reports for simplejwt's views
    // (recorded from the oracle, tests/Runtime.Tests/Fixtures/jwt/django.raw.jsonl).
    public static SimpleJwtView ObtainPair(SimpleJwtOptions o) => new(
        "Token Obtain Pair",
        "Takes a set of user credentials and returns an access and refresh JSON web\ntoken pair to prove the authentication of those credentials.",
        [o.UsernameField, "password"], [], ObtainPairAsync);

    public static SimpleJwtView Refresh() => new(
        "Token Refresh",
        "Takes a refresh type JSON web token and returns an access type JSON web\ntoken if the refresh token is valid.",
        ["refresh"], ["access"], RefreshAsync);

    public static SimpleJwtView Verify() => new(
        "Token Verify",
        "Takes a token and indicates if it is valid.  This view provides no\ninformation about a token's fitness for a particular use.",
        ["token"], [], VerifyAsync);

    public static SimpleJwtView Blacklist() => new(
        "Token Blacklist",
        "Takes a token and blacklists it. Must be used with the\n`rest_framework_simplejwt.token_blacklist` app installed.",
        ["refresh"], [], BlacklistAsync);

    public static SimpleJwtView ObtainSliding(SimpleJwtOptions o) => new(
        "Token Obtain Sliding",
        "Takes a set of user credentials and returns a sliding JSON web token to\nprove the authentication of those credentials.",
        [o.UsernameField, "password"], [], ObtainSlidingAsync);

    public static SimpleJwtView RefreshSliding() => new(
        "Token Refresh Sliding",
        "Takes a sliding JSON web token and returns a new, refreshed version if the\ntoken's refresh period has not expired.",
        ["token"], [], RefreshSlidingAsync);

    /// <summary>
    /// The view as DRF runs it: simplejwt's views are generic DRF views with no authentication or
    /// permission classes, so REST_FRAMEWORK's renderers, parsers and throttles apply (Vary: Accept,
    /// 406, OPTIONS, 405, 429 come from the DRF view machinery), and their 401s carry
    /// <c>WWW-Authenticate: Bearer realm="api"</c> (the views' own authenticate header).
    /// </summary>
    public static DrfView AsDrfView(SimpleJwtView view) => new DrfViewBuilder(view.Name)
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
    private static async ValueTask<DrfResponse> PostAsync(DrfRequest drfRequest, SimpleJwtView view)
    {
        var context = drfRequest.HttpContext;
        var data = await DrfRequestData.ReadAsync(context.Request).ConfigureAwait(false);
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
            SimpleJwtLog.StoreUnavailable(Logger(context.RequestServices), ex);
            return Respond(drfRequest, StatusCodes.Status503ServiceUnavailable, DrfJsonResponse.Detail(TokenStoreUnavailableException.Detail, TokenStoreUnavailableException.Code))
                .WithHeader("Retry-After", "1");
        }
        var result = context.Features.Get<TokenViewResult>() ?? throw new InvalidOperationException("the token view did not answer");
        context.Features.Set<TokenViewResult>(null);
        return Respond(drfRequest, result.Status, result.Body);
    }

    // simplejwt's and DRF's messages (detail, field errors) in the request's language.
    private static DrfResponse Respond(DrfRequest request, int status, object body)
    {
        var context = request.HttpContext;
        var response = new DrfResponse(DrfLocalizer.Localize(body, request.Translate), status);
        if (status == StatusCodes.Status401Unauthorized)
        {
            var options = context.RequestServices.GetRequiredService<SimpleJwtTokenService>().Options;
            response.WithHeader("WWW-Authenticate", SimpleJwtAuthenticationHandler.WwwAuthenticate(options));
        }
        return response;
    }

    // The views' answers are handed back to the DRF view machinery, which renders them.
    private sealed record TokenViewResult(int Status, object Body);

    private static Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Features.Set(new TokenViewResult(status, body));
        return Task.CompletedTask;
    }

    private static Task TokenError(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, DrfJsonResponse.Detail(message, SimpleJwtMessages.Codes.TokenNotValid));

    private static async Task ObtainPairAsync(HttpContext context, string[] values)
    {
        var services = context.RequestServices;
        var tokens = services.GetRequiredService<SimpleJwtTokenService>();
        var user = await AuthenticateAsync(context, values[0], values[1]).ConfigureAwait(false);
        if (user is null)
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, DrfJsonResponse.Detail(SimpleJwtMessages.NoActiveAccount)).ConfigureAwait(false);
            return;
        }
        var now = tokens.Now();
        var refresh = tokens.ForUser(TokenType.Refresh, user, now);
        ApplyClaimsProviders(services, user, refresh);
        string refreshText = tokens.Encode(refresh);
        // Recorded before the response that hands the token out, so it can always be blacklisted.
        await RecordOutstandingAsync(services, tokens, refreshText, refresh, user.Id, now, context).ConfigureAwait(false);
        string accessText = tokens.Encode(tokens.AccessFromRefresh(refresh, now, now));
        await UpdateLastLoginAsync(services, tokens, user, now, context).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder().Set("refresh", refreshText).Set("access", accessText)).ConfigureAwait(false);
    }

    private static async Task ObtainSlidingAsync(HttpContext context, string[] values)
    {
        var services = context.RequestServices;
        var tokens = services.GetRequiredService<SimpleJwtTokenService>();
        var user = await AuthenticateAsync(context, values[0], values[1]).ConfigureAwait(false);
        if (user is null)
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, DrfJsonResponse.Detail(SimpleJwtMessages.NoActiveAccount)).ConfigureAwait(false);
            return;
        }
        var now = tokens.Now();
        var sliding = tokens.ForUser(TokenType.Sliding, user, now);
        ApplyClaimsProviders(services, user, sliding);
        string text = tokens.Encode(sliding);
        await RecordOutstandingAsync(services, tokens, text, sliding, user.Id, now, context).ConfigureAwait(false);
        await UpdateLastLoginAsync(services, tokens, user, now, context).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder().Set("token", text)).ConfigureAwait(false);
    }

    private static async Task RefreshAsync(HttpContext context, string[] values)
    {
        var services = context.RequestServices;
        var tokens = services.GetRequiredService<SimpleJwtTokenService>();
        var options = tokens.Options;
        var now = tokens.Now();
        var result = await tokens.ValidateAsync(values[0], TokenType.Refresh, now, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            await TokenError(context, result.Error!).ConfigureAwait(false);
            return;
        }
        var payload = result.Payload!;

        // 5.4.0+: a token naming a user that is gone or inactive cannot be refreshed (HEAD: 401 for a
        // deleted user where 5.4–5.5.1 crash with a 500).
        DjangoUser? user = null;
        if (payload.TryGetValue(options.UserIdClaim, out var rawId) && IsTruthy(rawId) && payload.GetIdentifier(options.UserIdClaim) is { } userId)
        {
            user = await services.GetRequiredService<IUserStore>().FindByIdAsync(userId, context.RequestAborted).ConfigureAwait(false);
            if (user is null || (options.CheckUserIsActive && !user.IsActive))
            {
                await WriteAsync(context, StatusCodes.Status401Unauthorized, DrfJsonResponse.Detail(SimpleJwtMessages.NoActiveAccountForToken)).ConfigureAwait(false);
                return;
            }
        }

        var body = new TokenClaimsBuilder().Set("access", tokens.Encode(tokens.AccessFromRefresh(payload, now, now)));
        if (options.RotateRefreshTokens)
        {
            var blacklist = services.GetService<ITokenBlacklistStore>();
            string jti = tokens.JtiOf(payload)!;
            if (options.BlacklistAfterRotation && tokens.BlacklistActive && blacklist is not null)
            {
                var old = new OutstandingToken(jti, values[0], user?.Id, SimpleJwtTokenService.FromEpochOrNull(payload, "iat"), SimpleJwtTokenService.FromEpoch(payload, "exp"));
                // Exactly one concurrent refresh of the same token wins; Django's check-then-insert lets several through.
                if (await blacklist.TryBlacklistAsync(old, context.RequestAborted).ConfigureAwait(false) == BlacklistOutcome.AlreadyBlacklisted)
                {
                    SimpleJwtLog.RotationRace(Logger(services), jti);
                    await TokenError(context, SimpleJwtMessages.Blacklisted).ConfigureAwait(false);
                    return;
                }
                SimpleJwtLog.Rotated(Logger(services), jti);
            }
            var rotated = payload.ToBuilder();
            rotated.Set(options.JtiClaim ?? "null", services.GetRequiredService<ITokenIdGenerator>().NewId());
            rotated.Set("exp", SimpleJwtTokenService.Epoch(now + options.RefreshTokenLifetime));
            rotated.Set("iat", SimpleJwtTokenService.Epoch(now));
            string rotatedText = tokens.Encode(rotated);
            await RecordOutstandingAsync(services, tokens, rotatedText, rotated, user?.Id, now, context).ConfigureAwait(false);
            body.Set("refresh", rotatedText);
        }
        await WriteAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private static async Task VerifyAsync(HttpContext context, string[] values)
    {
        var services = context.RequestServices;
        var tokens = services.GetRequiredService<SimpleJwtTokenService>();
        var result = await tokens.ValidateAsync(values[0], TokenType.Untyped, tokens.Now(), context.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            await TokenError(context, result.Error!).ConfigureAwait(false);
            return;
        }
        // simplejwt consults the blacklist here only when BLACKLIST_AFTER_ROTATION is on, and then
        // answers 400 (a serializer ValidationError), not 401.
        var blacklist = services.GetService<ITokenBlacklistStore>();
        if (tokens.Options.BlacklistAfterRotation && tokens.BlacklistActive && blacklist is not null
            && tokens.JtiOf(result.Payload!) is { } jti
            && await blacklist.IsBlacklistedAsync(jti, context.RequestAborted).ConfigureAwait(false))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest,
                new TokenClaimsBuilder().Set("non_field_errors", new[] { SimpleJwtMessages.Blacklisted })).ConfigureAwait(false);
            return;
        }
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder()).ConfigureAwait(false);
    }

    private static async Task BlacklistAsync(HttpContext context, string[] values)
    {
        var services = context.RequestServices;
        var tokens = services.GetRequiredService<SimpleJwtTokenService>();
        var result = await tokens.ValidateAsync(values[0], TokenType.Refresh, tokens.Now(), context.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            await TokenError(context, result.Error!).ConfigureAwait(false);
            return;
        }
        var blacklist = services.GetService<ITokenBlacklistStore>();
        if (tokens.BlacklistActive && blacklist is not null)
        {
            var payload = result.Payload!;
            long? userId = null;
            if (payload.GetIdentifier(tokens.Options.UserIdClaim) is { } id)
            {
                userId = (await services.GetRequiredService<IUserStore>().FindByIdAsync(id, context.RequestAborted).ConfigureAwait(false))?.Id;
            }
            var row = new OutstandingToken(tokens.JtiOf(payload)!, values[0], userId, SimpleJwtTokenService.FromEpochOrNull(payload, "iat"), SimpleJwtTokenService.FromEpoch(payload, "exp"));
            if (await blacklist.TryBlacklistAsync(row, context.RequestAborted).ConfigureAwait(false) == BlacklistOutcome.AlreadyBlacklisted)
            {
                await TokenError(context, SimpleJwtMessages.Blacklisted).ConfigureAwait(false);
                return;
            }
        }
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder()).ConfigureAwait(false);
    }

    private static async Task RefreshSlidingAsync(HttpContext context, string[] values)
    {
        var services = context.RequestServices;
        var tokens = services.GetRequiredService<SimpleJwtTokenService>();
        var options = tokens.Options;
        var now = tokens.Now();
        var result = await tokens.ValidateAsync(values[0], TokenType.Sliding, now, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            await TokenError(context, result.Error!).ConfigureAwait(false);
            return;
        }
        var payload = result.Payload!;
        if (tokens.CheckTimeClaim(payload, options.SlidingTokenRefreshExpClaim, now) is { } refreshExpError)
        {
            await TokenError(context, refreshExpError).ConfigureAwait(false);
            return;
        }
        // jti and refresh_exp stay: a sliding token keeps its identity for its whole life.
        var renewed = payload.ToBuilder();
        renewed.Set("exp", SimpleJwtTokenService.Epoch(now + options.SlidingTokenLifetime));
        renewed.Set("iat", SimpleJwtTokenService.Epoch(now));
        await WriteAsync(context, StatusCodes.Status200OK, new TokenClaimsBuilder().Set("token", tokens.Encode(renewed))).ConfigureAwait(false);
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

    /// <summary>Django's <c>authenticate()</c> with ModelBackend: exact username, password hash, active.</summary>
    private static async Task<DjangoUser?> AuthenticateAsync(HttpContext context, string username, string password)
    {
        var services = context.RequestServices;
        var users = services.GetRequiredService<IUserStore>();
        var hasher = services.GetRequiredService<IPasswordHasher>();
        var user = await users.FindByUsernameAsync(username, context.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            // ModelBackend hashes anyway so an unknown username costs the same time as a wrong password.
            _ = hasher.Hash(password);
            SimpleJwtLog.LoginRefused(Logger(services), username);
            return null;
        }
        bool ok;
        try
        {
            ok = hasher.Verify(password, user.Password);
        }
        catch (NotSupportedException ex)
        {
            SimpleJwtLog.UnsupportedHasher(Logger(services), username, ex.Message);
            ok = false;
        }
        if (!ok || !user.IsActive)
        {
            SimpleJwtLog.LoginRefused(Logger(services), username);
            return null;
        }
        return user;
    }

    private static void ApplyClaimsProviders(IServiceProvider services, DjangoUser user, TokenClaimsBuilder claims)
    {
        foreach (var provider in services.GetServices<ISimpleJwtClaimsProvider>()) provider.AddClaims(user, claims);
    }

    private static async Task RecordOutstandingAsync(IServiceProvider services, SimpleJwtTokenService tokens, string text, TokenClaimsBuilder claims, long? userId, DateTimeOffset now, HttpContext context)
    {
        if (!tokens.BlacklistActive || services.GetService<ITokenBlacklistStore>() is not { } store) return;
        await store.RecordOutstandingAsync(tokens.Outstanding(text, claims.ToPayload(), userId, now), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task UpdateLastLoginAsync(IServiceProvider services, SimpleJwtTokenService tokens, DjangoUser user, DateTimeOffset now, HttpContext context)
    {
        if (!tokens.Options.UpdateLastLogin) return;
        await services.GetRequiredService<IUserStore>().UpdateLastLoginAsync(user.Id, now, context.RequestAborted).ConfigureAwait(false);
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger("DjangoSettings.Jwt.SimpleJwtViews");
}
