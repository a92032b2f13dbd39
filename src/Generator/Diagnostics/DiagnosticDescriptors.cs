namespace DjangoSettings.Generator.Diagnostics;

/// <summary>
/// The one catalogue of every diagnostic the settings compiler reports. Ids are stable: never
/// renumber or reuse one. Each id has a help page at <c>docs/diagnostics/DJSnnnn.md</c> and a row
/// in <c>AnalyzerReleases.Unshipped.md</c>.
/// Ranges: DJS0001-0099 syntax and evaluation, DJS0100-0199 settings schema (binding),
/// DJS0200-0299 CORS checks, DJS0300-0399 SIMPLE_JWT checks, DJS0400-0499 other Django settings,
/// DJS0500-0599 the user model, PASSWORD_HASHERS and reading the Django project's source,
/// DJS0600-0699 REST_FRAMEWORK, caches and languages, DJS0700-0799 Django's deploy checks
/// (DJS07NN is Django's security.W0NN), DJS0800-0899 the project and the generated API,
/// DJS0900-0999 internal.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Base of the help links; the id and <c>.md</c> are appended.</summary>
    public const string HelpLinkBase = "https://github.com/djangosettings/djangosettings/blob/main/docs/diagnostics/";

    private const string Syntax = "Syntax";
    private const string Evaluation = "Evaluation";
    private const string Settings = "Settings";
    private const string Cors = "Cors";
    private const string Jwt = "Jwt";
    private const string Http = "Http";
    private const string Deploy = "Deploy";
    private const string RestFramework = "RestFramework";
    private const string Project = "Project";
    private const string Users = "Users";
    private const string Language = "Language";
    private const string Internal = "Internal";

    // ----- DJS0001-0099: syntax and evaluation -----------------------------------------------

    /// <summary>Python cannot parse this statement (a SyntaxError); the statement is skipped.</summary>
    public static readonly DjsDescriptor InvalidSyntax = new(
        "DJS0001", "Invalid syntax",
        "{0}", Syntax, SettingsSeverity.Error);

    /// <summary>Indentation does not match the block structure (an IndentationError).</summary>
    public static readonly DjsDescriptor InvalidIndentation = new(
        "DJS0002", "Invalid indentation",
        "{0}", Syntax, SettingsSeverity.Error);

    /// <summary>A string literal has no closing quote.</summary>
    public static readonly DjsDescriptor UnterminatedString = new(
        "DJS0003", "Unterminated string literal",
        "unterminated string literal (the closing {0} is missing)", Syntax, SettingsSeverity.Error);

    /// <summary>An opening bracket has no matching closing bracket.</summary>
    public static readonly DjsDescriptor UnclosedBracket = new(
        "DJS0004", "Bracket never closed",
        "'{0}' was never closed", Syntax, SettingsSeverity.Error);

    /// <summary>An expression or block is nested deeper than the settings compiler supports.</summary>
    public static readonly DjsDescriptor NestingTooDeep = new(
        "DJS0005", "Nesting too deep",
        "expression or block nested more than {0} levels deep; the statement is skipped", Syntax, SettingsSeverity.Error);

    /// <summary>A malformed \x, \u, \U or \N escape in a string literal.</summary>
    public static readonly DjsDescriptor InvalidEscapeSequence = new(
        "DJS0006", "Invalid escape sequence",
        "invalid escape sequence {0}: {1}", Syntax, SettingsSeverity.Error);

    /// <summary>A \N{...} escape names a character outside the small table the compiler knows.</summary>
    public static readonly DjsDescriptor UnsupportedUnicodeName = new(
        "DJS0007", "Unicode character name not supported",
        "\\N{{{0}}}: this character name is not known to the settings compiler; the escape is kept as written", Syntax, SettingsSeverity.Warning);

    /// <summary>A malformed number literal.</summary>
    public static readonly DjsDescriptor InvalidNumber = new(
        "DJS0008", "Invalid number literal",
        "invalid number literal '{0}': {1}", Syntax, SettingsSeverity.Error);

    /// <summary>A character that cannot start any Python token.</summary>
    public static readonly DjsDescriptor InvalidCharacter = new(
        "DJS0009", "Invalid character",
        "invalid character {0} in the source", Syntax, SettingsSeverity.Error);

    /// <summary>A name is read before any assignment or import binds it (a NameError in Python).</summary>
    public static readonly DjsDescriptor NameNotDefined = new(
        "DJS0010", "Name is not defined",
        "name '{0}' is not defined{1}", Evaluation, SettingsSeverity.Warning);

    /// <summary>Python would raise an exception evaluating this expression (TypeError, ValueError, KeyError, AttributeError...).</summary>
    public static readonly DjsDescriptor EvaluationError = new(
        "DJS0011", "Expression fails in Python",
        "{0}", Evaluation, SettingsSeverity.Warning);

    /// <summary>An integer result exceeds the 64-bit range the compiler evaluates.</summary>
    public static readonly DjsDescriptor IntegerOverflow = new(
        "DJS0012", "Integer too large",
        "integer value {0} does not fit in 64 bits; the value is not evaluated", Evaluation, SettingsSeverity.Warning);

    /// <summary>A string, list or range would be larger than the compiler's cap.</summary>
    public static readonly DjsDescriptor ValueTooLarge = new(
        "DJS0013", "Value too large",
        "{0} would be larger than {1}; the value is not evaluated", Evaluation, SettingsSeverity.Warning);

    /// <summary>An environment read without a default found no value at startup (Django raises KeyError or ImproperlyConfigured).</summary>
    public static readonly DjsDescriptor MissingEnvironmentVariable = new(
        "DJS0014", "Required environment variable missing",
        "environment variable '{0}' is not set and {1} has no default", Evaluation, SettingsSeverity.Error);

    /// <summary>A file read by the settings (open(...).read(), Path.read_text()) was not found at startup.</summary>
    public static readonly DjsDescriptor FileNotReadable = new(
        "DJS0015", "File cannot be read",
        "file '{0}' read by {1} does not exist or cannot be read", Evaluation, SettingsSeverity.Error);

    /// <summary>An import of a module the compiler does not model.</summary>
    public static readonly DjsDescriptor UnknownImport = new(
        "DJS0016", "Import not evaluated",
        "'{0}' is not known to the settings compiler; names imported from it are unknown", Evaluation, SettingsSeverity.Info);

    /// <summary>A star import of a settings module that is not part of the compilation.</summary>
    public static readonly DjsDescriptor UnresolvedStarImport = new(
        "DJS0017", "Star import not resolved",
        "'from {0} import *': that module was not given to the settings compiler; names it defines are unknown", Evaluation, SettingsSeverity.Info);

    /// <summary>A construct the settings compiler skips (def, class, try, while, with...).</summary>
    public static readonly DjsDescriptor SkippedStatement = new(
        "DJS0018", "Statement not evaluated",
        "{0} is not evaluated; names it assigns are unknown", Evaluation, SettingsSeverity.Info);

    /// <summary>A call of a function the compiler does not model.</summary>
    public static readonly DjsDescriptor CallNotEvaluated = new(
        "DJS0019", "Call not evaluated",
        "call to '{0}' is not evaluated; its result is unknown", Evaluation, SettingsSeverity.Info);

    /// <summary>A for loop ran longer than the compiler's iteration cap.</summary>
    public static readonly DjsDescriptor LoopLimitReached = new(
        "DJS0020", "Loop limit reached",
        "loop stopped after {0} iterations; names it assigns are unknown", Evaluation, SettingsSeverity.Warning);

    /// <summary>Settings modules import each other in a cycle.</summary>
    public static readonly DjsDescriptor ImportCycle = new(
        "DJS0021", "Import cycle",
        "'{0}' imports itself through {1}; the nested import is ignored", Evaluation, SettingsSeverity.Warning);

    /// <summary>Python supports the operation but the settings compiler does not model it (a limit of the compiler, not a mistake in the file).</summary>
    public static readonly DjsDescriptor OperationNotEvaluated = new(
        "DJS0022", "Operation not evaluated",
        "{0} is not evaluated: {1}", Evaluation, SettingsSeverity.Info);

    // ----- DJS0100-0199: settings schema (binding) --------------------------------------------

    /// <summary>A setting holds a value of the wrong type.</summary>
    public static readonly DjsDescriptor WrongSettingType = new(
        "DJS0100", "Setting has the wrong type",
        "{0}: expected {1}, found {2}{3}", Settings, SettingsSeverity.Error);

    /// <summary>An unknown name that starts with CORS_.</summary>
    public static readonly DjsDescriptor UnknownCorsSetting = new(
        "DJS0101", "Unknown CORS setting",
        "'{0}' is not a django-cors-headers setting and is ignored{1}", Settings, SettingsSeverity.Warning);

    /// <summary>An unknown key inside SIMPLE_JWT.</summary>
    public static readonly DjsDescriptor UnknownJwtKey = new(
        "DJS0102", "Unknown SIMPLE_JWT key",
        "'{0}' is not a SIMPLE_JWT setting and is ignored{1}", Settings, SettingsSeverity.Warning);

    /// <summary><c>NAME: value</c> written where <c>NAME = value</c> was meant.</summary>
    public static readonly DjsDescriptor AnnotationInsteadOfAssignment = new(
        "DJS0103", "Annotation instead of assignment",
        "'{0}: ...' is an annotation, not an assignment: {0} keeps its default; write '{0} = ...'", Settings, SettingsSeverity.Error);

    /// <summary>A setting's value depends on something the compiler cannot evaluate.</summary>
    public static readonly DjsDescriptor SettingNotEvaluable = new(
        "DJS0105", "Setting cannot be evaluated",
        "{0} cannot be evaluated: {1}", Settings, SettingsSeverity.Error);

    /// <summary>A legacy name and its new name are both set; the new one wins.</summary>
    public static readonly DjsDescriptor LegacyAndNewNameBothSet = new(
        "DJS0106", "Legacy and new setting names both set",
        "{0} is ignored because {1} is also set (the new name wins, even when empty)", Settings, SettingsSeverity.Warning);

    /// <summary>A deprecated setting name.</summary>
    public static readonly DjsDescriptor DeprecatedSettingName = new(
        "DJS0107", "Deprecated setting name",
        "{0} is a deprecated name; use {1}", Settings, SettingsSeverity.Info);

    /// <summary>SIMPLE_JWT is not a dict.</summary>
    public static readonly DjsDescriptor SimpleJwtNotDict = new(
        "DJS0108", "SIMPLE_JWT is not a dict",
        "SIMPLE_JWT: expected a dict of settings, found {0}", Settings, SettingsSeverity.Error);

    /// <summary>A SIMPLE_JWT key is not a string.</summary>
    public static readonly DjsDescriptor JwtKeyNotString = new(
        "DJS0109", "SIMPLE_JWT key is not a string",
        "SIMPLE_JWT keys must be strings, found {0}", Settings, SettingsSeverity.Error);

    /// <summary>A setting whose value is skipped because the statement defining it could not be evaluated.</summary>
    public static readonly DjsDescriptor SettingFromSkippedCode = new(
        "DJS0110", "Setting defined in code that was skipped",
        "{0} is assigned inside code that the settings compiler skips ({1}); the assignment is ignored", Settings, SettingsSeverity.Warning);

    /// <summary>A setting that depends on names from a settings module that was not given to the compiler.</summary>
    public static readonly DjsDescriptor DependsOnMissingModule = new(
        "DJS0111", "Setting depends on a settings module that was not given",
        "{0} depends on the settings module '{1}', which is not among the files given to the compiler ({2}); add that file beside this one (as an AdditionalFiles item, or a sibling .py of DjangoSettingsFile) so its values are known", Settings, SettingsSeverity.Warning);

    /// <summary>A setting the application needs whose value cannot be known; the port goes on with a stated assumption.</summary>
    public static readonly DjsDescriptor SettingAssumed = new(
        "DJS0112", "Setting cannot be known; the port assumes a value",
        "{0} cannot be known at build time ({1}); {2}", Settings, SettingsSeverity.Warning);

    /// <summary>A str where Django reads a truth value: any non-empty string is true.</summary>
    public static readonly DjsDescriptor StringAsTruthValue = new(
        "DJS0113", "String used as a truth value",
        "{0} is the string {1}, which Python (and so Django) treats as {2}; write True or False, or compare the text (== \"True\")", Settings, SettingsSeverity.Warning);

    /// <summary>SIMPLE_JWT keys simplejwt does not read and no known key resembles: one grouped warning.</summary>
    public static readonly DjsDescriptor JwtKeysNotRead = new(
        "DJS0114", "SIMPLE_JWT keys simplejwt does not read",
        "SIMPLE_JWT holds {0} that simplejwt does not read ({1}); they are ignored, as in Django: code of the project that reads them is ported separately", Settings, SettingsSeverity.Warning);

    /// <summary>A one-character str where a list of strings was meant: Django iterates it, which gives the same one-element list.</summary>
    public static readonly DjsDescriptor SingleCharacterString = new(
        "DJS0115", "One-character string where a list was meant",
        "{0} is the string {1}; Django iterates it character by character, which gives [{1}] here, so it works as [{1}]; write [{1}] to say so{2}", Settings, SettingsSeverity.Warning);

    /// <summary>A custom token-obtain serializer: the port issues the default claims plus what .NET code adds.</summary>
    public static readonly DjsDescriptor CustomTokenObtainSerializer = new(
        "DJS0116", "Custom token obtain serializer",
        "{0} = '{1}' is a Python serializer: the port's token endpoint answers as simplejwt's default one, with the claims an ISimpleJwtClaimsProvider registered in DI adds (a TOKEN_OBTAIN_SERIALIZER's get_token is translated into one when the generated wiring can read the Django project's source, DJS0520-DJS0524)", Jwt, SettingsSeverity.Warning);

    // ----- DJS0200-0299: CORS checks ----------------------------------------------------------

    /// <summary>corsheaders.E001.</summary>
    public static readonly DjsDescriptor CorsAllowHeadersType = new(
        "DJS0201", "CORS_ALLOW_HEADERS should be a sequence of strings",
        "CORS_ALLOW_HEADERS should be a sequence of strings (corsheaders.E001): expected a list of header names, found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E001");

    /// <summary>corsheaders.E002.</summary>
    public static readonly DjsDescriptor CorsAllowMethodsType = new(
        "DJS0202", "CORS_ALLOW_METHODS should be a sequence of strings",
        "CORS_ALLOW_METHODS should be a sequence of strings (corsheaders.E002): expected a list of method names, found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E002");

    /// <summary>corsheaders.E003.</summary>
    public static readonly DjsDescriptor CorsAllowCredentialsType = new(
        "DJS0203", "CORS_ALLOW_CREDENTIALS should be a bool",
        "CORS_ALLOW_CREDENTIALS should be a bool (corsheaders.E003): expected True or False, found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E003");

    /// <summary>corsheaders.E004.</summary>
    public static readonly DjsDescriptor CorsPreflightMaxAgeType = new(
        "DJS0204", "CORS_PREFLIGHT_MAX_AGE should be an integer >= 0",
        "CORS_PREFLIGHT_MAX_AGE should be an integer greater than or equal to zero (corsheaders.E004): found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E004");

    /// <summary>corsheaders.E005.</summary>
    public static readonly DjsDescriptor CorsAllowAllOriginsType = new(
        "DJS0205", "CORS_ALLOW_ALL_ORIGINS should be a bool",
        "{2} should be a bool (corsheaders.E005): expected True or False, found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E005");

    /// <summary>corsheaders.E006.</summary>
    public static readonly DjsDescriptor CorsAllowedOriginsType = new(
        "DJS0206", "CORS_ALLOWED_ORIGINS should be a sequence of strings",
        "{2} should be a sequence of strings (corsheaders.E006): expected a list of origins, found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E006");

    /// <summary>corsheaders.E007.</summary>
    public static readonly DjsDescriptor CorsAllowedOriginRegexesType = new(
        "DJS0207", "CORS_ALLOWED_ORIGIN_REGEXES should be a sequence of strings and/or compiled regexes",
        "{2} should be a sequence of strings and/or compiled regexes (corsheaders.E007): found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E007");

    /// <summary>corsheaders.E008.</summary>
    public static readonly DjsDescriptor CorsExposeHeadersType = new(
        "DJS0208", "CORS_EXPOSE_HEADERS should be a sequence",
        "CORS_EXPOSE_HEADERS should be a sequence (corsheaders.E008): expected a list of header names, found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E008");

    /// <summary>corsheaders.E009.</summary>
    public static readonly DjsDescriptor CorsUrlsRegexType = new(
        "DJS0209", "CORS_URLS_REGEX should be a string or regex",
        "CORS_URLS_REGEX should be a string or regex (corsheaders.E009): found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E009");

    /// <summary>corsheaders.E012.</summary>
    public static readonly DjsDescriptor CorsModelRemoved = new(
        "DJS0210", "CORS_MODEL has been removed",
        "The CORS_MODEL setting has been removed (corsheaders.E012); delete it", Cors, SettingsSeverity.Error, "corsheaders.E012");

    /// <summary>corsheaders.E013 (4.x second meaning).</summary>
    public static readonly DjsDescriptor CorsReplaceHttpsRefererRemoved = new(
        "DJS0211", "CORS_REPLACE_HTTPS_REFERER has been removed",
        "The CORS_REPLACE_HTTPS_REFERER setting has been removed in django-cors-headers 4.0 (corsheaders.E013); use CSRF_TRUSTED_ORIGINS instead", Cors, SettingsSeverity.Error, "corsheaders.E013");

    /// <summary>corsheaders.E013: origin missing scheme or netloc.</summary>
    public static readonly DjsDescriptor CorsOriginMissingSchemeOrNetloc = new(
        "DJS0212", "Origin is missing scheme or netloc",
        "Origin {0} in {1} is missing scheme or netloc (corsheaders.E013); add a scheme (e.g. https://) or netloc (e.g. example.com){2}", Cors, SettingsSeverity.Error, "corsheaders.E013");

    /// <summary>corsheaders.E014: origin with a path, query or fragment.</summary>
    public static readonly DjsDescriptor CorsOriginHasPath = new(
        "DJS0213", "Origin should not have a path, query or fragment",
        "Origin {0} in {1} should not have {2} (corsheaders.E014){3}", Cors, SettingsSeverity.Error, "corsheaders.E014");

    /// <summary>corsheaders.E015.</summary>
    public static readonly DjsDescriptor CorsAllowPrivateNetworkType = new(
        "DJS0214", "CORS_ALLOW_PRIVATE_NETWORK should be a bool",
        "CORS_ALLOW_PRIVATE_NETWORK should be a bool (corsheaders.E015): expected True or False, found {0}{1}", Cors, SettingsSeverity.Error, "corsheaders.E015");

    /// <summary>Allow-all together with credentials: any site can read authenticated responses.</summary>
    public static readonly DjsDescriptor CorsAllowAllWithCredentials = new(
        "DJS0220", "Every origin allowed together with credentials",
        "{0} = True together with CORS_ALLOW_CREDENTIALS = True lets any website send credentialed requests and read the responses; list the front-end origins in CORS_ALLOWED_ORIGINS instead", Cors, SettingsSeverity.Warning);

    /// <summary>Allow-all makes the origin lists dead.</summary>
    public static readonly DjsDescriptor CorsAllowAllMakesListDead = new(
        "DJS0221", "Origin list ignored because every origin is allowed",
        "{1} is ignored because {0} = True allows every origin", Cors, SettingsSeverity.Warning);

    /// <summary>An origin regex that re.match does not anchor at the end.</summary>
    public static readonly DjsDescriptor CorsRegexNotEndAnchored = new(
        "DJS0222", "Origin regex is not anchored at the end",
        "Origin regex {0} is not anchored at the end: re.match only anchors the start, so it also admits '{1}'; end it with $", Cors, SettingsSeverity.Warning);

    /// <summary>An origin regex with an unescaped dot in the host.</summary>
    public static readonly DjsDescriptor CorsRegexUnescapedDot = new(
        "DJS0223", "Origin regex has an unescaped dot",
        "Origin regex {0} has an unescaped '.', which matches any character, so it also admits '{1}'; write \\.", Cors, SettingsSeverity.Warning);

    /// <summary>A regex that does not compile or cannot be translated to .NET.</summary>
    public static readonly DjsDescriptor CorsRegexInvalid = new(
        "DJS0224", "Invalid regular expression",
        "{0}: the regular expression {1} is invalid: {2}", Cors, SettingsSeverity.Error);

    /// <summary>An upper-case host in a configured origin never matches a browser's lower-case Origin.</summary>
    public static readonly DjsDescriptor CorsOriginUpperCaseHost = new(
        "DJS0225", "Origin with upper-case letters never matches",
        "Origin {0} in {1} has upper-case letters in its host; browsers send hosts in lower case and django-cors-headers compares exactly, so it never matches; write {2}", Cors, SettingsSeverity.Warning);

    /// <summary>An explicit default port never matches a browser's Origin.</summary>
    public static readonly DjsDescriptor CorsOriginDefaultPort = new(
        "DJS0226", "Origin with an explicit default port never matches",
        "Origin {0} in {1} has the default port written out; browsers leave it out of Origin and django-cors-headers compares exactly, so it never matches; write {2}", Cors, SettingsSeverity.Warning);

    /// <summary>A wildcard inside an origin list.</summary>
    public static readonly DjsDescriptor CorsOriginWildcard = new(
        "DJS0227", "Wildcard in an origin list",
        "Origin {0} in {1} is not a pattern: origins are compared exactly, so '*' matches nothing; use CORS_ALLOWED_ORIGIN_REGEXES (or CORS_ALLOW_ALL_ORIGINS = True for every origin)", Cors, SettingsSeverity.Warning);

    /// <summary>Explicit CORS_ALLOW_HEADERS without authorization while SIMPLE_JWT is configured.</summary>
    public static readonly DjsDescriptor CorsAllowHeadersDropsAuthorization = new(
        "DJS0228", "CORS_ALLOW_HEADERS drops authorization",
        "CORS_ALLOW_HEADERS does not include 'authorization' while SIMPLE_JWT is configured: browsers will refuse cross-origin requests that send the token; add it (for example (*default_headers, ...))", Cors, SettingsSeverity.Warning);

    /// <summary>A response header (access-control-*) listed as an allowed request header.</summary>
    public static readonly DjsDescriptor CorsResponseHeaderAsRequestHeader = new(
        "DJS0229", "Response header listed as a request header",
        "'{0}' in {1} is a response header: the server sends it, a client should not; if the front end sends it, remove it there instead of allowing it here", Cors, SettingsSeverity.Warning);

    /// <summary>CorsMiddleware placed after CommonMiddleware.</summary>
    public static readonly DjsDescriptor CorsMiddlewareOrder = new(
        "DJS0230", "CorsMiddleware placed below CommonMiddleware",
        "corsheaders.middleware.CorsMiddleware is placed after {0}; it must come before it, or {1} get no CORS headers", Cors, SettingsSeverity.Warning);

    /// <summary>A string where a list was meant (iterated character by character at run time).</summary>
    public static readonly DjsDescriptor CorsStringInsteadOfList = new(
        "DJS0231", "String where a list was meant",
        "{0} is a string, which Django iterates character by character ({1}); write a list: [{2}]", Settings, SettingsSeverity.Error);

    /// <summary>The same origin listed twice.</summary>
    public static readonly DjsDescriptor CorsDuplicateOrigin = new(
        "DJS0232", "Duplicate origin",
        "Origin {0} is listed more than once in {1}", Cors, SettingsSeverity.Info);

    /// <summary>A check that fails when the environment variables the file reads are unset (their defaults apply).</summary>
    public static readonly DjsDescriptor FailsWhenEnvironmentUnset = new(
        "DJS0233", "Setting fails its checks when the environment is unset",
        "When the environment variables this file reads are unset, the defaults written in the file fail a check ({0}): {1}", Settings, SettingsSeverity.Warning);

    /// <summary>A regex the linear-time engine cannot run: it keeps the backtracking engine and its match timeout.</summary>
    public static readonly DjsDescriptor RegexNeedsBacktracking = new(
        "DJS0234", "Regular expression needs the backtracking engine",
        "{0}: the regular expression {1} uses {2} (position {3}), which only the backtracking regex engine runs; this port runs it with a {4} ms match timeout, so a hostile {5} can cost every request up to {4} ms of CPU; {6}, and it runs on the linear-time engine instead", Cors, SettingsSeverity.Warning);

    /// <summary>A repeated group whose body is one repetition: exponential on Python's re, which Django runs it on.</summary>
    public static readonly DjsDescriptor RegexNestedRepetition = new(
        "DJS0235", "Regular expression with nested repetition",
        "{0}: the regular expression {1} repeats a group whose body is itself one repetition (the group at position {2}); Python's re, which Django runs it on, backtracks exponentially on a long run of matching characters followed by one that fails, so one hostile {3} can hold a Django worker for minutes; this port runs it on the linear-time engine, but while Django serves the same settings, give the group a part every iteration must match that the inner repetition cannot (as the dot in ([a-z0-9-]+\\.)+), or drop one of the repetitions", Cors, SettingsSeverity.Warning);

    // ----- DJS0300-0399: SIMPLE_JWT checks ----------------------------------------------------

    /// <summary>A SIMPLE_JWT key that simplejwt removed: it raises at import.</summary>
    public static readonly DjsDescriptor JwtRemovedKey = new(
        "DJS0301", "Removed SIMPLE_JWT key",
        "The '{0}' setting has been removed from simplejwt (it raises RuntimeError at import); use {1}", Jwt, SettingsSeverity.Error);

    /// <summary>An algorithm name simplejwt does not know.</summary>
    public static readonly DjsDescriptor JwtUnknownAlgorithm = new(
        "DJS0302", "Unrecognized algorithm",
        "Unrecognized algorithm type '{0}'; use one of HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512, ES256K, ES521, EdDSA{1}", Jwt, SettingsSeverity.Error);

    /// <summary>An asymmetric algorithm without a verifying key.</summary>
    public static readonly DjsDescriptor JwtMissingVerifyingKey = new(
        "DJS0303", "Asymmetric algorithm without VERIFYING_KEY",
        "ALGORITHM '{0}' needs VERIFYING_KEY (the PEM public key); without it every token check fails (simplejwt answers 500)", Jwt, SettingsSeverity.Error);

    /// <summary>An HMAC algorithm with a verifying key.</summary>
    public static readonly DjsDescriptor JwtVerifyingKeyIgnored = new(
        "DJS0304", "VERIFYING_KEY ignored for HMAC",
        "VERIFYING_KEY is ignored with ALGORITHM '{0}': HMAC signs and verifies with SIGNING_KEY", Jwt, SettingsSeverity.Warning);

    /// <summary>Access lifetime not shorter than refresh lifetime.</summary>
    public static readonly DjsDescriptor JwtAccessOutlivesRefresh = new(
        "DJS0305", "Access token lives as long as the refresh token",
        "ACCESS_TOKEN_LIFETIME ({0}) is not shorter than REFRESH_TOKEN_LIFETIME ({1}): refreshing can never extend a session", Jwt, SettingsSeverity.Warning);

    /// <summary>BLACKLIST_AFTER_ROTATION without ROTATE_REFRESH_TOKENS.</summary>
    public static readonly DjsDescriptor JwtBlacklistWithoutRotation = new(
        "DJS0306", "BLACKLIST_AFTER_ROTATION without rotation",
        "BLACKLIST_AFTER_ROTATION has no effect on refresh while ROTATE_REFRESH_TOKENS is False (it only makes the verify endpoint check the blacklist)", Jwt, SettingsSeverity.Warning);

    /// <summary>('Bearer') is a string, not a tuple.</summary>
    public static readonly DjsDescriptor JwtHeaderTypesParenthesisedString = new(
        "DJS0307", "Parenthesised string is not a tuple",
        "AUTH_HEADER_TYPES is ({0}), which is a string, not a tuple; simplejwt accepts it, but write ({0},) with a trailing comma if a tuple was meant", Jwt, SettingsSeverity.Warning);

    /// <summary>A secret written literally in the file.</summary>
    public static readonly DjsDescriptor LiteralSecret = new(
        "DJS0308", "Secret written in the settings file",
        "{0} is written literally in the settings file, so it ends up in the compiled assembly; read it from the environment (os.environ['{1}'])", Settings, SettingsSeverity.Warning);

    /// <summary>A django-insecure- key.</summary>
    public static readonly DjsDescriptor InsecureSecretKey = new(
        "DJS0309", "Insecure development key",
        "{0} starts with 'django-insecure-': it is the development key startproject generated and must not sign production tokens", Settings, SettingsSeverity.Warning, "security.W009");

    /// <summary>HMAC key shorter than the hash output.</summary>
    public static readonly DjsDescriptor JwtShortHmacKey = new(
        "DJS0310", "HMAC key shorter than the hash",
        "The signing key is {0} bytes, shorter than the {1}-byte output of {2}; RFC 7518 requires at least that many (Django accepts it; use a longer random key)", Jwt, SettingsSeverity.Warning);

    /// <summary>A Python class setting that is not the default: it has a .NET extension point instead.</summary>
    public static readonly DjsDescriptor JwtCustomPythonClass = new(
        "DJS0311", "Custom Python class in SIMPLE_JWT",
        "{0} = '{1}' names Python code, which cannot run here; keep the default and use {2} instead", Jwt, SettingsSeverity.Error);

    /// <summary>The signing key is missing.</summary>
    public static readonly DjsDescriptor JwtMissingSigningKey = new(
        "DJS0312", "No signing key",
        "SIMPLE_JWT has no SIGNING_KEY and SECRET_KEY is not set in this file; the application will need SECRET_KEY from its configuration at startup", Jwt, SettingsSeverity.Info);

    /// <summary>A very long access lifetime.</summary>
    public static readonly DjsDescriptor JwtLongAccessLifetime = new(
        "DJS0313", "Long access token lifetime",
        "ACCESS_TOKEN_LIFETIME is {0}: the blacklist only covers refresh tokens, so a stolen access token stays valid until it expires; keep them short (minutes)", Jwt, SettingsSeverity.Info);

    /// <summary>JWK_URL with an HMAC algorithm.</summary>
    public static readonly DjsDescriptor JwtJwkUrlIgnoredForHmac = new(
        "DJS0314", "JWK_URL ignored for HMAC",
        "JWK_URL is ignored with ALGORITHM '{0}': HMAC tokens are verified with SIGNING_KEY, never with keys from a JWKS", Jwt, SettingsSeverity.Warning);

    /// <summary>ES256K depends on the platform's crypto library.</summary>
    public static readonly DjsDescriptor JwtEs256kPlatform = new(
        "DJS0315", "ES256K depends on the platform",
        "ALGORITHM 'ES256K' signs with the secp256k1 curve of the platform's crypto library: OpenSSL (Linux) and CNG (Windows) have it, Apple's does not, so on macOS the application stops at startup with a message naming the curve", Jwt, SettingsSeverity.Info);

    /// <summary>The simplejwt behaviour version, read from the Django project's requirements.</summary>
    public static readonly DjsDescriptor SimpleJwtVersionFromProject = new(
        "DJS0316", "simplejwt version from the project's requirements",
        "simplejwt {0} behaviour from {1}: '{2}' is {3}; the generated wiring applies SimpleJwtOptions.ForSimpleJwtVersion(\"{0}\") (a version chosen in C# with builder.Services.AddSimpleJwtVersion wins)", Jwt, SettingsSeverity.Info);

    /// <summary>A requirement on simplejwt whose version the build cannot tell.</summary>
    public static readonly DjsDescriptor SimpleJwtPinNotUnderstood = new(
        "DJS0317", "simplejwt pin not understood",
        "{0}: '{1}' does not tell the simplejwt version ({2}); this pin is ignored and, without another, the runtime's default (simplejwt 5.5.x behaviour) applies: pin a release from {3}, or choose one in C# with builder.Services.AddSimpleJwtVersion(\"5.2.2\")", Jwt, SettingsSeverity.Warning);

    /// <summary>Two requirements files resolve simplejwt to different releases.</summary>
    public static readonly DjsDescriptor SimpleJwtPinsDisagree = new(
        "DJS0318", "simplejwt pinned differently in two places",
        "{0} resolves simplejwt to {1}, but {2} to {3}: the build uses {3}, from the file read first (requirements.txt, pyproject.toml, requirements*.txt, requirements/*.txt); make the pins agree", Jwt, SettingsSeverity.Warning);

    // ----- DJS0400-0499: other Django settings ------------------------------------------------

    /// <summary>A MIDDLEWARE entry the composed pipeline has no component for.</summary>
    public static readonly DjsDescriptor MiddlewareWithoutEquivalent = new(
        "DJS0400", "MIDDLEWARE entry without a full runtime equivalent",
        "MIDDLEWARE entry {0}: {1}", Http, SettingsSeverity.Info);

    /// <summary>A CSRF_TRUSTED_ORIGINS entry without scheme (Django 4.0's 4_0.E001).</summary>
    public static readonly DjsDescriptor CsrfTrustedOriginWithoutScheme = new(
        "DJS0402", "CSRF_TRUSTED_ORIGINS entry without scheme",
        "CSRF_TRUSTED_ORIGINS entry {0} has no scheme: Django 4.0 and later refuse to start with it (4_0.E001); write {1}", Http, SettingsSeverity.Warning, "4_0.E001");

    // DJS0403 (SessionAuthentication's CSRF check) is retired: DJS0605 reports SessionAuthentication
    // once, with the CSRF consequence in its message.

    /// <summary>A DISALLOWED_USER_AGENTS item written as a str (Django calls .search() on each item).</summary>
    public static readonly DjsDescriptor UserAgentPatternNotCompiled = new(
        "DJS0404", "DISALLOWED_USER_AGENTS item is not compiled",
        "DISALLOWED_USER_AGENTS item {0} is a str: Django calls .search() on every item, so each request with a User-Agent fails with a 500 ('str' object has no attribute 'search'); write re.compile({0})", Http, SettingsSeverity.Error);

    /// <summary>A SECURE_REFERRER_POLICY token that is not a Referrer-Policy value (security.E023).</summary>
    public static readonly DjsDescriptor InvalidReferrerPolicy = new(
        "DJS0405", "Invalid SECURE_REFERRER_POLICY",
        "SECURE_REFERRER_POLICY: {0} is not a Referrer-Policy value, so browsers ignore the header (Django's deploy check security.E023); valid values are: {1}", Http, SettingsSeverity.Warning, "security.E023");

    /// <summary>A SECURE_CROSS_ORIGIN_OPENER_POLICY value Django 4.0+ refuses (security.E024).</summary>
    public static readonly DjsDescriptor InvalidOpenerPolicy = new(
        "DJS0406", "Invalid SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY: {0} is not a Cross-Origin-Opener-Policy value (Django 4.0's check security.E024); valid values are: same-origin, same-origin-allow-popups, unsafe-none", Http, SettingsSeverity.Warning, "security.E024");

    /// <summary>An ALLOWED_HOSTS entry that can never match a request's host.</summary>
    public static readonly DjsDescriptor AllowedHostNeverMatches = new(
        "DJS0407", "ALLOWED_HOSTS entry never matches",
        "ALLOWED_HOSTS entry {0} never matches a request: {1}", Http, SettingsSeverity.Warning);

    /// <summary>ALLOWED_HOSTS empty with DEBUG off while CommonMiddleware checks every request.</summary>
    public static readonly DjsDescriptor AllowedHostsEmpty = new(
        "DJS0408", "ALLOWED_HOSTS is empty",
        "ALLOWED_HOSTS is empty and DEBUG is off: CommonMiddleware answers every request with 400 (Django's runserver refuses to start: 'You must set settings.ALLOWED_HOSTS if DEBUG is False.'); list the host names this API is served under", Http, SettingsSeverity.Warning);

    /// <summary>SECURE_PROXY_SSL_HEADER names a header in HTTP spelling instead of Django's META form.</summary>
    public static readonly DjsDescriptor ProxySslHeaderNotMetaKey = new(
        "DJS0409", "SECURE_PROXY_SSL_HEADER is not a META key",
        "SECURE_PROXY_SSL_HEADER names {0}, which is not how Django names request headers: no request ever has it, so none is secure; write {1}", Http, SettingsSeverity.Warning);

    /// <summary>A regex in SECURE_REDIRECT_EXEMPT or DISALLOWED_USER_AGENTS that Python or the port cannot compile.</summary>
    public static readonly DjsDescriptor HttpRegexInvalid = new(
        "DJS0410", "Invalid regular expression",
        "{0}: the regular expression {1} {2}", Http, SettingsSeverity.Error);

    /// <summary>An unknown SECURE_* name (a typo Django ignores silently).</summary>
    public static readonly DjsDescriptor UnknownSecureSetting = new(
        "DJS0411", "Unknown SECURE_ setting",
        "{0} is not a Django setting, so it has no effect{1}", Http, SettingsSeverity.Warning);

    /// <summary>SECURE_BROWSER_XSS_FILTER, removed in Django 4.0.</summary>
    public static readonly DjsDescriptor BrowserXssFilterRemoved = new(
        "DJS0412", "SECURE_BROWSER_XSS_FILTER is Django 3.2 only",
        "SECURE_BROWSER_XSS_FILTER was removed in Django 4.0 (browsers dropped the XSS auditor); the port sends X-XSS-Protection: 1; mode=block as Django 3.2 does", Http, SettingsSeverity.Info);

    /// <summary>A body limit above (or without) the port's hard cap.</summary>
    public static readonly DjsDescriptor BodyLimitAboveHardCap = new(
        "DJS0413", "Body limit above the port's hard cap",
        "DATA_UPLOAD_MAX_MEMORY_SIZE is {0}: the port still refuses bodies over its hard cap, DjangoRequestLimitOptions.HardBodyCap ({1:N0} bytes, Kestrel's MaxRequestBodySize), with 413; raise both if larger bodies are expected", Http, SettingsSeverity.Info);

    /// <summary>An X_FRAME_OPTIONS value browsers do not understand.</summary>
    public static readonly DjsDescriptor XFrameOptionsValue = new(
        "DJS0414", "X_FRAME_OPTIONS value browsers ignore",
        "X_FRAME_OPTIONS is {0}: browsers only understand DENY and SAMEORIGIN (ALLOW-FROM is obsolete) and ignore the header otherwise, so pages can be framed", Http, SettingsSeverity.Warning);

    // ----- DJS0700-0799: Django's deploy checks (manage.py check --deploy); DJS07NN = security.W0NN --

    /// <summary>security.W001: SecurityMiddleware is not in MIDDLEWARE.</summary>
    public static readonly DjsDescriptor DeployW001 = DeployCheck("DJS0701", "SecurityMiddleware not installed",
        "django.middleware.security.SecurityMiddleware is not in MIDDLEWARE, so the SECURE_* settings (HSTS, nosniff, Referrer-Policy, the https redirect) have no effect (security.W001)");

    /// <summary>security.W002: XFrameOptionsMiddleware is not in MIDDLEWARE.</summary>
    public static readonly DjsDescriptor DeployW002 = DeployCheck("DJS0702", "XFrameOptionsMiddleware not installed",
        "django.middleware.clickjacking.XFrameOptionsMiddleware is not in MIDDLEWARE, so responses carry no X-Frame-Options header against clickjacking (security.W002)");

    /// <summary>security.W003: CsrfViewMiddleware is not in MIDDLEWARE.</summary>
    public static readonly DjsDescriptor DeployW003 = DeployCheck("DJS0703", "CsrfViewMiddleware not installed",
        "django.middleware.csrf.CsrfViewMiddleware is not in MIDDLEWARE: Django's cross-site request forgery protection is off (security.W003)");

    /// <summary>security.W004: SECURE_HSTS_SECONDS is not set.</summary>
    public static readonly DjsDescriptor DeployW004 = DeployCheck("DJS0704", "SECURE_HSTS_SECONDS not set",
        "SECURE_HSTS_SECONDS is not set: if the site is served over https only, consider HTTP Strict Transport Security (read Django's documentation first: a wrong value is hard to undo) (security.W004)");

    /// <summary>security.W005: SECURE_HSTS_INCLUDE_SUBDOMAINS is not True.</summary>
    public static readonly DjsDescriptor DeployW005 = DeployCheck("DJS0705", "SECURE_HSTS_INCLUDE_SUBDOMAINS not True",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS is not True: a subdomain served over http can still be used to attack the site; set it only if every subdomain is https-only (security.W005)");

    /// <summary>security.W006: SECURE_CONTENT_TYPE_NOSNIFF is not True.</summary>
    public static readonly DjsDescriptor DeployW006 = DeployCheck("DJS0706", "SECURE_CONTENT_TYPE_NOSNIFF not True",
        "SECURE_CONTENT_TYPE_NOSNIFF is not True, so responses carry no X-Content-Type-Options: nosniff and browsers may guess content types (security.W006)");

    /// <summary>security.W008: SECURE_SSL_REDIRECT is not True.</summary>
    public static readonly DjsDescriptor DeployW008 = DeployCheck("DJS0708", "SECURE_SSL_REDIRECT not True",
        "SECURE_SSL_REDIRECT is not True: unless the site should answer over plain http too, set it or let the proxy in front redirect to https (security.W008)");

    /// <summary>security.W009: a weak SECRET_KEY.</summary>
    public static readonly DjsDescriptor DeployW009 = DeployCheck("DJS0709", "Weak SECRET_KEY",
        "SECRET_KEY {0}: generate a long random key (at least 50 characters, 5 different ones), otherwise signing (sessions, password resets, tokens signed with it) is open to attack (security.W009)");

    /// <summary>security.W010: the sessions app without SESSION_COOKIE_SECURE.</summary>
    public static readonly DjsDescriptor DeployW010 = DeployCheck("DJS0710", "SESSION_COOKIE_SECURE not True (sessions app)",
        "django.contrib.sessions is in INSTALLED_APPS but SESSION_COOKIE_SECURE is not True: the session cookie travels over plain http too (security.W010)");

    /// <summary>security.W011: SessionMiddleware without SESSION_COOKIE_SECURE.</summary>
    public static readonly DjsDescriptor DeployW011 = DeployCheck("DJS0711", "SESSION_COOKIE_SECURE not True (SessionMiddleware)",
        "SessionMiddleware is in MIDDLEWARE but SESSION_COOKIE_SECURE is not True: the session cookie travels over plain http too (security.W011)");

    /// <summary>security.W012: both of the above.</summary>
    public static readonly DjsDescriptor DeployW012 = DeployCheck("DJS0712", "SESSION_COOKIE_SECURE not True",
        "SESSION_COOKIE_SECURE is not True while sessions are installed (app and middleware): the session cookie travels over plain http too (security.W012)");

    /// <summary>security.W013: the sessions app without SESSION_COOKIE_HTTPONLY.</summary>
    public static readonly DjsDescriptor DeployW013 = DeployCheck("DJS0713", "SESSION_COOKIE_HTTPONLY not True (sessions app)",
        "django.contrib.sessions is in INSTALLED_APPS but SESSION_COOKIE_HTTPONLY is not True: scripts can read the session cookie (security.W013)");

    /// <summary>security.W014: SessionMiddleware without SESSION_COOKIE_HTTPONLY.</summary>
    public static readonly DjsDescriptor DeployW014 = DeployCheck("DJS0714", "SESSION_COOKIE_HTTPONLY not True (SessionMiddleware)",
        "SessionMiddleware is in MIDDLEWARE but SESSION_COOKIE_HTTPONLY is not True: scripts can read the session cookie (security.W014)");

    /// <summary>security.W015: both of the above.</summary>
    public static readonly DjsDescriptor DeployW015 = DeployCheck("DJS0715", "SESSION_COOKIE_HTTPONLY not True",
        "SESSION_COOKIE_HTTPONLY is not True while sessions are installed (app and middleware): scripts can read the session cookie (security.W015)");

    /// <summary>security.W016: CsrfViewMiddleware without CSRF_COOKIE_SECURE.</summary>
    public static readonly DjsDescriptor DeployW016 = DeployCheck("DJS0716", "CSRF_COOKIE_SECURE not True",
        "CsrfViewMiddleware is in MIDDLEWARE but CSRF_COOKIE_SECURE is not True: the CSRF cookie travels over plain http too (security.W016)");

    /// <summary>security.W018: DEBUG in deployment.</summary>
    public static readonly DjsDescriptor DeployW018 = DeployCheck("DJS0718", "DEBUG in deployment",
        "DEBUG is True: do not deploy with it (error pages show settings and source; ALLOWED_HOSTS falls back to localhost) (security.W018)");

    /// <summary>security.W019: X_FRAME_OPTIONS is not DENY.</summary>
    public static readonly DjsDescriptor DeployW019 = DeployCheck("DJS0719", "X_FRAME_OPTIONS not DENY",
        "XFrameOptionsMiddleware is in MIDDLEWARE but X_FRAME_OPTIONS is {0}, not 'DENY': unless the site frames its own pages, use 'DENY' (security.W019)");

    /// <summary>security.W020: ALLOWED_HOSTS empty.</summary>
    public static readonly DjsDescriptor DeployW020 = DeployCheck("DJS0720", "ALLOWED_HOSTS empty in deployment",
        "ALLOWED_HOSTS must not be empty in deployment (security.W020)");

    /// <summary>security.W021: SECURE_HSTS_PRELOAD is not True.</summary>
    public static readonly DjsDescriptor DeployW021 = DeployCheck("DJS0721", "SECURE_HSTS_PRELOAD not True",
        "SECURE_HSTS_PRELOAD is not True, so the site cannot be submitted to the browsers' HSTS preload list (security.W021)");

    /// <summary>security.W022: SECURE_REFERRER_POLICY is None.</summary>
    public static readonly DjsDescriptor DeployW022 = DeployCheck("DJS0722", "SECURE_REFERRER_POLICY not set",
        "SECURE_REFERRER_POLICY is None, so responses carry no Referrer-Policy header; set one (Django's default is 'same-origin') to protect users' privacy (security.W022)");

    private static DjsDescriptor DeployCheck(string id, string title, string message)
        => new(id, title, message, Deploy, SettingsSeverity.Warning, "security.W0" + id.Substring(5));

    // ----- DJS0600-0699: REST_FRAMEWORK, caches and languages -----------------------------------

    /// <summary>REST_FRAMEWORK is not a dict.</summary>
    public static readonly DjsDescriptor RestFrameworkNotDict = new(
        "DJS0600", "REST_FRAMEWORK is not a dict",
        "REST_FRAMEWORK must be a dict of DRF settings; found {0} (DRF fails at the first request)", RestFramework, SettingsSeverity.Error);

    /// <summary>A REST_FRAMEWORK key DRF does not have.</summary>
    public static readonly DjsDescriptor UnknownRestFrameworkKey = new(
        "DJS0601", "Unknown REST_FRAMEWORK key",
        "'{0}' is not a REST_FRAMEWORK setting of DRF 3.14 and is ignored{1}", RestFramework, SettingsSeverity.Warning);

    /// <summary>A REST_FRAMEWORK key DRF removed (DRF 3.14's api_settings ignores it).</summary>
    public static readonly DjsDescriptor RestFrameworkRemovedKey = new(
        "DJS0602", "Removed REST_FRAMEWORK key",
        "The '{0}' setting has been removed from DRF and is ignored; {1}", RestFramework, SettingsSeverity.Warning);

    /// <summary>A dotted path into DRF or simplejwt that names nothing they ship.</summary>
    public static readonly DjsDescriptor DrfClassNotShipped = new(
        "DJS0603", "Class not shipped by DRF",
        "{1}: '{0}' is not a class DRF 3.14 or simplejwt ship (Django raises ImportError at the first request){2}", RestFramework, SettingsSeverity.Error);

    /// <summary>A class of the project or a third-party package: the port needs a C# counterpart.</summary>
    public static readonly DjsDescriptor ProjectDrfClass = new(
        "DJS0604", "Python class needs a C# counterpart",
        "{1}: '{0}' is a Python class the port cannot run; register its C# counterpart with services.AddDrfComponent(\"{0}\", ...), or DRF views fail when they resolve it", RestFramework, SettingsSeverity.Warning);

    /// <summary>A class DRF ships that the port recognises but does not serve.</summary>
    public static readonly DjsDescriptor DrfClassNotServed = new(
        "DJS0605", "DRF class not served by the port",
        "{1}: '{0}' is not served by the port: {2}", RestFramework, SettingsSeverity.Warning);

    /// <summary>A REST_FRAMEWORK key set to something the port does not translate.</summary>
    public static readonly DjsDescriptor RestFrameworkKeyNotTranslated = new(
        "DJS0606", "REST_FRAMEWORK key not translated",
        "REST_FRAMEWORK['{0}'] is not translated by the port: {1}", RestFramework, SettingsSeverity.Warning);

    /// <summary>A throttle rate DRF's parse_rate cannot read.</summary>
    public static readonly DjsDescriptor InvalidThrottleRate = new(
        "DJS0607", "Unparsable throttle rate",
        "DEFAULT_THROTTLE_RATES['{0}'] = {1} is not a rate DRF can parse ({2} at the first throttled request); write '<number>/<s|m|h|d>', for example '100/day'", RestFramework, SettingsSeverity.Error);

    /// <summary>A default throttle class whose scope has no rate.</summary>
    public static readonly DjsDescriptor MissingThrottleRate = new(
        "DJS0608", "Throttle scope without a rate",
        "{0} is in DEFAULT_THROTTLE_CLASSES but DEFAULT_THROTTLE_RATES has no '{1}' entry: every DRF view fails with ImproperlyConfigured: No default throttle rate set for '{1}' scope; add '{1}': '100/day' (or None to switch it off)", RestFramework, SettingsSeverity.Error);

    /// <summary>PAGE_SIZE without a pagination class (Django check rest_framework.W001).</summary>
    public static readonly DjsDescriptor PageSizeWithoutPaginationClass = new(
        "DJS0609", "PAGE_SIZE without DEFAULT_PAGINATION_CLASS",
        "You have specified a default PAGE_SIZE pagination rest_framework setting, without specifying also a DEFAULT_PAGINATION_CLASS (rest_framework.W001): list views are not paginated; set DEFAULT_PAGINATION_CLASS, or keep PAGE_SIZE for views that name their own pagination class", RestFramework, SettingsSeverity.Warning);

    /// <summary>A pagination class without PAGE_SIZE.</summary>
    public static readonly DjsDescriptor PaginationClassWithoutPageSize = new(
        "DJS0610", "DEFAULT_PAGINATION_CLASS without PAGE_SIZE",
        "DEFAULT_PAGINATION_CLASS is '{0}' but PAGE_SIZE is None: {1}; set PAGE_SIZE", RestFramework, SettingsSeverity.Warning);

    /// <summary>A REST_FRAMEWORK key that only affects features the port has none of.</summary>
    public static readonly DjsDescriptor RestFrameworkKeyWithoutEffect = new(
        "DJS0611", "REST_FRAMEWORK key without effect in the port",
        "REST_FRAMEWORK['{0}'] has no effect in the port: {1}", RestFramework, SettingsSeverity.Info);

    /// <summary>CACHES is not a dict of aliases.</summary>
    public static readonly DjsDescriptor CachesNotDict = new(
        "DJS0612", "CACHES is not a dict",
        "CACHES must be a dict of cache aliases, each a dict with a BACKEND; found {0} (Django fails at startup)", RestFramework, SettingsSeverity.Error);

    /// <summary>caches.E001: no 'default' alias.</summary>
    public static readonly DjsDescriptor NoDefaultCache = new(
        "DJS0613", "No 'default' cache",
        "You must define a 'default' cache in your CACHES setting (caches.E001); DRF's throttles keep their histories in it", RestFramework, SettingsSeverity.Error, "caches.E001");

    /// <summary>A BACKEND path that names no backend Django or django-redis ship, or no BACKEND at all.</summary>
    public static readonly DjsDescriptor CacheBackendNotFound = new(
        "DJS0614", "Cache backend not found",
        "CACHES['{0}']: {1} (Django's checks and every use of the cache fail){2}", RestFramework, SettingsSeverity.Error);

    /// <summary>A backend Django ships that the port does not connect to: histories stay in process.</summary>
    public static readonly DjsDescriptor CacheBackendInProcess = new(
        "DJS0615", "Cache backend kept in process by the port",
        "CACHES['default'] is '{0}', which the port does not connect to: DRF's throttle histories are kept in process instead (each instance counts on its own, and not with Django); register an IDjangoCacheProvider for it to share them, or use Redis", RestFramework, SettingsSeverity.Warning);

    /// <summary>A third-party cache backend: the port needs a C# provider.</summary>
    public static readonly DjsDescriptor CacheBackendNeedsProvider = new(
        "DJS0616", "Cache backend needs a C# provider",
        "CACHES['default'] is '{0}', a Python cache backend the port cannot run: register an IDjangoCacheProvider for it (builder.Services.AddSingleton<IDjangoCacheProvider, ...>()), or DRF views fail when they resolve the throttle store", RestFramework, SettingsSeverity.Warning);

    /// <summary>A Redis LOCATION that is not a redis URL.</summary>
    public static readonly DjsDescriptor CacheLocationNotRedisUrl = new(
        "DJS0617", "Redis LOCATION is not a redis URL",
        "CACHES['{0}']['LOCATION']: '{1}' is not a redis://, rediss:// or unix:// URL (the Redis client fails at the first use of the cache: Redis URL must specify one of the following schemes (redis://, rediss://, unix://))", RestFramework, SettingsSeverity.Error);

    /// <summary>DummyCache keeps nothing: throttle rates have no effect.</summary>
    public static readonly DjsDescriptor DummyCacheNeverThrottles = new(
        "DJS0618", "DummyCache switches throttling off",
        "CACHES['default'] is DummyCache, which keeps nothing: DRF's throttles ({0}) never refuse a request, in Django as in the port, so DEFAULT_THROTTLE_RATES has no effect; use LocMemCache or Redis to throttle", RestFramework, SettingsSeverity.Warning);

    /// <summary>KEY_FUNCTION on a shared cache: the port makes Django's default keys.</summary>
    public static readonly DjsDescriptor CacheKeyFunctionNotRun = new(
        "DJS0619", "Cache KEY_FUNCTION not run by the port",
        "CACHES['default']['KEY_FUNCTION'] '{0}' is Python code the port does not run: it makes throttle keys as Django's default does (KEY_PREFIX:VERSION:key), so Django and the port share histories only if the function makes the same keys", RestFramework, SettingsSeverity.Warning);

    /// <summary>A django-redis option that changes what is stored: the histories are not shared.</summary>
    public static readonly DjsDescriptor CacheOptionNotServed = new(
        "DJS0620", "django-redis option not served by the port",
        "CACHES['default']['OPTIONS']['{0}'] is '{1}': {2}; the port reads and writes what django-redis's DefaultClient and PickleSerializer store, so Django and the port would not share throttle histories", RestFramework, SettingsSeverity.Warning);

    /// <summary>A key of a CACHES entry Django does not read.</summary>
    public static readonly DjsDescriptor UnknownCacheKey = new(
        "DJS0621", "Unknown CACHES key",
        "CACHES['{0}']: '{1}' is not a key Django reads from a cache entry and is ignored{2}", RestFramework, SettingsSeverity.Warning);

    /// <summary>translation.E001: LANGUAGE_CODE is not a language code.</summary>
    public static readonly DjsDescriptor InvalidLanguageCode = new(
        "DJS0622", "Invalid LANGUAGE_CODE",
        "You have provided an invalid value for the LANGUAGE_CODE setting: {0}. (translation.E001) Django refuses to start; write a code such as 'en-us' or 'pt-br' (letters and hyphens, not underscores)", Language, SettingsSeverity.Error, "translation.E001");

    /// <summary>translation.E002: a LANGUAGES code is not a language code.</summary>
    public static readonly DjsDescriptor InvalidLanguagesCode = new(
        "DJS0623", "Invalid language code in LANGUAGES",
        "You have provided an invalid language code in the LANGUAGES setting: {0}. (translation.E002) Django refuses to start; write a code such as 'pt-br' (letters and hyphens, not underscores)", Language, SettingsSeverity.Error, "translation.E002");

    /// <summary>translation.E003: a LANGUAGES_BIDI code is not a language code.</summary>
    public static readonly DjsDescriptor InvalidLanguagesBidiCode = new(
        "DJS0624", "Invalid language code in LANGUAGES_BIDI",
        "You have provided an invalid language code in the LANGUAGES_BIDI setting: {0}. (translation.E003) Django refuses to start; write a code such as 'fa' or 'ar-dz'", Language, SettingsSeverity.Error, "translation.E003");

    /// <summary>translation.E004: LANGUAGE_CODE has no variant in LANGUAGES.</summary>
    public static readonly DjsDescriptor LanguageCodeNotInLanguages = new(
        "DJS0625", "LANGUAGE_CODE not in LANGUAGES",
        "You have provided a value for the LANGUAGE_CODE setting that is not in the LANGUAGES setting. (translation.E004) Django refuses to start: neither {0}, its generic forms nor a regional variant of it is in {1}", Language, SettingsSeverity.Error, "translation.E004");

    // ----- DJS0500-0599: the user model, PASSWORD_HASHERS, the Django project's source ---------

    /// <summary>AUTH_USER_MODEL is not app_label.ModelName.</summary>
    public static readonly DjsDescriptor AuthUserModelForm = new(
        "DJS0500", "AUTH_USER_MODEL is not 'app_label.ModelName'",
        "AUTH_USER_MODEL must be of the form 'app_label.model_name', not '{0}' (Django fails at startup)", Users, SettingsSeverity.Error);

    /// <summary>PASSWORD_HASHERS names a hasher the runtime does not implement.</summary>
    public static readonly DjsDescriptor PasswordHasherNotImplemented = new(
        "DJS0501", "Password hasher not implemented",
        "PASSWORD_HASHERS: '{0}' is not a hasher this runtime implements (Django's PBKDF2, PBKDF2SHA1, Argon2, BCryptSHA256, BCrypt, Scrypt, SHA1, MD5, UnsaltedSHA1, UnsaltedMD5){1}", Users, SettingsSeverity.Error);

    /// <summary>PASSWORD_HASHERS is empty.</summary>
    public static readonly DjsDescriptor PasswordHashersEmpty = new(
        "DJS0502", "PASSWORD_HASHERS is empty",
        "PASSWORD_HASHERS is empty: Django fails with IndexError ('list index out of range') at the first login or password change, and the runtime refuses to start", Users, SettingsSeverity.Error);

    /// <summary>AUTH_USER_MODEL is a project model, but the build has none of the project's source.</summary>
    public static readonly DjsDescriptor DjangoProjectNotFound = new(
        "DJS0503", "Django project source not found",
        "AUTH_USER_MODEL '{0}' is read from the Django project's models, but no manage.py was found above the settings file among the build's files: set <DjangoProjectRoot>path/to/folder-with-manage.py</DjangoProjectRoot> in the project file, or describe the model in C# with builder.Services.AddDjangoUserModel(\"{0}\", m => m...)", Users, SettingsSeverity.Warning);

    /// <summary>AUTH_USER_MODEL names an app label or model the project does not have.</summary>
    public static readonly DjsDescriptor UserModelNotInstalled = new(
        "DJS0504", "AUTH_USER_MODEL names a model that is not installed",
        "AUTH_USER_MODEL refers to model '{0}' that has not been installed: {1}", Users, SettingsSeverity.Error);

    /// <summary>The user model class has a shape the reader does not understand.</summary>
    public static readonly DjsDescriptor UserModelNotUnderstood = new(
        "DJS0505", "User model not understood",
        "{0}: {1}; the user model is not generated, so the stores would use Django's auth_user: describe it in C# with builder.Services.AddDjangoUserModel(\"{2}\", m => m...)", Users, SettingsSeverity.Warning);

    /// <summary>A field of the user model the reader does not understand.</summary>
    public static readonly DjsDescriptor UserModelFieldNotUnderstood = new(
        "DJS0506", "User model field not understood",
        "{0}.{1}: {2}; the generated model leaves the field out, so the stores neither read nor write it (a NOT NULL column without a default makes creating users fail): describe the model in C# with AddDjangoUserModel to include it", Users, SettingsSeverity.Warning);

    /// <summary>The user model as read: what the generated wiring registers.</summary>
    public static readonly DjsDescriptor UserModelRead = new(
        "DJS0507", "User model read from the project",
        "AUTH_USER_MODEL '{0}' is the class {1} here: table {2}, primary key '{3}' ({4}), login by '{5}'; the generated wiring registers it (a C# AddDjangoUserModel registration wins)", Users, SettingsSeverity.Info);

    /// <summary>USER_ID_FIELD names no field of the user model.</summary>
    public static readonly DjsDescriptor UserIdFieldNotOnModel = new(
        "DJS0508", "USER_ID_FIELD is not a field of the user model",
        "USER_ID_FIELD '{0}' is not a field of {1} (its fields: {2}): simplejwt fails every login with a 500 (AttributeError)", Users, SettingsSeverity.Error);

    /// <summary>auth.E002: USERNAME_FIELD listed in REQUIRED_FIELDS.</summary>
    public static readonly DjsDescriptor UsernameFieldInRequiredFields = new(
        "DJS0509", "USERNAME_FIELD listed in REQUIRED_FIELDS",
        "The field named as the 'USERNAME_FIELD' for a custom user model must not be included in 'REQUIRED_FIELDS' (auth.E002); remove '{0}' from REQUIRED_FIELDS", Users, SettingsSeverity.Error, "auth.E002");

    /// <summary>auth.E003: USERNAME_FIELD not unique.</summary>
    public static readonly DjsDescriptor UsernameFieldNotUnique = new(
        "DJS0510", "USERNAME_FIELD is not unique",
        "'{0}.{1}' must be unique because it is named as the 'USERNAME_FIELD' (auth.E003 with Django's default AUTHENTICATION_BACKENDS, auth.W004 otherwise); add unique=True: login looks the user up by this field and several matches fail", Users, SettingsSeverity.Warning, "auth.E003");

    /// <summary>TOKEN_OBTAIN_SERIALIZER names a class the build cannot find in the Django project's source.</summary>
    public static readonly DjsDescriptor TokenSerializerNotFound = new(
        "DJS0520", "Token serializer source not found",
        "{0} = '{1}': {2}, so its get_token is not translated and tokens carry only simplejwt's default claims: set <DjangoProjectRoot> to the folder holding manage.py, or register an ISimpleJwtClaimsProvider in DI that adds the claims", Users, SettingsSeverity.Warning);

    /// <summary>A get_token override has a statement or value the translation does not cover.</summary>
    public static readonly DjsDescriptor TokenClaimsNotTranslated = new(
        "DJS0521", "get_token not translated",
        "{0}.get_token: {1} is not translated; no claims are generated from this serializer (a partial set would mint different tokens than Django): register an ISimpleJwtClaimsProvider in DI that adds them", Users, SettingsSeverity.Warning);

    /// <summary>The get_token override was translated.</summary>
    public static readonly DjsDescriptor TokenClaimsTranslated = new(
        "DJS0522", "get_token translated",
        "{0}.get_token is translated: the token pair gets {1} after simplejwt's claims, in this order (an ISimpleJwtClaimsProvider registered in DI replaces it)", Users, SettingsSeverity.Info);

    /// <summary>The serializer overrides more than get_token.</summary>
    public static readonly DjsDescriptor TokenSerializerMemberIgnored = new(
        "DJS0523", "Token serializer member not translated",
        "{0}.{1} is not translated: only get_token is read from a token serializer, so the port's obtain endpoint validates and answers as simplejwt's TokenObtainPairSerializer does", Users, SettingsSeverity.Warning);

    /// <summary>A claim value PyJWT cannot encode: Django answers every login with 500.</summary>
    public static readonly DjsDescriptor TokenClaimNotJson = new(
        "DJS0524", "Claim value is not JSON serializable",
        "{0}.get_token: token[{1}] = {2} is a {3}, which PyJWT cannot write as JSON: Django answers every login with 500 (TypeError: Object of type {4} is not JSON serializable); write str({2})", Users, SettingsSeverity.Error);

    // ----- DJS0800-0899: the project and the generated API ------------------------------------

    /// <summary>The DjangoSettingsFile property names a file that does not exist.</summary>
    public static readonly DjsDescriptor SettingsFileNotFound = new(
        "DJS0800", "Settings file not found",
        "DjangoSettingsFile names '{0}', which does not exist (resolved to '{1}'); fix the path, relative to the project directory, or remove the property to use cors.settings", Project, SettingsSeverity.Error);

    /// <summary>No settings file at all: the default is absent and no class declares one.</summary>
    public static readonly DjsDescriptor NoSettingsFile = new(
        "DJS0801", "No Django settings file",
        "The project references DjangoSettings but has no settings file: '{0}' does not exist; add cors.settings beside the project file, set <DjangoSettingsFile>path/to/settings.py</DjangoSettingsFile>, or declare [DjangoSettingsFile(\"settings.py\")] partial class AppSettings;", Project, SettingsSeverity.Warning);

    /// <summary>A [DjangoSettingsFile] attribute names a file that is not among AdditionalFiles.</summary>
    public static readonly DjsDescriptor DeclaredSettingsFileNotFound = new(
        "DJS0802", "Declared settings file not found",
        "[DjangoSettingsFile(\"{0}\")] on {1}: '{2}' is not among the project's AdditionalFiles; fix the path (relative to the project directory) or add <AdditionalFiles Include=\"{0}\" /> to the project", Project, SettingsSeverity.Error);

    /// <summary>The class marked [DjangoSettingsFile] cannot be completed by the generator.</summary>
    public static readonly DjsDescriptor InvalidSettingsClass = new(
        "DJS0803", "Settings class cannot be generated",
        "[DjangoSettingsFile] class {0} must be {1}: declare it as 'partial class {0};' at namespace level", Project, SettingsSeverity.Error);

    // ----- DJS0900-0999: internal ---------------------------------------------------------------

    /// <summary>The compiler hit a bug; reported instead of crashing the build.</summary>
    public static readonly DjsDescriptor InternalError = new(
        "DJS0900", "Internal error in the settings compiler",
        "The settings compiler failed on this file ({0}); please report it with the file attached", Internal, SettingsSeverity.Error);
}
