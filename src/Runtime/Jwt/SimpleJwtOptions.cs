using System;

namespace DjangoSettings.Jwt;

/// <summary>
/// The <c>SIMPLE_JWT</c> settings dict as typed, immutable C#: one property per key, each with
/// simplejwt 5.5.x's default. Build it with an object initializer (the source generator does) or
/// from raw Django values with <see cref="SimpleJwtOptionsFactory"/>; either way call
/// <see cref="SimpleJwtOptionsFactory.Validate"/> at startup (AddSimpleJwt does).
/// </summary>
public sealed record SimpleJwtOptions
{
    /// <summary>Django's defaults, with the given signing key (Django's <c>SECRET_KEY</c> by default).</summary>
    public static SimpleJwtOptions Defaults(string signingKey) => new() { SigningKey = signingKey };

    /// <summary><c>ACCESS_TOKEN_LIFETIME</c> (default 5 minutes).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>REFRESH_TOKEN_LIFETIME</c> (default 1 day).</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(1);

    /// <summary><c>ROTATE_REFRESH_TOKENS</c>: the refresh endpoint also returns a new refresh token.</summary>
    public bool RotateRefreshTokens { get; init; }

    /// <summary><c>BLACKLIST_AFTER_ROTATION</c>: blacklist the submitted refresh token when rotating; also turns on the verify endpoint's blacklist check.</summary>
    public bool BlacklistAfterRotation { get; init; }

    /// <summary><c>UPDATE_LAST_LOGIN</c>: the obtain endpoints set <c>auth_user.last_login</c>.</summary>
    public bool UpdateLastLogin { get; init; }

    /// <summary>
    /// <c>ALGORITHM</c>: HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512 (ES521 is PyJWT's
    /// alias of ES512), ES256K (secp256k1, where the platform's cryptography has it) and EdDSA
    /// (Ed25519/Ed448). simplejwt accepts the last four groups from 5.4.
    /// </summary>
    public string Algorithm { get; init; } = "HS256";

    /// <summary><c>SIGNING_KEY</c>: the HMAC secret (UTF-8), or PEM private key text for RS/ES/PS.</summary>
    public string SigningKey { get; init; } = "";

    /// <summary><c>VERIFYING_KEY</c>: PEM public key (SPKI or PKCS#1) for RS/ES/PS; ignored for HS.</summary>
    public string VerifyingKey { get; init; } = "";

    /// <summary><c>AUDIENCE</c>: null = not written, not checked; otherwise written (one value as a string, several as an array) and required.</summary>
    public string[]? Audience { get; init; }

    /// <summary>
    /// Whether a one-element <see cref="Audience"/> came from a list/tuple in Python (written as a
    /// JSON array) rather than a plain string (written as a JSON string).
    /// </summary>
    public bool AudienceIsList { get; init; }

    /// <summary>
    /// <c>JWK_URL</c>: for a non-HMAC algorithm, verification keys come from this JWKS, chosen by the
    /// token's <c>kid</c> (VERIFYING_KEY is then not used, as in simplejwt). Null = not used.
    /// </summary>
    public string? JwkUrl { get; init; }

    /// <summary>How long a fetched JWKS is used before it is fetched again (PyJWKClient's 300 s).</summary>
    public TimeSpan JwksCacheLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The shortest time between two JWKS fetches caused by an unknown <c>kid</c> or a failed fetch
    /// (PyJWKClient fetches again on every miss; a flood of forged kids cannot flood the identity
    /// provider here). Default 10 s.
    /// </summary>
    public TimeSpan JwksRefetchInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a JWKS fetch may take (default 10 s).</summary>
    public TimeSpan JwksFetchTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Not a simplejwt setting: a <c>kid</c> written into the header of tokens minted here and used as
    /// the key's id in the JWKS endpoint (<see cref="Microsoft.AspNetCore.Builder.SimpleJwtEndpointRouteBuilderExtensions.MapSimpleJwtJwks"/>).
    /// Null (default): no <c>kid</c>, byte-identical to Django's tokens; the JWKS then names the key by
    /// its RFC 7638 thumbprint.
    /// </summary>
    public string? SigningKeyId { get; init; }

