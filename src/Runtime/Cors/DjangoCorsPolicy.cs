using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using DjangoSettings.Shared;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Cors;

/// <summary>
/// The compiled django-cors-headers 4.x configuration the middleware serves: every decision input
/// precomputed once at startup (regexes translated and compiled, header values joined), so a
/// request never joins, formats or parses configuration. Immutable and thread-safe.
/// Build it with <see cref="Create"/> (tests, environment-dependent settings at startup) or from
/// generated code, which passes an <see cref="Cors.OriginPairMatcher"/> and cached
/// <see cref="Regex"/> instances to the same factory.
/// </summary>
public sealed class DjangoCorsPolicy
{
    private readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _pairsByNetloc;
    private readonly FrozenSet<string> _configuredOrigins;
    private readonly Regex[] _originRegexes;
    private readonly Regex[] _matchRegexes;
    // Built on the first refused Origin explained in the Debug log; null until then.
    private OriginNearMissIndex? _nearMissIndex;

    private DjangoCorsPolicy(
        bool allowAllOrigins,
        bool allowCredentials,
        bool allowPrivateNetwork,
        string[] allowedOrigins,
        OriginPairMatcher? originPairMatcher,
        FrozenDictionary<string, string[]> pairsByNetloc,
        IReadOnlyList<(string Scheme, string Netloc)> allowedPairs,
        bool nullInAllowedOrigins,
        string[] originRegexPatterns,
        Regex[] originRegexes,
        string urlsRegexPattern,
        Regex urlsRegex,
        StringValues allowMethods,
        StringValues allowHeaders,
        StringValues exposeHeaders,
        StringValues maxAge)
    {
        AllowAllOrigins = allowAllOrigins;
        AllowCredentials = allowCredentials;
        AllowPrivateNetwork = allowPrivateNetwork;
        AllowedOrigins = allowedOrigins;
        _configuredOrigins = allowedOrigins.ToFrozenSet(StringComparer.Ordinal);
        OriginPairMatcher = originPairMatcher;
        _pairsByNetloc = pairsByNetloc.GetAlternateLookup<ReadOnlySpan<char>>();
        AllowedOriginPairs = allowedPairs;
        NullInAllowedOrigins = nullInAllowedOrigins;
        OriginRegexPatterns = originRegexPatterns;
        _originRegexes = originRegexes;
        _matchRegexes = Array.ConvertAll(originRegexes, ForHotPath);
        UrlsRegexPattern = urlsRegexPattern;
        UrlsRegex = urlsRegex;
        var urls = new UrlPathMatcher(urlsRegexPattern, urlsRegex);
        UrlsMatcher = urls.IsShortcut ? urls : new UrlPathMatcher(urlsRegexPattern, ForHotPath(urlsRegex));
        AllowMethodsValue = allowMethods;
        AllowHeadersValue = allowHeaders;
        ExposeHeadersValue = exposeHeaders;
        MaxAgeValue = maxAge;
    }

    /// <summary><c>CORS_ALLOW_ALL_ORIGINS</c> (after alias precedence).</summary>
    public bool AllowAllOrigins { get; }

    /// <summary><c>CORS_ALLOW_CREDENTIALS</c>: send <c>Access-Control-Allow-Credentials: true</c> to allowed origins, and echo instead of <c>*</c>.</summary>
    public bool AllowCredentials { get; }

    /// <summary><c>CORS_ALLOW_PRIVATE_NETWORK</c>: answer <c>Access-Control-Request-Private-Network: true</c> from allowed origins.</summary>
    public bool AllowPrivateNetwork { get; }

    /// <summary><c>CORS_ALLOWED_ORIGINS</c> as configured (for logging and diagnostics).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; }

    /// <summary>The (scheme, netloc) pair of every configured origin, as <c>urlsplit</c> gives it.</summary>
    public IReadOnlyList<(string Scheme, string Netloc)> AllowedOriginPairs { get; }

    /// <summary>
    /// The origin-list decision supplied as compiled code by the generator; null when the policy
    /// uses the frozen set built from <see cref="AllowedOriginPairs"/>.
    /// </summary>
    public OriginPairMatcher? OriginPairMatcher { get; }

    /// <summary>Whether the exact string <c>"null"</c> is an element of the allowed origins (Django's special case).</summary>
    public bool NullInAllowedOrigins { get; }

    /// <summary><c>CORS_ALLOWED_ORIGIN_REGEXES</c> as written (Python syntax).</summary>
    public IReadOnlyList<string> OriginRegexPatterns { get; }

    /// <summary>
    /// The origin regexes translated to .NET, start-anchored, CultureInvariant, with a match
    /// timeout; on the linear-time engine (<see cref="RegexOptions.NonBacktracking"/>) unless the
    /// pattern needs backtracking.
    /// </summary>
    public IReadOnlyList<Regex> OriginRegexes => _originRegexes;

