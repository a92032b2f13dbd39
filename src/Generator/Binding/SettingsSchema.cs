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
/// (spec/jwt.md §1), every REST_FRAMEWORK key of DRF 3.14 with DRF's default (the defaults are
/// compared with <see cref="DjangoReference"/>, read from the installed DRF, by a test), and the
/// Django core settings the runtime reads (spec/django-http.md for the request-handling ones).
/// One table drives binding,
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

    /// <summary>
    /// The settings that shape Django's request handling (<c>app.UseDjangoMiddleware()</c>), by binding
    /// key: what the generated wiring and the runtime's loader hand <c>DjangoHttpSettingsFactory</c>.
    /// </summary>
    public static readonly ImmutableArray<string> HttpKeys = ImmutableArray.Create(
        "MIDDLEWARE", "DEBUG", "ALLOWED_HOSTS", "USE_X_FORWARDED_HOST", "USE_X_FORWARDED_PORT", "APPEND_SLASH", "PREPEND_WWW",
        "DISALLOWED_USER_AGENTS", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY", "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_SSL_REDIRECT", "SECURE_SSL_HOST",
        "SECURE_REDIRECT_EXEMPT", "SECURE_PROXY_SSL_HEADER", "SECURE_BROWSER_XSS_FILTER", "X_FRAME_OPTIONS",
        "DATA_UPLOAD_MAX_MEMORY_SIZE", "DATA_UPLOAD_MAX_NUMBER_FIELDS");

    /// <summary>All definitions, CORS first, then SIMPLE_JWT, then REST_FRAMEWORK, then Django.</summary>
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

    /// <summary>Keys REST_FRAMEWORK may hold (DRF's DEFAULTS; removed ones are reported separately).</summary>
    public static ImmutableArray<string> RestFrameworkKeys { get; } = All.Where(d => d.Group == SettingGroup.RestFramework).Select(d => d.DjangoName).ToImmutableArray();

    private static SettingDefinition Cors(string name, string member, SettingKind kind, PyValue? def, string summary, string? alias = null, DjsDescriptor? typeError = null)
        => new(name, name, SettingGroup.Cors, member, kind, def, summary, alias, typeError);

    // simplejwt tests its flags with `if api_settings.ROTATE_REFRESH_TOKENS:`: any value is its truth value.
    private static SettingDefinition Jwt(string key, string member, SettingKind kind, PyValue? def, string summary)
        => new("SIMPLE_JWT." + key, key, SettingGroup.SimpleJwt, member, kind, def, summary, TruthValue: kind == Bool);

    // DRF tests its flags by truth value too (`ensure_ascii = not api_settings.UNICODE_JSON`).
    private static SettingDefinition Drf(string key, string member, SettingKind kind, PyValue def, string summary)
        => new("REST_FRAMEWORK." + key, key, SettingGroup.RestFramework, member, kind, def, summary, TruthValue: kind == Bool);

    private static PyList List(IEnumerable<string> items) => new(items.Select(s => (PyValue)new PyStr(s)).ToEquatableArray());

    private static PyDict Map(params (string Key, string? Value)[] entries)
        => new(entries.Select(e => new PyDictEntry(new PyStr(e.Key), e.Value is null ? new PyNone() : new PyStr(e.Value))).ToEquatableArray());

    private static SettingDefinition Django(string key, string member, SettingKind kind, PyValue? def, string summary, bool truthValue = false)
        => new(key, key.Substring(key.LastIndexOf('.') + 1), SettingGroup.Django, member, kind, def, summary, TruthValue: truthValue);

    // CACHES['default'] keys, with Django's defaults (BaseCache and CacheHandler).
    private static SettingDefinition Cache(string key, string member, SettingKind kind, PyValue? def, string summary)
        => new("CACHES.default." + key, key, SettingGroup.Caches, member, kind, def, summary);

    private static PyTuple Strings(IEnumerable<string> items) => new(items.Select(s => (PyValue)new PyStr(s)).ToEquatableArray());

    private static PyList EmptyList() => new(EquatableArray<PyValue>.Empty);

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

            // Django REST framework 3.14: rest_framework.settings.DEFAULTS, in DRF's order.
            Drf("DEFAULT_RENDERER_CLASSES", "DefaultRendererClasses", ImportPathSequence, List(DjangoReference.DefaultRendererClasses), "Renderers of DRF views, in negotiation order."),
            Drf("DEFAULT_PARSER_CLASSES", "DefaultParserClasses", ImportPathSequence, List(DjangoReference.DefaultParserClasses), "Parsers of DRF views' request bodies."),
            Drf("DEFAULT_AUTHENTICATION_CLASSES", "DefaultAuthenticationClasses", ImportPathSequence, List(DjangoReference.DefaultAuthenticationClasses), "Authentication classes, tried in order; the first decides 401 (WWW-Authenticate) or 403."),
            Drf("DEFAULT_PERMISSION_CLASSES", "DefaultPermissionClasses", ImportPathSequence, List(DjangoReference.DefaultPermissionClasses), "Permission classes every DRF view checks unless it names its own."),
            Drf("DEFAULT_THROTTLE_CLASSES", "DefaultThrottleClasses", ImportPathSequence, List(DjangoReference.DefaultThrottleClasses), "Throttle classes every DRF view checks unless it names its own."),
            Drf("DEFAULT_CONTENT_NEGOTIATION_CLASS", "DefaultContentNegotiationClass", ImportPath, new PyStr("rest_framework.negotiation.DefaultContentNegotiation"), "Content negotiation class."),
            Drf("DEFAULT_METADATA_CLASS", "DefaultMetadataClass", ImportPath, new PyStr("rest_framework.metadata.SimpleMetadata"), "Class answering OPTIONS."),
            Drf("DEFAULT_VERSIONING_CLASS", "DefaultVersioningClass", ImportPath, none, "API versioning scheme, or None."),
            Drf("DEFAULT_PAGINATION_CLASS", "DefaultPaginationClass", ImportPath, none, "Pagination class of list views, or None."),
            Drf("DEFAULT_FILTER_BACKENDS", "DefaultFilterBackends", ImportPathSequence, List(Array.Empty<string>()), "Filter backends of generic views."),
            Drf("DEFAULT_SCHEMA_CLASS", "DefaultSchemaClass", ImportPath, new PyStr("rest_framework.schemas.openapi.AutoSchema"), "Schema inspector of views."),
            Drf("DEFAULT_THROTTLE_RATES", "DefaultThrottleRates", StringMap, Map(("user", null), ("anon", null)), "Throttle scope to rate ('100/day'); None switches a scope off."),
            Drf("NUM_PROXIES", "NumProxies", OptionalInt, none, "Application proxies in front of the server (X-Forwarded-For), or None."),
            Drf("PAGE_SIZE", "PageSize", OptionalInt, none, "Default page size of the pagination classes, or None."),
            Drf("SEARCH_PARAM", "SearchParam", SettingKind.String, new PyStr("search"), "Query parameter of SearchFilter."),
            Drf("ORDERING_PARAM", "OrderingParam", SettingKind.String, new PyStr("ordering"), "Query parameter of OrderingFilter."),
            Drf("DEFAULT_VERSION", "DefaultVersion", OptionalString, none, "Version when none is given, or None."),
            Drf("ALLOWED_VERSIONS", "AllowedVersions", OptionalStringOrSequence, none, "Versions accepted, or None for any."),
            Drf("VERSION_PARAM", "VersionParam", SettingKind.String, new PyStr("version"), "Query or media type parameter carrying the version."),
            Drf("UNAUTHENTICATED_USER", "UnauthenticatedUser", ImportPath, new PyStr("django.contrib.auth.models.AnonymousUser"), "request.user of unauthenticated requests, or None."),
            Drf("UNAUTHENTICATED_TOKEN", "UnauthenticatedToken", ImportPath, none, "request.auth of unauthenticated requests, or None."),
            Drf("VIEW_NAME_FUNCTION", "ViewNameFunction", ImportPath, new PyStr("rest_framework.views.get_view_name"), "Function naming views (OPTIONS 'name')."),
            Drf("VIEW_DESCRIPTION_FUNCTION", "ViewDescriptionFunction", ImportPath, new PyStr("rest_framework.views.get_view_description"), "Function describing views (OPTIONS 'description')."),
            Drf("EXCEPTION_HANDLER", "ExceptionHandler", ImportPath, new PyStr("rest_framework.views.exception_handler"), "Function turning exceptions into responses."),
            Drf("NON_FIELD_ERRORS_KEY", "NonFieldErrorsKey", SettingKind.String, new PyStr("non_field_errors"), "Key of serializer errors not tied to a field."),
            Drf("TEST_REQUEST_RENDERER_CLASSES", "TestRequestRendererClasses", ImportPathSequence, List(new[] { "rest_framework.renderers.MultiPartRenderer", "rest_framework.renderers.JSONRenderer" }), "Renderers of DRF's test client."),
            Drf("TEST_REQUEST_DEFAULT_FORMAT", "TestRequestDefaultFormat", SettingKind.String, new PyStr("multipart"), "Default format of DRF's test client."),
            Drf("URL_FORMAT_OVERRIDE", "UrlFormatOverride", OptionalString, new PyStr("format"), "Query parameter that picks a renderer (?format=json), or None."),
            Drf("FORMAT_SUFFIX_KWARG", "FormatSuffixKwarg", SettingKind.String, new PyStr("format"), "URL keyword of format suffix patterns."),
            Drf("URL_FIELD_NAME", "UrlFieldName", SettingKind.String, new PyStr("url"), "Field name of hyperlinked serializers' own URL."),
            Drf("DATE_FORMAT", "DateFormat", OptionalString, new PyStr("iso-8601"), "Output format of serializer DateFields."),
            Drf("DATE_INPUT_FORMATS", "DateInputFormats", StringSequence, List(new[] { "iso-8601" }), "Input formats of serializer DateFields."),
            Drf("DATETIME_FORMAT", "DatetimeFormat", OptionalString, new PyStr("iso-8601"), "Output format of serializer DateTimeFields."),
            Drf("DATETIME_INPUT_FORMATS", "DatetimeInputFormats", StringSequence, List(new[] { "iso-8601" }), "Input formats of serializer DateTimeFields."),
            Drf("TIME_FORMAT", "TimeFormat", OptionalString, new PyStr("iso-8601"), "Output format of serializer TimeFields."),
            Drf("TIME_INPUT_FORMATS", "TimeInputFormats", StringSequence, List(new[] { "iso-8601" }), "Input formats of serializer TimeFields."),
            Drf("UNICODE_JSON", "UnicodeJson", Bool, t, "Whether JSON output keeps non-ASCII characters (else \\uXXXX escapes)."),
            Drf("COMPACT_JSON", "CompactJson", Bool, t, "Whether JSON output has no spaces after separators."),
            Drf("STRICT_JSON", "StrictJson", Bool, t, "Whether NaN and Infinity are refused in JSON."),
            Drf("COERCE_DECIMAL_TO_STRING", "CoerceDecimalToString", Bool, t, "Whether serializer DecimalFields render as strings."),
            Drf("UPLOADED_FILES_USE_URL", "UploadedFilesUseUrl", Bool, t, "Whether serializer FileFields render URLs (else names)."),
            Drf("HTML_SELECT_CUTOFF", "HtmlSelectCutoff", NonNegativeInt, new PyInt(1000), "Browsable API: most options shown in a select."),
            Drf("HTML_SELECT_CUTOFF_TEXT", "HtmlSelectCutoffText", SettingKind.String, new PyStr("More than {count} items..."), "Browsable API: text shown past the cutoff."),
            Drf("SCHEMA_COERCE_PATH_PK", "SchemaCoercePathPk", Bool, t, "Schemas: whether a 'pk' path parameter is named after the model field."),
            Drf("SCHEMA_COERCE_METHOD_NAMES", "SchemaCoerceMethodNames", StringMap, Map(("retrieve", "read"), ("destroy", "delete")), "Schemas: view action names renamed in operation ids."),

            // Django core settings the runtime reads.
            Django("SECRET_KEY", "SecretKey", OptionalString, null, "Django's secret key; the default SIMPLE_JWT signing key."),
            Django("DEBUG", "Debug", Bool, f, "Django's debug flag.", truthValue: true),
            Django("MIDDLEWARE", "Middleware", LooseStringSequence, null, "Django's middleware list, composed in order by app.UseDjangoMiddleware() (unset: Django 3.2's startproject list)."),
            Django("INSTALLED_APPS", "InstalledApps", LooseStringSequence, null, "Django's installed apps (the blacklist app switches the token blacklist on)."),
            Django("LANGUAGE_CODE", "LanguageCode", SettingKind.String, new PyStr("en-us"), "The project's language (DRF's and simplejwt's messages are sent in it)."),
            Django("USE_I18N", "UseI18n", Bool, t, "Whether Django translates at all.", truthValue: true),
            Django("LANGUAGES", "Languages", LanguageSequence, null, "The codes of LANGUAGES (names dropped), or null for Django's default list."),
            Django("LANGUAGE_COOKIE_NAME", "LanguageCookieName", SettingKind.String, new PyStr("django_language"), "The cookie LocaleMiddleware reads the chosen language from."),
            // Django's request handling (spec/django-http.md §2-§6): SecurityMiddleware, CommonMiddleware,
            // XFrameOptionsMiddleware, CSRF and body limits, with Django 3.2's global_settings defaults.
            Django("ALLOWED_HOSTS", "AllowedHosts", StringSequence, EmptyList(), "Host names this site serves ('*', 'example.com', '.example.com'); CommonMiddleware answers 400 to others."),
            Django("USE_X_FORWARDED_HOST", "UseXForwardedHost", Bool, f, "Whether the whole X-Forwarded-Host header replaces Host."),
            Django("USE_X_FORWARDED_PORT", "UseXForwardedPort", Bool, f, "Whether X-Forwarded-Port is used when the request has no host at all."),
            Django("APPEND_SLASH", "AppendSlash", Bool, t, "Whether CommonMiddleware redirects /x to /x/ when only the latter resolves."),
            Django("PREPEND_WWW", "PrependWww", Bool, f, "Whether CommonMiddleware redirects to www. + host."),
            Django("DISALLOWED_USER_AGENTS", "DisallowedUserAgents", RegexSequence, EmptyList(), "Compiled regular expressions (re.search) for User-Agent values CommonMiddleware answers 403."),
            Django("SECURE_CONTENT_TYPE_NOSNIFF", "SecureContentTypeNosniff", Bool, t, "Whether SecurityMiddleware sends X-Content-Type-Options: nosniff."),
            Django("SECURE_REFERRER_POLICY", "SecureReferrerPolicy", ReferrerPolicy, new PyStr("same-origin"), "The Referrer-Policy header value SecurityMiddleware sends (None: no header)."),
            Django("SECURE_CROSS_ORIGIN_OPENER_POLICY", "SecureCrossOriginOpenerPolicy", OptionalString, none, "The Cross-Origin-Opener-Policy header value (Django 4.0+, where it defaults to 'same-origin'; None: no header, as in 3.2)."),
            Django("SECURE_HSTS_SECONDS", "SecureHstsSeconds", NonNegativeInt, new PyInt(0), "max-age of Strict-Transport-Security on secure requests (0: no header)."),
            Django("SECURE_HSTS_INCLUDE_SUBDOMAINS", "SecureHstsIncludeSubdomains", Bool, f, "Whether Strict-Transport-Security carries includeSubDomains."),
            Django("SECURE_HSTS_PRELOAD", "SecureHstsPreload", Bool, f, "Whether Strict-Transport-Security carries preload."),
            Django("SECURE_SSL_REDIRECT", "SecureSslRedirect", Bool, f, "Whether SecurityMiddleware redirects http requests to https (301)."),
            Django("SECURE_SSL_HOST", "SecureSslHost", OptionalString, none, "The host of the https redirect (None: the request's host, validated)."),
            Django("SECURE_REDIRECT_EXEMPT", "SecureRedirectExempt", RegexSequence, EmptyList(), "Regular expressions (re.search on the path without its leading slash) exempt from the https redirect."),
            Django("SECURE_PROXY_SSL_HEADER", "SecureProxySslHeader", OptionalStringPair, none, "(META key, value) marking a request secure, for example ('HTTP_X_FORWARDED_PROTO', 'https')."),
            Django("SECURE_BROWSER_XSS_FILTER", "SecureBrowserXssFilter", Bool, f, "Whether SecurityMiddleware sends X-XSS-Protection: 1; mode=block (Django 3.2 only)."),
            Django("X_FRAME_OPTIONS", "XFrameOptions", SettingKind.String, new PyStr("DENY"), "The X-Frame-Options value XFrameOptionsMiddleware sends (upper-cased)."),
            Django("CSRF_TRUSTED_ORIGINS", "CsrfTrustedOrigins", StringSequence, EmptyList(), "Origins trusted for unsafe requests (Django 4.0+: with scheme, https://example.com)."),
            Django("CSRF_COOKIE_SECURE", "CsrfCookieSecure", Bool, f, "Whether the CSRF cookie is sent over https only."),
            Django("CSRF_USE_SESSIONS", "CsrfUseSessions", Bool, f, "Whether the CSRF token lives in the session instead of a cookie."),
            Django("SESSION_COOKIE_SECURE", "SessionCookieSecure", Bool, f, "Whether the session cookie is sent over https only."),
            Django("SESSION_COOKIE_HTTPONLY", "SessionCookieHttpOnly", Bool, t, "Whether the session cookie is hidden from JavaScript."),
            Django("DATA_UPLOAD_MAX_MEMORY_SIZE", "DataUploadMaxMemorySize", OptionalNonNegativeInt, new PyInt(2621440), "Largest body (bytes, by Content-Length) request.body and request.POST read (None: no limit)."),
            Django("SILENCED_SYSTEM_CHECKS", "SilencedSystemChecks", StringSequence, EmptyList(), "Django check ids to silence (security.W004...); silences the DJS04NN/DJS07NN diagnostics that carry them."),
            Django("DATA_UPLOAD_MAX_NUMBER_FIELDS", "DataUploadMaxNumberFields", OptionalNonNegativeInt, new PyInt(1000), "Most query-string or form fields a request may have (None: no limit)."),
            Django("AUTH_USER_MODEL", "AuthUserModel", SettingKind.String, new PyStr("auth.User"), "The user model, 'app_label.ModelName' (read from the Django project's models)."),
            Django("PASSWORD_HASHERS", "PasswordHashers", ImportPathSequence, null, "Django's password hashers, preferred first; null: Django's default list."),
            Django("DEFAULT_AUTO_FIELD", "DefaultAutoField", SettingKind.String, new PyStr("django.db.models.AutoField"), "The primary key type of models that declare none."),
            Django("DATABASES.default.ENGINE", "DatabaseEngine", OptionalString, null, "DATABASES['default']['ENGINE']."),
            Django("DATABASES.default.NAME", "DatabaseName", OptionalString, null, "DATABASES['default']['NAME'] (file path for SQLite)."),
            Django("DATABASES.default.USER", "DatabaseUser", OptionalString, null, "DATABASES['default']['USER']."),
            Django("DATABASES.default.PASSWORD", "DatabasePassword", OptionalString, null, "DATABASES['default']['PASSWORD']."),
            Django("DATABASES.default.HOST", "DatabaseHost", OptionalString, null, "DATABASES['default']['HOST']."),
            Django("DATABASES.default.PORT", "DatabasePort", OptionalString, null, "DATABASES['default']['PORT']."),

            // Django's cache (CACHES['default']): where DRF's throttles keep their histories.
            Cache("BACKEND", "Backend", SettingKind.String, new PyStr(CacheBackends.LocMem), "The cache backend's dotted path (Django's default: LocMemCache, one cache per process)."),
            Cache("LOCATION", "Location", StringOrSequence, Strings(Array.Empty<string>()), "A name for LocMemCache, one or more redis:// URLs for Redis (a str is one location; Redis splits it at commas)."),
            Cache("KEY_PREFIX", "KeyPrefix", SettingKind.String, new PyStr(""), "The first part of every key (KEY_PREFIX:VERSION:key)."),
            Cache("VERSION", "Version", NonNegativeInt, new PyInt(1), "The second part of every key (KEY_PREFIX:VERSION:key)."),
            Cache("TIMEOUT", "Timeout", OptionalNonNegativeInt, new PyInt(300), "The default lifetime of entries in seconds (None: forever); DRF's throttles set their own."),
            Cache("KEY_FUNCTION", "KeyFunction", OptionalString, none, "A dotted path to a Python key function, or None for Django's KEY_PREFIX:VERSION:key."),
            Cache("OPTIONS", "Options", StringMap, new PyDict(EquatableArray<PyDictEntry>.Empty), "The backend's options, values as text (MAX_ENTRIES, CULL_FREQUENCY; django-redis CLIENT_CLASS, PASSWORD, DB, SOCKET_TIMEOUT...)."),
        };
        return list.ToImmutableArray();
    }
}