    /// <summary>
    /// simplejwt's <c>JWTStatelessUserAuthentication</c> (alias <c>JWTTokenUserAuthentication</c>):
    /// requests authenticate from the token alone, with no user lookup; the user is a token user
    /// (<see cref="Users.DjangoUser.IsTokenUser"/>) built from the claims as simplejwt's <c>TokenUser</c>
    /// is (see <see cref="ISimpleJwtTokenUserFactory"/> for <c>TOKEN_USER_CLASS</c>).
    /// </summary>
    public bool StatelessUserAuthentication { get; init; }

    /// <summary><c>ISSUER</c>: null = not written, not checked.</summary>
    public string? Issuer { get; init; }

    /// <summary><c>LEEWAY</c> applied to exp, nbf, iat and refresh_exp (default zero).</summary>
    public TimeSpan Leeway { get; init; } = TimeSpan.Zero;

    /// <summary><c>AUTH_HEADER_TYPES</c> (case-sensitive scheme words; the first is used in WWW-Authenticate).</summary>
    public string[] AuthHeaderTypes { get; init; } = ["Bearer"];

    /// <summary><c>AUTH_HEADER_NAME</c> in Django META form (<c>HTTP_AUTHORIZATION</c>).</summary>
    public string AuthHeaderName { get; init; } = "HTTP_AUTHORIZATION";

    /// <summary>The HTTP header named by <see cref="AuthHeaderName"/> (<c>HTTP_X_ACCESS_TOKEN</c> → <c>X-Access-Token</c>).</summary>
    public string AuthHeaderHttpName => SimpleJwtOptionsFactory.MetaKeyToHeaderName(AuthHeaderName);

    /// <summary>
    /// <c>USER_ID_FIELD</c>: the user model field copied into tokens and looked up from them (<c>id</c>, or
    /// <c>pk</c>, or any unique field such as <c>username</c>, <c>email</c> or a public UUID). Checked
    /// against the registered user model at startup.
    /// </summary>
    public string UserIdField { get; init; } = "id";

    /// <summary><c>USER_ID_CLAIM</c> (default <c>user_id</c>, often <c>sub</c>).</summary>
    public string UserIdClaim { get; init; } = "user_id";

    /// <summary>
    /// simplejwt 5.5.1+ writes the user id as a JSON string (<c>"1"</c>); 5.2.2–5.5.0 write an integer
    /// primary key as a JSON number. Default true (5.5.x). Validation accepts both forms either way.
    /// </summary>
    public bool UserIdAsString { get; init; } = true;

    /// <summary>
    /// simplejwt ≤ 5.4 reports every decode failure as <c>Token is invalid or expired</c>; 5.5.0+ says
    /// <c>Token is invalid</c> or <c>Token is expired</c>. Default false (5.5.x messages).
    /// </summary>
    public bool CombinedInvalidOrExpiredMessage { get; init; }

    /// <summary>
    /// simplejwt 5.0–5.5.0 copy the refresh token's <c>iat</c> into the access token derived from it;
    /// 5.5.1+ give the access token its own. Default false (5.5.1+).
    /// </summary>
    public bool AccessTokenCopiesRefreshIat { get; init; }

    /// <summary><c>AUTH_TOKEN_CLASSES</c>: which token types authenticate requests, in order (default access only).</summary>
    public TokenType[] AuthTokenClasses { get; init; } = [TokenType.Access];

    /// <summary><c>TOKEN_TYPE_CLAIM</c>; null disables the type check (and, as in Django, writes the type under a key named <c>null</c>).</summary>
    public string? TokenTypeClaim { get; init; } = "token_type";

