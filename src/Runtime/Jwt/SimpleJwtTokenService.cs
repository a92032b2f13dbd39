using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using DjangoSettings.Users;

namespace DjangoSettings.Jwt;

/// <summary>
/// simplejwt's token classes (AccessToken, RefreshToken, SlidingToken, UntypedToken): builds
/// claims in Django's order with Django's times, derives access tokens from refresh tokens, and
/// validates a token as a class (codec checks, blacklist, exp, jti, type) returning a result.
/// Thread-safe; one instance per app (registered by AddSimpleJwt).
/// </summary>
public sealed class SimpleJwtTokenService
{
    private readonly SimpleJwtTokenCodec _codec;
    private readonly ITokenIdGenerator _ids;
    private readonly ITokenBlacklistStore? _blacklist;

    /// <summary>Creates the service.</summary>
    /// <param name="options">Validated options (the codec's).</param>
    /// <param name="codec">Signs and decodes.</param>
    /// <param name="timeProvider">The clock (one reading per token, like simplejwt).</param>
    /// <param name="ids">jti generator.</param>
    /// <param name="blacklist">The blacklist store; null = blacklist app not installed.</param>
    public SimpleJwtTokenService(SimpleJwtOptions options, SimpleJwtTokenCodec codec, TimeProvider timeProvider, ITokenIdGenerator ids, ITokenBlacklistStore? blacklist)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _ids = ids ?? throw new ArgumentNullException(nameof(ids));
        _blacklist = options.BlacklistEnabled ? blacklist : null;
    }

    /// <summary>The settings.</summary>
    public SimpleJwtOptions Options { get; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Whether blacklist checks and writes happen (BlacklistEnabled and a store registered).</summary>
    public bool BlacklistActive => _blacklist is not null;

    /// <summary>The current time, read once per operation.</summary>
    public DateTimeOffset Now() => TimeProvider.GetUtcNow();

    /// <summary>Lifetime of a token class.</summary>
    public TimeSpan Lifetime(TokenType type) => type switch
    {
        TokenType.Access => Options.AccessTokenLifetime,
        TokenType.Refresh => Options.RefreshTokenLifetime,
        TokenType.Sliding => Options.SlidingTokenLifetime,
        _ => TimeSpan.Zero,
    };

    /// <summary>A fresh token's claims: type, exp, iat, jti (and refresh_exp for sliding), as <c>Token()</c> builds them.</summary>
    public TokenClaimsBuilder NewToken(TokenType type, DateTimeOffset now)
    {
        var claims = new TokenClaimsBuilder();
        claims.Set(Options.TokenTypeClaim ?? "null", type.ClaimValue());
        claims.Set("exp", Epoch(now + Lifetime(type)));
        claims.Set("iat", Epoch(now));
        claims.Set(Options.JtiClaim ?? "null", _ids.NewId());
        if (type == TokenType.Sliding)
        {
            claims.Set(Options.SlidingTokenRefreshExpClaim, Epoch(now + Options.SlidingTokenRefreshLifetime));
        }
        return claims;
    }

    /// <summary><c>Token.for_user(user)</c>: a fresh token plus the user id claim (and the revoke claim when CHECK_REVOKE_TOKEN).</summary>
    public TokenClaimsBuilder ForUser(TokenType type, DjangoUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = NewToken(type, now);
        claims.Set(Options.UserIdClaim, UserIdValue(user));
        if (Options.CheckRevokeToken) claims.Set(Options.RevokeTokenClaim, RevokeHash(user));
        return claims;
    }

    /// <summary>
    /// <c>refresh.access_token</c>: a new access token whose exp counts from the refresh object's
    /// time, with every refresh claim copied except type, exp and jti (and iat unless
    /// <see cref="SimpleJwtOptions.AccessTokenCopiesRefreshIat"/>).
    /// </summary>
    public TokenClaimsBuilder AccessFromRefresh(IEnumerable<KeyValuePair<string, object?>> refreshClaims, DateTimeOffset refreshNow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(refreshClaims);
        var access = NewToken(TokenType.Access, now);
        access.Set("exp", Epoch(refreshNow + Options.AccessTokenLifetime));
        string typeClaim = Options.TokenTypeClaim ?? "null";
        string jtiClaim = Options.JtiClaim ?? "null";
        foreach (var (name, value) in refreshClaims)
        {
            if (name == typeClaim || name == "exp" || name == jtiClaim || name == "jti") continue;
            if (name == "iat" && !Options.AccessTokenCopiesRefreshIat) continue;
            access.Set(name, value);
        }
        return access;
    }

    /// <summary>Signs claims (adds aud/iss when configured).</summary>
    public string Encode(IEnumerable<KeyValuePair<string, object?>> claims) => _codec.Encode(claims);

    /// <summary>
    /// Validates <paramref name="token"/> as <paramref name="type"/> at <paramref name="now"/>: codec checks,
    /// then (refresh/sliding with the blacklist) the blacklist, then exp presence, jti presence and
    /// the type claim, with Django's messages.
    /// </summary>
    public async ValueTask<TokenValidationResult> ValidateAsync(string? token, TokenType type, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var decoded = await _codec.DecodeAsync(token, now, cancellationToken).ConfigureAwait(false);
        if (!decoded.Succeeded) return DecodeRefused(type, decoded.Failure);
        var payload = decoded.Payload!;
        if (_blacklist is not null && type is TokenType.Refresh or TokenType.Sliding)
        {
            // Django looks the jti up first and crashes (500) without one; "no id" is the honest answer.
            if (JtiOf(payload) is not { } jti) return TokenValidationResult.Invalid(type, SimpleJwtMessages.NoId, payload);
            if (await _blacklist.IsBlacklistedAsync(jti, cancellationToken).ConfigureAwait(false))
            {
                return TokenValidationResult.Invalid(type, SimpleJwtMessages.Blacklisted, payload);
            }
        }
        return CheckClaims(payload, type, now);
    }

    /// <summary>The same checks without the blacklist (for callers that consult it themselves).</summary>
    public TokenValidationResult ValidateWithoutBlacklist(string? token, TokenType type, DateTimeOffset now)
    {
        var decoded = _codec.Decode(token, now);
        return decoded.Succeeded ? CheckClaims(decoded.Payload!, type, now) : DecodeRefused(type, decoded.Failure);
    }

    // simplejwt's message for a token PyJWT refused: "expired" only for exp, unless the combined message is configured.
    private TokenValidationResult DecodeRefused(TokenType type, JwtDecodeFailure failure)
    {
        string message = Options.CombinedInvalidOrExpiredMessage
            ? SimpleJwtMessages.TokenInvalidOrExpired
            : failure == JwtDecodeFailure.Expired ? SimpleJwtMessages.TokenExpired : SimpleJwtMessages.TokenInvalid;
        return TokenValidationResult.Invalid(type, message, null, failure);
    }

    private TokenValidationResult CheckClaims(TokenPayload payload, TokenType type, DateTimeOffset now)
    {
        if (CheckTimeClaim(payload, "exp", now) is { } expError) return TokenValidationResult.Invalid(type, expError, payload);
        if (Options.JtiClaim is { } jtiClaim && !payload.ContainsKey(jtiClaim)) return TokenValidationResult.Invalid(type, SimpleJwtMessages.NoId, payload);
        if (Options.TokenTypeClaim is { } typeClaim && type != TokenType.Untyped)
        {
            if (!payload.TryGetValue(typeClaim, out var value)) return TokenValidationResult.Invalid(type, SimpleJwtMessages.NoType, payload);
            if (value is not string s || s != type.ClaimValue()) return TokenValidationResult.Invalid(type, SimpleJwtMessages.WrongType, payload);
        }
        return TokenValidationResult.Valid(type, payload);
    }

    /// <summary>
    /// simplejwt's <c>check_exp(claim)</c>: the claim must be present and later than
    /// <c>now − LEEWAY</c> (exact time). Returns Django's message, or null when fine.
    /// </summary>
    public string? CheckTimeClaim(TokenPayload payload, string claim, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.TryGetValue(claim, out var value))
        {
            return claim == "exp" ? SimpleJwtMessages.NoExp : string.Format(CultureInfo.InvariantCulture, SimpleJwtMessages.NoClaimFormat, claim);
        }
        // Django would crash (500) on a non-number here; refusing is the safe equivalent.
        if (!SimpleJwtTokenCodec.TryNumber(value, out double seconds)) return SimpleJwtMessages.TokenInvalid;
        double nowSeconds = now.ToUnixTimeMilliseconds() / 1000.0;
        if (seconds <= nowSeconds - Options.Leeway.TotalSeconds)
        {
            return claim == "exp" ? SimpleJwtMessages.ExpClaimExpired : string.Format(CultureInfo.InvariantCulture, SimpleJwtMessages.ClaimExpiredFormat, claim);
        }
        return null;
    }

    /// <summary>The token id as Django stores it (text), or null when absent.</summary>
    public string? JtiOf(TokenPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        string claim = Options.JtiClaim ?? "null";
        if (!payload.TryGetValue(claim, out var v) || v is null) return null;
        return v as string ?? PythonJsonWriter.Serialize(v);
    }

    /// <summary>
    /// The user id claim for <paramref name="user"/>: the value of <c>USER_ID_FIELD</c> as
    /// <c>for_user</c> writes it. An integer is a JSON number up to simplejwt 5.5.0 and a string from
    /// 5.5.1 (<see cref="SimpleJwtOptions.UserIdAsString"/>); a UUID is <c>str(uuid)</c> (hyphenated,
    /// lower case); text is itself.
    /// </summary>
    public object UserIdValue(DjangoUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string field = Options.UserIdField;
        object? value = field != "pk" && user.Fields.TryGetValue(field, out object? read)
            ? read
            // A user built by hand without Fields: its typed properties stand in for the usual fields.
            : field switch
            {
                "username" => user.Username,
                "email" => user.Email,
                _ => user.Pk.Value,
            };
        return value switch
        {
            long number => Options.UserIdAsString ? number.ToString(CultureInfo.InvariantCulture) : number,
            // bool is an int in Python: kept as is up to 5.5.0, str() from 5.5.1.
            bool flag => Options.UserIdAsString ? (flag ? "True" : "False") : flag,
            Guid uuid => uuid.ToString("D"),
            string text => text,
            null => "None",
            _ => PythonText.Str(value) ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>The revoke claim: upper-case hex MD5 of the stored password hash string.</summary>
    public static string RevokeHash(DjangoUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
#pragma warning disable CA5351 // MD5 is what simplejwt writes; it is a fingerprint, not a security boundary.
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(user.Password)));
#pragma warning restore CA5351
    }

    /// <summary>The outstanding-token row for a minted refresh/sliding token.</summary>
    public OutstandingToken Outstanding(string encoded, TokenPayload payload, DjangoUserKey? userId, DateTimeOffset? createdAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        string jti = JtiOf(payload) ?? throw new InvalidOperationException("token has no jti");
        return new OutstandingToken(jti, encoded, userId, createdAt, FromEpoch(payload, "exp"));
    }

    /// <summary>A numeric claim as a time (clamped to the representable range).</summary>
    public static DateTimeOffset FromEpoch(TokenPayload payload, string claim)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.TryGetValue(claim, out var v) || !SimpleJwtTokenCodec.TryNumber(v, out double s)) return DateTimeOffset.MaxValue;
        if (s >= 253402300799) return DateTimeOffset.MaxValue;
        if (s <= -62135596800) return DateTimeOffset.MinValue;
        return DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(s));
    }

    /// <summary>A numeric claim as a time, or null when absent or not a number.</summary>
    public static DateTimeOffset? FromEpochOrNull(TokenPayload payload, string claim)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.TryGetValue(claim, out var v) && SimpleJwtTokenCodec.TryNumber(v, out _) ? FromEpoch(payload, claim) : null;
    }

    /// <summary>Seconds since the epoch, truncated (simplejwt's <c>datetime_to_epoch</c>).</summary>
    public static long Epoch(DateTimeOffset time) => time.ToUnixTimeSeconds();
}