    /// <summary><c>CORS_URLS_REGEX</c> as written (Python syntax).</summary>
    public string UrlsRegexPattern { get; }

    /// <summary>The URL regex translated to .NET, start-anchored, matched against the path without PathBase.</summary>
    public Regex UrlsRegex { get; }

    /// <summary><c>Access-Control-Allow-Methods</c> value: the methods joined with <c>", "</c> (may be empty, still sent).</summary>
    public StringValues AllowMethodsValue { get; }

    /// <summary><c>Access-Control-Allow-Headers</c> value: the headers joined with <c>", "</c> (may be empty, still sent).</summary>
    public StringValues AllowHeadersValue { get; }

    /// <summary><c>Access-Control-Expose-Headers</c> value; <see cref="StringValues.Empty"/> when none are configured (header omitted).</summary>
    public StringValues ExposeHeadersValue { get; }

    /// <summary><c>Access-Control-Max-Age</c> value; <see cref="StringValues.Empty"/> when the max age is 0 (header omitted).</summary>
    public StringValues MaxAgeValue { get; }

    /// <summary>
    /// Builds a policy from Django values (legacy names already resolved by the binder): translates the Python
    /// regexes (unless compiled ones are supplied), parses each configured origin with
    /// <c>urlsplit</c>, and joins the header lists. Throws
    /// <see cref="DjangoCorsConfigurationException"/> listing every problem.
    /// </summary>
    /// <param name="settings">The settings as the file defines them.</param>
    /// <param name="originPairMatcher">Generated origin-list matcher; null to use a frozen set.</param>
    /// <param name="compiledOriginRegexes">Already compiled origin regexes (same count and order as the effective patterns); null to translate.</param>
    /// <param name="compiledUrlsRegex">Already compiled URL regex; null to translate.</param>
    /// <param name="regexMatchTimeout">Match timeout for translated regexes (default 100 ms).</param>
    public static DjangoCorsPolicy Create(
        DjangoCorsSettings settings,
        OriginPairMatcher? originPairMatcher = null,
        IReadOnlyList<Regex>? compiledOriginRegexes = null,
        Regex? compiledUrlsRegex = null,
        TimeSpan? regexMatchTimeout = null)
    {
        if (TryCreate(settings, out var policy, out var errors, originPairMatcher, compiledOriginRegexes, compiledUrlsRegex, regexMatchTimeout))
            return policy!;
        throw new DjangoCorsConfigurationException(errors);
    }

    /// <summary>Like <see cref="Create"/>, but reports problems instead of throwing.</summary>
    public static bool TryCreate(
        DjangoCorsSettings settings,
        out DjangoCorsPolicy? policy,
        out IReadOnlyList<string> errors,
        OriginPairMatcher? originPairMatcher = null,
        IReadOnlyList<Regex>? compiledOriginRegexes = null,
        Regex? compiledUrlsRegex = null,
        TimeSpan? regexMatchTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        TimeSpan timeout = regexMatchTimeout ?? PythonRegex.DefaultMatchTimeout;

        const string originsName = "CORS_ALLOWED_ORIGINS";
        const string regexesName = "CORS_ALLOWED_ORIGIN_REGEXES";
        var origins = ToArray(settings.EffectiveAllowedOrigins);
        var patterns = ToArray(settings.EffectiveAllowedOriginRegexes);

        var pairs = new List<(string Scheme, string Netloc)>(origins.Length);
        var byNetloc = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        bool hasNull = false;
        foreach (string origin in origins)
        {
            if (origin is null)
            {
                problems.Add(originsName + " contains None");
                continue;
            }
            if (origin == "null") hasNull = true;
            if (!PythonUrlSplit.TrySplit(origin, out var split))
            {
                problems.Add($"Origin '{origin}' in {originsName} is not a valid URL (Python's urlsplit raises ValueError)");
                continue;
            }
            string scheme = split.Scheme, netloc = split.Netloc;
            pairs.Add((scheme, netloc));
            if (!byNetloc.TryGetValue(netloc, out var schemes)) byNetloc[netloc] = schemes = new List<string>(1);
            if (!schemes.Contains(scheme)) schemes.Add(scheme);
        }

        Regex[] regexes;
        if (compiledOriginRegexes is not null)
        {
            if (compiledOriginRegexes.Count != patterns.Length)
                problems.Add($"{compiledOriginRegexes.Count} compiled origin regexes were supplied for {patterns.Length} patterns");
            regexes = ToArray(compiledOriginRegexes);
        }
        else
        {
            regexes = new Regex[patterns.Length];
            for (int i = 0; i < patterns.Length; i++)
            {
                string? error = "None is not a pattern";
                var rx = patterns[i] is null ? null : PythonRegex.CompileForMatch(patterns[i], out error, timeout);
                if (rx is null) problems.Add($"{regexesName}[{i}] '{patterns[i]}': {error}");
                else regexes[i] = rx;
            }
        }

        string urlsPattern = settings.UrlsRegex ?? DjangoCorsDefaults.UrlsRegex;
        Regex? urlsRegex = compiledUrlsRegex;
        if (urlsRegex is null)
        {
            urlsRegex = PythonRegex.CompileForMatch(urlsPattern, out var error, timeout);
            if (urlsRegex is null) problems.Add($"CORS_URLS_REGEX '{urlsPattern}': {error}");
        }

        int maxAge = settings.PreflightMaxAge ?? DjangoCorsDefaults.PreflightMaxAge;
        var expose = settings.ExposeHeaders ?? Array.Empty<string>();

        if (problems.Count > 0)
        {
            policy = null;
            errors = problems;
            return false;
        }

        var frozen = new Dictionary<string, string[]>(byNetloc.Count, StringComparer.Ordinal);
        foreach (var kv in byNetloc) frozen[kv.Key] = kv.Value.ToArray();

        policy = new DjangoCorsPolicy(
            settings.EffectiveAllowAllOrigins,
            settings.AllowCredentials ?? false,
            settings.AllowPrivateNetwork ?? false,
            origins,
            originPairMatcher,
            frozen.ToFrozenDictionary(StringComparer.Ordinal),
            pairs,
            hasNull,
            patterns,
            regexes,
            urlsPattern,
            urlsRegex!,
            new StringValues(Join(settings.AllowMethods ?? DjangoCorsDefaults.Methods)),
            new StringValues(Join(settings.AllowHeaders ?? DjangoCorsDefaults.Headers)),
            expose.Count == 0 ? StringValues.Empty : new StringValues(Join(expose)),
            maxAge == 0 ? StringValues.Empty : new StringValues(maxAge.ToString(CultureInfo.InvariantCulture)));
        errors = Array.Empty<string>();
        return true;
    }