    /// <summary><c>JTI_CLAIM</c>; null disables the id check (same <c>null</c> key quirk).</summary>
    public string? JtiClaim { get; init; } = "jti";

    /// <summary><c>SLIDING_TOKEN_REFRESH_EXP_CLAIM</c>.</summary>
    public string SlidingTokenRefreshExpClaim { get; init; } = "refresh_exp";

    /// <summary><c>SLIDING_TOKEN_LIFETIME</c> (default 5 minutes).</summary>
    public TimeSpan SlidingTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>SLIDING_TOKEN_REFRESH_LIFETIME</c> (default 1 day).</summary>
    public TimeSpan SlidingTokenRefreshLifetime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Maps the sliding obtain/refresh endpoints (<c>sliding/</c>, <c>sliding/refresh/</c>) in MapSimpleJwt.</summary>
    public bool EnableSlidingEndpoints { get; init; }

    /// <summary><c>CHECK_REVOKE_TOKEN</c> (5.3+): tokens carry an MD5 of the password hash; a changed password revokes them.</summary>
    public bool CheckRevokeToken { get; init; }

    /// <summary><c>REVOKE_TOKEN_CLAIM</c> (default <c>hash_password</c>).</summary>
    public string RevokeTokenClaim { get; init; } = "hash_password";

    /// <summary><c>CHECK_USER_IS_ACTIVE</c> (5.4+, default true): inactive users cannot authenticate or refresh.</summary>
    public bool CheckUserIsActive { get; init; } = true;

    /// <summary>Whether the blacklist app is installed (Django: <c>rest_framework_simplejwt.token_blacklist</c> in INSTALLED_APPS). Default true.</summary>
    public bool BlacklistEnabled { get; init; } = true;

    /// <summary>
    /// The simplejwt release whose observable behaviour the switches imitate (set by
    /// <see cref="ForSimpleJwtVersion"/>), or null when they were set one by one.
    /// </summary>
    public string? SimpleJwtVersion { get; init; }

    /// <summary>
    /// These options with the behaviour switches of a simplejwt release: <see cref="UserIdAsString"/>
    /// from 5.5.1, <see cref="CombinedInvalidOrExpiredMessage"/> before 5.5.0,
    /// <see cref="AccessTokenCopiesRefreshIat"/> before 5.5.1 (spec/user-models.md §8.6).
    /// </summary>
    /// <param name="version">A release such as <c>5.2.2</c>, <c>5.5</c> or <c>5.5.1</c> (missing parts are 0).</param>
    /// <exception cref="ArgumentException">Not a version, or older than 5.0 (tokens without <c>iat</c>, not imitated).</exception>
    public SimpleJwtOptions ForSimpleJwtVersion(string version)
    {
        var (major, minor, patch) = ParseVersion(version);
        if (major != 5)
        {
            throw new ArgumentException($"simplejwt {version}: only the 5.x releases are imitated (4.x tokens have no iat).", nameof(version));
        }
        int v = (minor * 100) + patch;
        return this with
        {
            SimpleJwtVersion = version,
            UserIdAsString = v >= 501,
            CombinedInvalidOrExpiredMessage = v < 500,
            AccessTokenCopiesRefreshIat = v < 501,
        };
    }

    private static (int Major, int Minor, int Patch) ParseVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        string[] parts = version.Trim().Split('.');
        int[] numbers = new int[3];
        if (parts.Length is < 1 or > 3) throw new ArgumentException($"'{version}' is not a simplejwt version (e.g. 5.2.2).", nameof(version));
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]))
            {
                throw new ArgumentException($"'{version}' is not a simplejwt version (e.g. 5.2.2).", nameof(version));
            }
        }
        return (numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>Longest token accepted, in characters; longer ones are refused before any parsing (not a Django setting: DoS guard).</summary>
    public int MaxTokenLength { get; init; } = 8192;
}
