using System;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Users;

namespace DjangoSettings.Jwt;

/// <summary>
/// DRF's <c>JWTAuthentication.authenticate</c>: header → raw token → first class of
/// AUTH_TOKEN_CLASSES that accepts it → user by USER_ID_FIELD → active and revoke checks.
/// Returns null for "no credentials", or a feature, or a failure with DRF's 401 body.
/// </summary>
internal sealed class SimpleJwtAuthenticator(SimpleJwtTokenService tokens, IUserStore? users, ISimpleJwtTokenUserFactory? tokenUsers = null)
{
    private readonly SimpleJwtOptions _options = tokens.Options;

    public async ValueTask<(SimpleJwtAuthenticationFeature? Success, SimpleJwtAuthenticationException? Failure)> AuthenticateAsync(
        string? header, CancellationToken cancellationToken)
    {
        switch (AuthorizationHeaderParser.Parse(header, _options.AuthHeaderTypes, out string? raw))
        {
            case AuthorizationHeaderKind.None:
                return (null, null);
            case AuthorizationHeaderKind.Malformed:
                return (null, Fail(SimpleJwtMessages.BadAuthorizationHeader, SimpleJwtMessages.Codes.BadAuthorizationHeader));
        }

        var now = tokens.Now();
        TokenValidationResult? accepted = null;
        var messages = new System.Collections.Generic.List<TokenClaimsBuilder>(_options.AuthTokenClasses.Length);
        foreach (var type in _options.AuthTokenClasses)
        {
            var result = await tokens.ValidateAsync(raw, type, now, cancellationToken).ConfigureAwait(false);
            if (result.IsValid)
            {
                accepted = result;
                break;
            }
            messages.Add(new TokenClaimsBuilder()
                .Set("token_class", type.ClassName())
                .Set("token_type", type.ClaimValue())
                .Set("message", result.Error));
        }
        if (accepted is null)
        {
            var body = DrfJsonResponse.Detail(SimpleJwtMessages.NotValidForAnyType, SimpleJwtMessages.Codes.TokenNotValid).Set("messages", messages);
            return (null, new SimpleJwtAuthenticationException(SimpleJwtMessages.NotValidForAnyType, body));
        }

        var payload = accepted.Payload!;
        if (!payload.ContainsKey(_options.UserIdClaim))
        {
            return (null, Fail(SimpleJwtMessages.NoUserIdentification, SimpleJwtMessages.Codes.TokenNotValid));
        }
        if (_options.StatelessUserAuthentication)
        {
            // JWTStatelessUserAuthentication: the token is the user; no lookup, no active or revoke check.
            var tokenUser = (tokenUsers ?? DefaultTokenUsers).Create(payload, _options);
            return (new SimpleJwtAuthenticationFeature(tokenUser, payload, accepted.Type, raw!), null);
        }
        if (users is null)
        {
            throw new InvalidOperationException("SimpleJWT authentication looks users up in an IUserStore, and none is registered (or set StatelessUserAuthentication).");
        }
        // The claim as it is (number or string, any UUID spelling): the store converts it as Django's
        // field would, and a value the field cannot take finds nobody (Django: a 500).
        payload.TryGetValue(_options.UserIdClaim, out object? id);
        DjangoUser? user = await users.FindByFieldAsync(_options.UserIdField, id, cancellationToken).ConfigureAwait(false);
        if (user is null) return (null, Fail(SimpleJwtMessages.UserNotFound, SimpleJwtMessages.Codes.UserNotFound));
        if (_options.CheckUserIsActive && !user.IsActive) return (null, Fail(SimpleJwtMessages.UserInactive, SimpleJwtMessages.Codes.UserInactive));
        if (_options.CheckRevokeToken
            && !string.Equals(payload.GetString(_options.RevokeTokenClaim), SimpleJwtTokenService.RevokeHash(user), StringComparison.Ordinal))
        {
            return (null, Fail(SimpleJwtMessages.PasswordChanged, SimpleJwtMessages.Codes.PasswordChanged));
        }
        return (new SimpleJwtAuthenticationFeature(user, payload, accepted.Type, raw!), null);
    }

    private static readonly SimpleJwtTokenUserFactory DefaultTokenUsers = new();

    private static SimpleJwtAuthenticationException Fail(string detail, string code) =>
        new(detail, DrfJsonResponse.Detail(detail, code));
}
