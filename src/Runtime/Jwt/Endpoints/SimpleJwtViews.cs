using System;
using System.Collections.Generic;
using System.Threading.Tasks;
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
    // The login field is the user model's USERNAME_FIELD ({"email": ..., "password": ...} for an
    // e-mail login), read once as simplejwt's serializer reads it at import.
    public static SimpleJwtView ObtainPair(string usernameField) => new(
        "Token Obtain Pair",
        "Takes a set of user credentials and returns an access and refresh JSON web\ntoken pair to prove the authentication of those credentials.",
        [usernameField, "password"], [], ObtainPairAsync);

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

    public static SimpleJwtView ObtainSliding(string usernameField) => new(
        "Token Obtain Sliding",
        "Takes a set of user credentials and returns a sliding JSON web token to\nprove the authentication of those credentials.",
        [usernameField, "password"], [], ObtainSlidingAsync);

    public static SimpleJwtView RefreshSliding() => new(
        "Token Refresh Sliding",
        "Takes a sliding JSON web token and returns a new, refreshed version if the\ntoken's refresh period has not expired.",
        ["token"], [], RefreshSlidingAsync);

    /// <summary>Everything DRF and Django do around the view's POST.</summary>
    public static async Task DispatchAsync(HttpContext context, SimpleJwtView view)
    {
        var request = context.Request;
        string path = request.PathBase.Add(request.Path).Value ?? "/";
        if (!path.EndsWith('/'))
        {
            // Django's CommonMiddleware (APPEND_SLASH) answers before any view, for every method.
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.Location = path + "/" + request.QueryString.Value;
            return;
        }
        if (!DrfRequestData.AcceptsJson(request.Headers.Accept.ToString()))
        {
            await DrfResponse.WriteAsync(context, StatusCodes.Status406NotAcceptable, DrfResponse.Detail("Could not satisfy the request Accept header."), null, SimpleJwtView.Allow).ConfigureAwait(false);
            return;
        }
        string method = request.Method.ToUpperInvariant();
        if (method == "OPTIONS")
        {
            await DrfResponse.WriteAsync(context, StatusCodes.Status200OK, view.Metadata(), null, SimpleJwtView.Allow).ConfigureAwait(false);
            return;
        }
        if (method != "POST")
        {
            await DrfResponse.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, DrfResponse.Detail($"Method \"{method}\" not allowed."), null, SimpleJwtView.Allow).ConfigureAwait(false);
            return;
        }
        var data = await DrfRequestData.ReadAsync(request).ConfigureAwait(false);
        if (data.Error is { } error)
        {
            await WriteAsync(context, error.Status, error.Body).ConfigureAwait(false);
            return;
        }
        var values = new string?[view.Fields.Count];
        if (DrfCharField.ValidateAll(data, view.Fields, values) is { } fieldErrors)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, fieldErrors).ConfigureAwait(false);
            return;
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
            context.Response.Headers.RetryAfter = "1";
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, DrfResponse.Detail(TokenStoreUnavailableException.Detail, TokenStoreUnavailableException.Code)).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, object body)
    {
        var options = context.RequestServices.GetRequiredService<SimpleJwtTokenService>().Options;
        return DrfResponse.WriteAsync(context, status, body, SimpleJwtAuthenticationHandler.WwwAuthenticate(options), SimpleJwtView.Allow);
    }

    private static Task TokenError(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, DrfResponse.Detail(message, SimpleJwtMessages.Codes.TokenNotValid));

    private static async Task ObtainPairAsync(HttpContext context, string[] values)
    {
        var services = context.RequestServices;
        var tokens = services.GetRequiredService<SimpleJwtTokenService>();
        var user = await AuthenticateAsync(context, values[0], values[1]).ConfigureAwait(false);
        if (user is null)
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, DrfResponse.Detail(SimpleJwtMessages.NoActiveAccount)).ConfigureAwait(false);
            return;
        }
        var now = tokens.Now();
        var refresh = tokens.ForUser(TokenType.Refresh, user, now);
        ApplyClaimsProviders(services, user, refresh);
        string refreshText = tokens.Encode(refresh);
        // Recorded before the response that hands the token out, so it can always be blacklisted.
        await RecordOutstandingAsync(services, tokens, refreshText, refresh, user.Pk, now, context).ConfigureAwait(false);
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
            await WriteAsync(context, StatusCodes.Status401Unauthorized, DrfResponse.Detail(SimpleJwtMessages.NoActiveAccount)).ConfigureAwait(false);
            return;
        }
        var now = tokens.Now();
        var sliding = tokens.ForUser(TokenType.Sliding, user, now);
        ApplyClaimsProviders(services, user, sliding);
        string text = tokens.Encode(sliding);
        await RecordOutstandingAsync(services, tokens, text, sliding, user.Pk, now, context).ConfigureAwait(false);
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
        if (payload.TryGetValue(options.UserIdClaim, out var rawId) && IsTruthy(rawId))
        {
            var users = services.GetRequiredService<IUserStore>();
            // A claim a UUID key cannot take: Django's ValidationError, which DRF's serializer answers with 400.
            if (users.Model.Resolve(options.UserIdField) is { Type: DjangoFieldType.UuidField } uuidField
                && DjangoLookup.Convert(uuidField, rawId) is { Outcome: DjangoLookupOutcome.Invalid, Error: { } invalid })
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new TokenClaimsBuilder().Set("non_field_errors", new[] { invalid })).ConfigureAwait(false);
                return;
            }
            user = await users.FindByFieldAsync(options.UserIdField, rawId, context.RequestAborted).ConfigureAwait(false);
            if (user is null || (options.CheckUserIsActive && !user.IsActive))
            {
                await WriteAsync(context, StatusCodes.Status401Unauthorized, DrfResponse.Detail(SimpleJwtMessages.NoActiveAccountForToken)).ConfigureAwait(false);
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
                var old = new OutstandingToken(jti, values[0], user?.Pk, SimpleJwtTokenService.FromEpochOrNull(payload, "iat"), SimpleJwtTokenService.FromEpoch(payload, "exp"));
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
            await RecordOutstandingAsync(services, tokens, rotatedText, rotated, user?.Pk, now, context).ConfigureAwait(false);
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
            // The row references the user's primary key, whatever USER_ID_FIELD the claim carries.
            DjangoUserKey? userId = null;
            if (payload.TryGetValue(tokens.Options.UserIdClaim, out object? id) && id is not null)
            {
                userId = (await services.GetRequiredService<IUserStore>().FindByFieldAsync(tokens.Options.UserIdField, id, context.RequestAborted).ConfigureAwait(false))?.Pk;
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

    /// <summary>
    /// Django's <c>authenticate()</c> with ModelBackend: exact login lookup, the password checked
    /// (and re-hashed when the preferred hasher or its parameters changed, even for an inactive user,
    /// as Django's <c>check_password</c> setter does), then the active check.
    /// </summary>
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
        PasswordCheck check;
        try
        {
            check = hasher.Check(password, user.Password);
        }
        catch (NotSupportedException ex)
        {
            SimpleJwtLog.UnsupportedHasher(Logger(services), username, ex.Message);
            check = default;
        }
        if (check.MustUpdate)
        {
            string rehashed = hasher.Hash(password);
            await users.SetPasswordAsync(user.Pk, rehashed, context.RequestAborted).ConfigureAwait(false);
            user = user with { Password = rehashed };
            SimpleJwtLog.PasswordRehashed(Logger(services), username, rehashed.Split('$')[0]);
        }
        if (!check.Verified || !user.IsActive)
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

    private static async Task RecordOutstandingAsync(IServiceProvider services, SimpleJwtTokenService tokens, string text, TokenClaimsBuilder claims, DjangoUserKey? userId, DateTimeOffset now, HttpContext context)
    {
        if (!tokens.BlacklistActive || services.GetService<ITokenBlacklistStore>() is not { } store) return;
        await store.RecordOutstandingAsync(tokens.Outstanding(text, claims.ToPayload(), userId, now), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task UpdateLastLoginAsync(IServiceProvider services, SimpleJwtTokenService tokens, DjangoUser user, DateTimeOffset now, HttpContext context)
    {
        if (!tokens.Options.UpdateLastLogin) return;
        await services.GetRequiredService<IUserStore>().UpdateLastLoginAsync(user.Pk, now, context.RequestAborted).ConfigureAwait(false);
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger("DjangoSettings.Jwt.SimpleJwtViews");
}
