using System;
using System.Collections.Generic;
using System.Text;

namespace DjangoSettings.Jwt;

/// <summary>
/// Turns raw <c>SIMPLE_JWT</c> values (as the settings evaluator produces them) into
/// <see cref="SimpleJwtOptions"/>, and checks options before the app starts serving. Every problem
/// is a <see cref="SimpleJwtConfigurationException"/> naming the key, so a broken configuration
/// fails at startup rather than as a 500 on the first request (what Django does for some of them).
/// </summary>
public static class SimpleJwtOptionsFactory
{
    private static readonly string[] RemovedKeys = ["AUTH_HEADER_TYPE", "AUTH_TOKEN_CLASS", "SECRET_KEY", "TOKEN_BACKEND_CLASS"];

    /// <summary>The algorithms this runtime signs and verifies.</summary>
    public static IReadOnlyList<string> SupportedAlgorithms { get; } =
        ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "ES256K", "ES521", "EdDSA"];

    /// <summary>
    /// Builds options from a <c>SIMPLE_JWT</c> dict. Accepted value types: <see cref="TimeSpan"/> (or
    /// seconds as a number) for lifetimes and LEEWAY, bool, string, string sequences for
    /// AUTH_HEADER_TYPES / AUDIENCE / AUTH_TOKEN_CLASSES, null. Unknown keys are ignored as Django
    /// ignores them; the four removed keys throw as Django does.
    /// </summary>
    /// <param name="values">Key → value, keys as in Django.</param>
    /// <param name="djangoSecretKey">Django's <c>SECRET_KEY</c>, the default <c>SIGNING_KEY</c>.</param>
    public static SimpleJwtOptions FromSettings(IReadOnlyDictionary<string, object?> values, string djangoSecretKey)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var removed in RemovedKeys)
        {
            if (values.ContainsKey(removed))
            {
                throw new SimpleJwtConfigurationException(removed,
                    $"The '{removed}' setting has been removed. Please refer to 'https://django-rest-framework-simplejwt.readthedocs.io/en/latest/settings.html' for available settings.");
            }
        }

        var o = SimpleJwtOptions.Defaults(djangoSecretKey);
        foreach (var (key, value) in values)
        {
            o = key switch
            {
                "ACCESS_TOKEN_LIFETIME" => o with { AccessTokenLifetime = Duration(key, value) },
                "REFRESH_TOKEN_LIFETIME" => o with { RefreshTokenLifetime = Duration(key, value) },
                "SLIDING_TOKEN_LIFETIME" => o with { SlidingTokenLifetime = Duration(key, value) },
                "SLIDING_TOKEN_REFRESH_LIFETIME" => o with { SlidingTokenRefreshLifetime = Duration(key, value) },
                "LEEWAY" => o with { Leeway = value is null ? TimeSpan.Zero : Leeway(value) },
                "ROTATE_REFRESH_TOKENS" => o with { RotateRefreshTokens = Bool(key, value) },
                "BLACKLIST_AFTER_ROTATION" => o with { BlacklistAfterRotation = Bool(key, value) },
                "UPDATE_LAST_LOGIN" => o with { UpdateLastLogin = Bool(key, value) },
                "CHECK_REVOKE_TOKEN" => o with { CheckRevokeToken = Bool(key, value) },
                "CHECK_USER_IS_ACTIVE" => o with { CheckUserIsActive = Bool(key, value) },
                "ALGORITHM" => o with { Algorithm = Str(key, value) },
                "SIGNING_KEY" => o with { SigningKey = Str(key, value) },
                "VERIFYING_KEY" => o with { VerifyingKey = value is null ? "" : Str(key, value) },
                "ISSUER" => o with { Issuer = value is null ? null : Str(key, value) },
                "JWK_URL" => o with { JwkUrl = value is null ? null : Str(key, value) },
                "AUDIENCE" => value switch
                {
                    null => o with { Audience = null, AudienceIsList = false },
                    string s => o with { Audience = [s], AudienceIsList = false },
                    _ => o with { Audience = Strings(key, value), AudienceIsList = true },
                },
                "AUTH_HEADER_TYPES" => o with { AuthHeaderTypes = value is string one ? [one] : Strings(key, value) },
                "AUTH_HEADER_NAME" => o with { AuthHeaderName = Str(key, value) },
                "USER_ID_FIELD" => o with { UserIdField = Str(key, value) },
                "USER_ID_CLAIM" => o with { UserIdClaim = Str(key, value) },
                "TOKEN_TYPE_CLAIM" => o with { TokenTypeClaim = value is null ? null : Str(key, value) },
                "JTI_CLAIM" => o with { JtiClaim = value is null ? null : Str(key, value) },
                "SLIDING_TOKEN_REFRESH_EXP_CLAIM" => o with { SlidingTokenRefreshExpClaim = Str(key, value) },
                "REVOKE_TOKEN_CLAIM" => o with { RevokeTokenClaim = Str(key, value) },
                "AUTH_TOKEN_CLASSES" => o with { AuthTokenClasses = TokenClasses(key, value) },
                _ => o,
            };
        }
        return Validate(o);
    }

    /// <summary>
    /// Checks options (algorithm name, keys that parse, header names, claim names) and returns them
    /// unchanged, or throws <see cref="SimpleJwtConfigurationException"/> with a clear message.
    /// </summary>
    public static SimpleJwtOptions Validate(SimpleJwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!JwtAlgorithm.TryParse(options.Algorithm, out _))
        {
            string hint = string.Equals(options.Algorithm, "none", StringComparison.OrdinalIgnoreCase)
                ? " ('none' is never allowed)"
                : $"; supported: {string.Join(", ", SupportedAlgorithms)}";
            throw new SimpleJwtConfigurationException("ALGORITHM", $"Unrecognized algorithm type '{options.Algorithm}'{hint}.");
        }
        // Builds (and throws away) the key objects so bad PEM text fails now, with the key's name.
        using (JwtKeyMaterial.Create(options)) { }

        if (options.AuthHeaderTypes is null || options.AuthHeaderTypes.Length == 0)
        {
            throw new SimpleJwtConfigurationException("AUTH_HEADER_TYPES", "at least one header type (e.g. 'Bearer') is required.");
        }
        foreach (var t in options.AuthHeaderTypes)
        {
            if (string.IsNullOrEmpty(t) || t.AsSpan().IndexOfAny(" \t\r\n\f\v") >= 0)
            {
                throw new SimpleJwtConfigurationException("AUTH_HEADER_TYPES", $"'{t}' is not a single word; the header is split on whitespace, so it could never match.");
            }
        }
        if (string.IsNullOrWhiteSpace(options.AuthHeaderName) || !options.AuthHeaderName.StartsWith("HTTP_", StringComparison.Ordinal) || options.AuthHeaderName.Length == 5)
        {
            throw new SimpleJwtConfigurationException("AUTH_HEADER_NAME", $"'{options.AuthHeaderName}' is not a request header in Django's META form (HTTP_ + upper-case name, e.g. HTTP_AUTHORIZATION).");
        }
        if (string.IsNullOrEmpty(options.UserIdField))
        {
            throw new SimpleJwtConfigurationException("USER_ID_FIELD", "must name a field of the user model.");
        }
        if (string.IsNullOrEmpty(options.UserIdClaim))
        {
            throw new SimpleJwtConfigurationException("USER_ID_CLAIM", "must be a non-empty claim name.");
        }
        if (options.Audience is { Length: 0 })
        {
            throw new SimpleJwtConfigurationException("AUDIENCE", "an empty audience list would make every token invalid; use None to disable the check.");
        }
        if (options.AuthTokenClasses is null || options.AuthTokenClasses.Length == 0)
        {
            throw new SimpleJwtConfigurationException("AUTH_TOKEN_CLASSES", "at least one token class is required.");
        }
        if (options.JtiClaim is null && options.BlacklistEnabled)
        {
            throw new SimpleJwtConfigurationException("JTI_CLAIM", "None cannot be combined with the token blacklist (refresh tokens are blacklisted by jti; Django would answer 500). Set BlacklistEnabled = false or keep a jti claim.");
        }
        if (options.JwkUrl is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out Uri? jwks) || (jwks.Scheme != Uri.UriSchemeHttp && jwks.Scheme != Uri.UriSchemeHttps)))
        {
            throw new SimpleJwtConfigurationException("JWK_URL", $"'{url}' is not an http(s) URL.");
        }
        if (options.JwksCacheLifetime <= TimeSpan.Zero || options.JwksRefetchInterval < TimeSpan.Zero || options.JwksFetchTimeout <= TimeSpan.Zero)
        {
            throw new SimpleJwtConfigurationException("JWK_URL", "the JWKS cache lifetime and fetch timeout must be positive, the refetch interval not negative.");
        }
        if (options.Leeway < TimeSpan.Zero)
        {
            throw new SimpleJwtConfigurationException("LEEWAY", "must not be negative.");
        }
        if (options.MaxTokenLength < 64)
        {
            throw new SimpleJwtConfigurationException("MaxTokenLength", "must be at least 64 characters.");
        }
        return options;
    }

    /// <summary>
    /// Checks that <c>USER_ID_FIELD</c> names a field of <paramref name="model"/> that can identify a
    /// user (Django answers 500 to every login when it does not, e.g. the default <c>id</c> on a model
    /// whose key is <c>handle</c>).
    /// </summary>
    /// <exception cref="SimpleJwtConfigurationException">It does not.</exception>
    public static void ValidateUserIdField(SimpleJwtOptions options, DjangoSettings.Users.DjangoUserModel model)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        var field = model.Resolve(options.UserIdField);
        if (field is null)
        {
            throw new SimpleJwtConfigurationException("USER_ID_FIELD",
                $"'{options.UserIdField}' is not a field of the user model {model.Label} (its primary key is '{model.PrimaryKey.Name}'; " +
                $"fields: {string.Join(", ", System.Linq.Enumerable.Select(model.Fields, f => f.Name))}).");
        }
        if (!(field.IsInteger || field.IsText || field.Type == DjangoSettings.Users.DjangoFieldType.UuidField))
        {
            throw new SimpleJwtConfigurationException("USER_ID_FIELD", $"'{options.UserIdField}' is a {field.Type}, which cannot identify a user.");
        }
    }

    /// <summary>Django META key → HTTP header name: <c>HTTP_X_ACCESS_TOKEN</c> → <c>X-Access-Token</c>.</summary>
    public static string MetaKeyToHeaderName(string metaKey)
    {
        string raw = metaKey.StartsWith("HTTP_", StringComparison.Ordinal) ? metaKey.Substring(5) : metaKey;
        var sb = new StringBuilder(raw.Length);
        bool upper = true;
        foreach (char c in raw)
        {
            if (c == '_')
            {
                sb.Append('-');
                upper = true;
                continue;
            }
            sb.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = false;
        }
        return sb.ToString();
    }

    private static TimeSpan Duration(string key, object? value) => value switch
    {
        TimeSpan t => t,
        int i => TimeSpan.FromSeconds(i),
        long l => TimeSpan.FromSeconds(l),
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => TimeSpan.FromSeconds(d),
        decimal m => TimeSpan.FromSeconds((double)m),
        _ => throw new SimpleJwtConfigurationException(key, $"Unrecognized type '{TypeName(value)}', '{key}' must be a timedelta (or seconds as int/float).")
    };

    private static TimeSpan Leeway(object value) => value switch
    {
        TimeSpan or int or long or double or decimal => Duration("LEEWAY", value),
        _ => throw new SimpleJwtConfigurationException("LEEWAY",
            $"Unrecognized type '<class '{TypeName(value)}'>', 'leeway' must be of type int, float or timedelta."),
    };

    private static bool Bool(string key, object? value) => value is bool b
        ? b
        : throw new SimpleJwtConfigurationException(key, $"must be True or False, not {TypeName(value)}.");

    private static string Str(string key, object? value) => value is string s
        ? s
        : throw new SimpleJwtConfigurationException(key, $"must be a string, not {TypeName(value)}.");

    private static string[] Strings(string key, object? value)
    {
        if (value is IEnumerable<string> strings) return [.. strings];
        if (value is System.Collections.IEnumerable items and not string)
        {
            var list = new List<string>();
            foreach (var item in items)
            {
                list.Add(item as string ?? throw new SimpleJwtConfigurationException(key, $"every item must be a string, found {TypeName(item)}."));
            }
            return [.. list];
        }
        throw new SimpleJwtConfigurationException(key, $"must be a string or a list/tuple of strings, not {TypeName(value)}.");
    }

    private static TokenType[] TokenClasses(string key, object? value)
    {
        var result = new List<TokenType>();
        foreach (var path in value is string one ? [one] : Strings(key, value))
        {
            result.Add(TokenTypeNames.FromClassPath(path)
                ?? throw new SimpleJwtConfigurationException(key, $"'{path}' is not a simplejwt token class this runtime knows (AccessToken, RefreshToken, SlidingToken, UntypedToken)."));
        }
        return [.. result];
    }

    private static string TypeName(object? value) => value switch
    {
        null => "None",
        string => "str",
        bool => "bool",
        int or long => "int",
        double or float or decimal => "float",
        _ => value.GetType().Name,
    };
}