    /// <summary>
    /// Step (b) of Django's origin test: does the request's (scheme, netloc) equal a configured
    /// pair? <paramref name="scheme"/> must already be lowercased.
    /// </summary>
    internal bool MatchesPair(ReadOnlySpan<char> scheme, ReadOnlySpan<char> netloc)
    {
        if (OriginPairMatcher is not null) return OriginPairMatcher(scheme, netloc);
        if (!_pairsByNetloc.TryGetValue(netloc, out var schemes)) return false;
        foreach (string s in schemes)
        {
            if (scheme.SequenceEqual(s)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="origin"/> is, character for character, an entry of
    /// <see cref="AllowedOrigins"/>. Every entry split successfully when the policy was built, and
    /// urlsplit is deterministic, so such an Origin is allowed by step (b) without splitting it.
    /// </summary>
    internal bool IsConfiguredOrigin(string origin) => _configuredOrigins.Contains(origin);

    // The instances the middleware runs: OriginRegexes, compiled to IL where possible.
    internal Regex[] OriginRegexArray => _matchRegexes;

    /// <summary>
    /// The configured origins indexed for <see cref="OriginNearMiss"/>: built once, when the first
    /// refusal is explained (Debug logging only), so a policy that never logs one never pays for it.
    /// </summary>
    internal OriginNearMissIndex NearMissIndex =>
        System.Threading.LazyInitializer.EnsureInitialized(ref _nearMissIndex, () => new OriginNearMissIndex(AllowedOriginPairs));

    // Whether some refusal has been explained (tests: the index must not exist without Debug logging).
    internal bool HasNearMissIndex => System.Threading.Volatile.Read(ref _nearMissIndex) is not null;

    /// <summary><see cref="UrlsRegex"/> with a regex-free shortcut for the usual shapes.</summary>
    internal UrlPathMatcher UrlsMatcher { get; }

    // Regexes run on every request with an Origin: JIT them to IL once at startup (the generated
    // wiring and the translator hand over interpreted instances). Same semantics, several times
    // faster per match. Where code cannot be generated (AOT) the interpreter stays. A pattern on
    // the linear-time engine stays as it is: Compiled does not apply to that engine.
    private static Regex ForHotPath(Regex regex)
    {
        if ((regex.Options & (RegexOptions.Compiled | RegexOptions.NonBacktracking)) != 0 || !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled) return regex;
        if (regex.GetType() != typeof(Regex)) return regex; // [GeneratedRegex]: already code.
        return new Regex(regex.ToString(), regex.Options | RegexOptions.Compiled, regex.MatchTimeout);
    }

    // Python's ", ".join: order, case and duplicates kept.
    private static string Join(IReadOnlyList<string> items) => string.Join(", ", ToArray(items));

    private static T[] ToArray<T>(IReadOnlyList<T> items)
    {
        var a = new T[items.Count];
        for (int i = 0; i < a.Length; i++) a[i] = items[i];
        return a;
    }
}
