using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using static DjangoSettings.Generator.Binding.SettingKind;

namespace DjangoSettings.Generator.Binding;

/// <summary>
/// Every setting the compiler understands, with its type, default and legacy alias: the CORS
/// settings of django-cors-headers 4.x (spec/cors.md §1), the SIMPLE_JWT keys of simplejwt 5.5
/// (spec/jwt.md §1), and the Django core settings the runtime reads. One table drives binding,
/// "did you mean" suggestions and the emitted members.
/// </summary>
internal static class SettingsSchema
{
    /// <summary>django-cors-headers 4.x <c>default_headers</c>, in emitted order.</summary>
    public static readonly ImmutableArray<string> DefaultHeaders = DjangoSettings.Shared.CorsHeadersDefaults.Headers;

    /// <summary>django-cors-headers <c>default_methods</c>, in emitted order.</summary>
    public static readonly ImmutableArray<string> DefaultMethods = DjangoSettings.Shared.CorsHeadersDefaults.Methods;

    /// <summary>The SIMPLE_JWT keys simplejwt removed, with what replaced them (they raise at import).</summary>
    public static readonly ImmutableDictionary<string, string> RemovedJwtKeys = new Dictionary<string, string>
    {
        ["AUTH_HEADER_TYPE"] = "AUTH_HEADER_TYPES",
        ["AUTH_TOKEN_CLASS"] = "AUTH_TOKEN_CLASSES",
        ["SECRET_KEY"] = "SIGNING_KEY",
        ["TOKEN_BACKEND_CLASS"] = "nothing (the token backend is built from ALGORITHM and the keys)",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>All definitions, CORS first, then SIMPLE_JWT, then Django.</summary>
    public static ImmutableArray<SettingDefinition> All { get; } = Build();

    /// <summary>Definitions by binding key (<c>CORS_ALLOWED_ORIGINS</c>, <c>SIMPLE_JWT.ALGORITHM</c>).</summary>
    public static ImmutableDictionary<string, SettingDefinition> ByKey { get; } = All.ToImmutableDictionary(d => d.Key, StringComparer.Ordinal);

    /// <summary>Names a settings file may use at module level for CORS (new names and legacy aliases).</summary>
    public static ImmutableArray<string> CorsNames { get; } = All
        .Where(d => d.Group == SettingGroup.Cors)
        .SelectMany(d => d.LegacyAlias is null ? new[] { d.DjangoName } : new[] { d.DjangoName, d.LegacyAlias })
        .ToImmutableArray();

    /// <summary>Keys SIMPLE_JWT may hold (current ones; removed ones are reported separately).</summary>
    public static ImmutableArray<string> JwtKeys { get; } = All.Where(d => d.Group == SettingGroup.SimpleJwt).Select(d => d.DjangoName).ToImmutableArray();

    private static SettingDefinition Cors(string name, string member, SettingKind kind, PyValue? def, string summary, string? alias = null, DjsDescriptor? typeError = null)
        => new(name, name, SettingGroup.Cors, member, kind, def, summary, alias, typeError);

    // simplejwt tests its flags with `if api_settings.ROTATE_REFRESH_TOKENS:`: any value is its truth value.
    private static SettingDefinition Jwt(string key, string member, SettingKind kind, PyValue? def, string summary)
        => new("SIMPLE_JWT." + key, key, SettingGroup.SimpleJwt, member, kind, def, summary, TruthValue: kind == Bool);

    private static SettingDefinition Django(string key, string member, SettingKind kind, PyValue? def, string summary, bool truthValue = false)
        => new(key, key.Substring(key.LastIndexOf('.') + 1), SettingGroup.Django, member, kind, def, summary, TruthValue: truthValue);

    private static PyTuple Strings(IEnumerable<string> items) => new(items.Select(s => (PyValue)new PyStr(s)).ToEquatableArray());

    private static PyTimeDelta Minutes(long m) => new(m * 60L * 1_000_000L);

    private static PyTimeDelta Days(long d) => new(d * 86_400L * 1_000_000L);

    private static ImmutableArray<SettingDefinition> Build()
    {
        var none = new PyNone();
        var f = new PyBool(false);
        var t = new PyBool(true);
        var d = DiagnosticDescriptors.CorsAllowHeadersType;
        var list = new List<SettingDefinition>
        {
            // django-cors-headers 4.x (spec/cors.md §1.2)
            Cors("CORS_ALLOWED_ORIGINS", "AllowedOrigins", StringSequence, Strings(Array.Empty<string>()), "Origins (scheme://host[:port]) allowed to make cross-site requests.", "CORS_ORIGIN_WHITELIST", DiagnosticDescriptors.CorsAllowedOriginsType),
            Cors("CORS_ALLOWED_ORIGIN_REGEXES", "AllowedOriginRegexes", RegexSequence, Strings(Array.Empty<string>()), "Regular expressions (Python syntax, re.match) that allowed origins match.", "CORS_ORIGIN_REGEX_WHITELIST", DiagnosticDescriptors.CorsAllowedOriginRegexesType),
            Cors("CORS_ALLOW_ALL_ORIGINS", "AllowAllOrigins", Bool, f, "Whether every origin is allowed.", "CORS_ORIGIN_ALLOW_ALL", DiagnosticDescriptors.CorsAllowAllOriginsType),
            Cors("CORS_URLS_REGEX", "UrlsRegex", Regex, new PyStr("^.*$"), "Regular expression (re.match) on the request path that enables CORS for a URL.", null, DiagnosticDescriptors.CorsUrlsRegexType),
            Cors("CORS_ALLOW_METHODS", "AllowMethods", StringSequence, Strings(DefaultMethods), "Methods sent in Access-Control-Allow-Methods.", null, DiagnosticDescriptors.CorsAllowMethodsType),
            Cors("CORS_ALLOW_HEADERS", "AllowHeaders", StringSequence, Strings(DefaultHeaders), "Request headers sent in Access-Control-Allow-Headers.", null, d),
            Cors("CORS_EXPOSE_HEADERS", "ExposeHeaders", StringSequence, Strings(Array.Empty<string>()), "Response headers sent in Access-Control-Expose-Headers.", null, DiagnosticDescriptors.CorsExposeHeadersType),
            Cors("CORS_PREFLIGHT_MAX_AGE", "PreflightMaxAge", NonNegativeInt, new PyInt(86400), "Seconds browsers may cache a preflight (Access-Control-Max-Age); 0 sends no header.", null, DiagnosticDescriptors.CorsPreflightMaxAgeType),
            Cors("CORS_ALLOW_CREDENTIALS", "AllowCredentials", Bool, f, "Whether Access-Control-Allow-Credentials: true is sent.", null, DiagnosticDescriptors.CorsAllowCredentialsType),
            Cors("CORS_ALLOW_PRIVATE_NETWORK", "AllowPrivateNetwork", Bool, f, "Whether Access-Control-Allow-Private-Network: true is sent when requested.", null, DiagnosticDescriptors.CorsAllowPrivateNetworkType),
            Cors("CORS_REPLACE_HTTPS_REFERER", "ReplaceHttpsReferer", Removed, null, "Removed in django-cors-headers 4.0."),
            Cors("CORS_MODEL", "Model", Removed, null, "Removed in django-cors-headers 3.0."),

            // djangorestframework-simplejwt 5.5 (spec/jwt.md §1)
            Jwt("ACCESS_TOKEN_LIFETIME", "AccessTokenLifetime", TimeDelta, Minutes(5), "Lifetime of access tokens."),
            Jwt("REFRESH_TOKEN_LIFETIME", "RefreshTokenLifetime", TimeDelta, Days(1), "Lifetime of refresh tokens."),
            Jwt("ROTATE_REFRESH_TOKENS", "RotateRefreshTokens", Bool, f, "Whether the refresh endpoint also returns a new refresh token."),
            Jwt("BLACKLIST_AFTER_ROTATION", "BlacklistAfterRotation", Bool, f, "Whether a rotated refresh token is blacklisted (and verify checks the blacklist)."),
            Jwt("UPDATE_LAST_LOGIN", "UpdateLastLogin", Bool, f, "Whether obtaining a token updates auth_user.last_login."),
            Jwt("ALGORITHM", "Algorithm", SettingKind.String, new PyStr("HS256"), "Signing algorithm."),
            Jwt("SIGNING_KEY", "SigningKey", SettingKind.String, null, "HMAC secret or PEM private key; defaults to SECRET_KEY."),
            Jwt("VERIFYING_KEY", "VerifyingKey", OptionalString, new PyStr(""), "PEM public key for RS/ES/PS algorithms."),
            Jwt("AUDIENCE", "Audience", OptionalStringOrSequence, none, "The aud claim written and required, or None."),
            Jwt("ISSUER", "Issuer", OptionalString, none, "The iss claim written and required, or None."),
            Jwt("JSON_ENCODER", "JsonEncoder", ImportPath, none, "Python JSON encoder class (only the default is supported)."),
            Jwt("JWK_URL", "JwkUrl", OptionalString, none, "JWKS URL for verification keys, or None."),
            Jwt("LEEWAY", "Leeway", Leeway, new PyInt(0), "Clock skew allowed on exp, nbf and iat."),
            Jwt("AUTH_HEADER_TYPES", "AuthHeaderTypes", StringOrSequence, Strings(new[] { "Bearer" }), "Accepted authorization scheme words (case-sensitive)."),
            Jwt("AUTH_HEADER_NAME", "AuthHeaderName", SettingKind.String, new PyStr("HTTP_AUTHORIZATION"), "Header read for the token, in Django META form."),
            Jwt("USER_ID_FIELD", "UserIdField", SettingKind.String, new PyStr("id"), "User field copied into tokens."),
            Jwt("USER_ID_CLAIM", "UserIdClaim", SettingKind.String, new PyStr("user_id"), "Claim carrying the user id."),
            Jwt("USER_AUTHENTICATION_RULE", "UserAuthenticationRule", ImportPath, new PyStr("rest_framework_simplejwt.authentication.default_user_authentication_rule"), "Python rule deciding who may log in."),
            Jwt("AUTH_TOKEN_CLASSES", "AuthTokenClasses", ImportPathSequence, Strings(new[] { "rest_framework_simplejwt.tokens.AccessToken" }), "Token classes accepted for authentication."),
            Jwt("TOKEN_TYPE_CLAIM", "TokenTypeClaim", OptionalString, new PyStr("token_type"), "Claim carrying the token type, or None."),
            Jwt("TOKEN_USER_CLASS", "TokenUserClass", ImportPath, new PyStr("rest_framework_simplejwt.models.TokenUser"), "Python stateless user class."),
            Jwt("JTI_CLAIM", "JtiClaim", OptionalString, new PyStr("jti"), "Claim carrying the token id, or None."),
            Jwt("SLIDING_TOKEN_REFRESH_EXP_CLAIM", "SlidingTokenRefreshExpClaim", SettingKind.String, new PyStr("refresh_exp"), "Claim holding a sliding token's refresh deadline."),
            Jwt("SLIDING_TOKEN_LIFETIME", "SlidingTokenLifetime", TimeDelta, Minutes(5), "Lifetime of sliding tokens."),
            Jwt("SLIDING_TOKEN_REFRESH_LIFETIME", "SlidingTokenRefreshLifetime", TimeDelta, Days(1), "How long a sliding token can be refreshed."),
            Jwt("TOKEN_OBTAIN_SERIALIZER", "TokenObtainSerializer", ImportPath, new PyStr("rest_framework_simplejwt.serializers.TokenObtainPairSerializer"), "Python serializer of the obtain-pair endpoint."),
            Jwt("TOKEN_REFRESH_SERIALIZER", "TokenRefreshSerializer", ImportPath, new PyStr("rest_framework_simplejwt.serializers.TokenRefreshSerializer"), "Python serializer of the refresh endpoint."),
            Jwt("TOKEN_VERIFY_SERIALIZER", "TokenVerifySerializer", ImportPath, new PyStr("rest_framework_simplejwt.serializers.TokenVerifySerializer"), "Python serializer of the verify endpoint."),
            Jwt("TOKEN_BLACKLIST_SERIALIZER", "TokenBlacklistSerializer", ImportPath, new PyStr("rest_framework_simplejwt.serializers.TokenBlacklistSerializer"), "Python serializer of the blacklist endpoint."),
            Jwt("SLIDING_TOKEN_OBTAIN_SERIALIZER", "SlidingTokenObtainSerializer", ImportPath, new PyStr("rest_framework_simplejwt.serializers.TokenObtainSlidingSerializer"), "Python serializer of the sliding obtain endpoint."),
            Jwt("SLIDING_TOKEN_REFRESH_SERIALIZER", "SlidingTokenRefreshSerializer", ImportPath, new PyStr("rest_framework_simplejwt.serializers.TokenRefreshSlidingSerializer"), "Python serializer of the sliding refresh endpoint."),
            Jwt("CHECK_REVOKE_TOKEN", "CheckRevokeToken", Bool, f, "Whether tokens carry a hash of the password and die when it changes."),
            Jwt("REVOKE_TOKEN_CLAIM", "RevokeTokenClaim", SettingKind.String, new PyStr("hash_password"), "Claim name for CHECK_REVOKE_TOKEN."),
            Jwt("CHECK_USER_IS_ACTIVE", "CheckUserIsActive", Bool, t, "Whether inactive users are refused."),

            // Django core settings the runtime reads.
            Django("SECRET_KEY", "SecretKey", OptionalString, null, "Django's secret key; the default SIMPLE_JWT signing key."),
            Django("DEBUG", "Debug", Bool, f, "Django's debug flag.", truthValue: true),
            Django("MIDDLEWARE", "Middleware", LooseStringSequence, null, "Django's middleware list (read to check CorsMiddleware's position)."),
            Django("INSTALLED_APPS", "InstalledApps", LooseStringSequence, null, "Django's installed apps (the blacklist app switches the token blacklist on)."),
            Django("AUTH_USER_MODEL", "AuthUserModel", SettingKind.String, new PyStr("auth.User"), "The user model, 'app_label.ModelName' (read from the Django project's models)."),
            Django("PASSWORD_HASHERS", "PasswordHashers", ImportPathSequence, null, "Django's password hashers, preferred first; null: Django's default list."),
            Django("DEFAULT_AUTO_FIELD", "DefaultAutoField", SettingKind.String, new PyStr("django.db.models.AutoField"), "The primary key type of models that declare none."),
            Django("DATABASES.default.ENGINE", "DatabaseEngine", OptionalString, null, "DATABASES['default']['ENGINE']."),
            Django("DATABASES.default.NAME", "DatabaseName", OptionalString, null, "DATABASES['default']['NAME'] (file path for SQLite)."),
            Django("DATABASES.default.USER", "DatabaseUser", OptionalString, null, "DATABASES['default']['USER']."),
            Django("DATABASES.default.PASSWORD", "DatabasePassword", OptionalString, null, "DATABASES['default']['PASSWORD']."),
            Django("DATABASES.default.HOST", "DatabaseHost", OptionalString, null, "DATABASES['default']['HOST']."),
            Django("DATABASES.default.PORT", "DatabasePort", OptionalString, null, "DATABASES['default']['PORT']."),
        };
        return list.ToImmutableArray();
    }
}
