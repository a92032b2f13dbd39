using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DjangoSettings.Cors;

/// <summary>
/// django-cors-headers 4.x <c>CorsMiddleware</c> for ASP.NET Core. Pre-phase: decide whether CORS
/// is enabled for the path (<c>CORS_URLS_REGEX</c> with <c>re.match</c>, else the
/// <see cref="ICorsRequestEnabledCheck"/>s) and answer a preflight (OPTIONS carrying
/// Access-Control-Request-Method) with 200, an empty body and the CORS headers, before routing,
/// authentication or anything else. Post-phase: add <c>Vary: origin</c> and, for an allowed Origin,
/// the CORS headers to whatever response comes back, including 404s and the 500 produced by an
/// exception handler (headers are written in <see cref="HttpResponse.OnStarting(Func{object, Task}, object)"/>).
/// Place it first: <c>app.UseDjangoCors()</c> before exception handling, routing and auth.
/// </summary>
public sealed partial class DjangoCorsMiddleware
{
    private const string PrivateNetworkRequestHeader = "Access-Control-Request-Private-Network";
    // 4.x writes every name in lower case; HTTP/1.1 Kestrel still prints its own spelling for the
    // headers it knows (all but this one), which is the same header to every client.
    private const string PrivateNetworkResponseHeader = "access-control-allow-private-network";

    private static readonly StringValues Star = new("*");
    private static readonly StringValues True = new("true");
    private static readonly StringValues OriginToken = new("origin");
    private static readonly StringValues PreflightContentType = new("text/html; charset=utf-8");

    private readonly RequestDelegate _next;
    private readonly DjangoCorsPolicy _policy;
    private readonly ICorsRequestEnabledCheck[] _checks;
    private readonly ILogger _logger;
    // Bound once to this instance: the per-request OnStarting registration passes the context as
    // its state, so nothing is allocated per request to carry the decision to the callback.
    private readonly Func<object, Task> _applyOnStarting;
    // Set once this middleware has judged some request not CORS-enabled; until then no request
    // can carry the NotEnabledMarker, and the enabled path skips looking for it.
    private volatile bool _everNotEnabled;

    /// <summary>Created once by the pipeline; logs a one-line summary of the compiled policy.</summary>
    public DjangoCorsMiddleware(RequestDelegate next, DjangoCorsPolicy policy, IEnumerable<ICorsRequestEnabledCheck> checks, ILogger<DjangoCorsMiddleware> logger)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _checks = new List<ICorsRequestEnabledCheck>(checks ?? Array.Empty<ICorsRequestEnabledCheck>()).ToArray();
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _applyOnStarting = OnStarting;
        LogPolicy(_logger, policy.AllowAllOrigins, policy.AllowCredentials, policy.AllowedOrigins.Count,
            policy.OriginPairMatcher is null ? "frozen set" : "compiled", policy.OriginRegexes.Count, policy.UrlsRegexPattern,
            policy.AllowPrivateNetwork, policy.MaxAgeValue.Count == 0 ? "none" : policy.MaxAgeValue.ToString(), _checks.Length);
    }

    /// <summary>Runs the pre-phase, then the rest of the pipeline (unless it answered a preflight).</summary>
    /// <remarks>
    /// Django stores the pre-phase decision on the request (<c>request._cors_enabled</c>) for its
    /// post-phase. Here the OnStarting registration is that record: it exists only for an enabled
    /// request, so an enabled request touches no feature at all (a feature write costs a
    /// dictionary insert and makes HttpContext re-fetch every cached feature; profiled as half the
    /// middleware's time). Only a request judged not enabled is marked, because it is the one
    /// decision a re-execution (UseExceptionHandler or status-code pages placed before this
    /// middleware) could otherwise overturn for the new path. An enabled request re-executed
    /// registers the same idempotent callback again: Vary already holds the token, the rest is
    /// set, not appended.
    /// </remarks>
    public Task InvokeAsync(HttpContext context)
    {
        if (!ComputeEnabled(context))
        {
            _everNotEnabled = true;
            context.Features.Set(NotEnabledMarker.Instance);
            return _next(context);
        }
        if (_everNotEnabled && context.Features.Get<NotEnabledMarker>() is not null)
        {
            // A re-execution of a request first judged not enabled: that decision stands.
            return _next(context);
        }

        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            // Preflight: answered here, whatever the Origin, path or endpoint; never validated.
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentLength = 0;
            response.Headers.ContentType = PreflightContentType;
            WriteHeaders(context);
            return Task.CompletedTask;
        }

        context.Response.OnStarting(_applyOnStarting, context);
        return _next(context);
    }

    // Registered for enabled requests only: Django's add_response_headers past its enabled test.
    private Task OnStarting(object state)
    {
        WriteHeaders((HttpContext)state);
        return Task.CompletedTask;
    }

    // The headers of an enabled request: Vary always, the CORS headers for an allowed Origin.
    private void WriteHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        PatchVary(headers);

        string? origin = ReadOrigin(context.Request.Headers.Origin);
        if (string.IsNullOrEmpty(origin)) return;

        // An Origin spelled exactly as a configured one splits as that one did at startup, so its
        // (scheme, netloc) pair is listed: the usual allowed request skips urlsplit and the lookup.
        if (!_policy.IsConfiguredOrigin(origin))
        {
            if (!PythonUrlSplit.TrySplit(origin, out var split))
            {
                if (_logger.IsEnabled(LogLevel.Debug)) LogRefused(_logger, origin, context.Request.Path.Value ?? "", "Python's urlsplit raises ValueError on it (bad brackets or host)");
                return;
            }

            if (!_policy.AllowAllOrigins && !FoundInLists(origin, split) && !AnyCheck(context))
            {
                if (_logger.IsEnabled(LogLevel.Debug)) LogRefused(_logger, origin, context.Request.Path.Value ?? "", OriginNearMiss.Describe(_policy, origin, split));
                return;
            }
        }

        bool star = _policy.AllowAllOrigins && !_policy.AllowCredentials;
        if (!star && !IsWritableHeaderValue(origin))
        {
            // Django would echo it (Latin-1) or fail with BadHeaderError (CR/LF): a 500. Kestrel
            // refuses to write control or non-ASCII characters, so echoing would also be a 500.
            // No browser sends such an Origin; refusing it is the only answer that is not an error.
            if (_logger.IsEnabled(LogLevel.Debug)) LogRefused(_logger, origin, context.Request.Path.Value ?? "", "it holds control or non-ASCII characters that cannot be echoed in a response header");
            return;
        }

        headers.AccessControlAllowOrigin = star ? Star : new StringValues(origin);
        if (_policy.AllowCredentials) headers.AccessControlAllowCredentials = True;
        if (_policy.ExposeHeadersValue.Count != 0) headers.AccessControlExposeHeaders = _policy.ExposeHeadersValue;

        if (HttpMethods.IsOptions(context.Request.Method))
        {
            headers.AccessControlAllowHeaders = _policy.AllowHeadersValue;
            headers.AccessControlAllowMethods = _policy.AllowMethodsValue;
            if (_policy.MaxAgeValue.Count != 0) headers.AccessControlMaxAge = _policy.MaxAgeValue;
        }

        if (_policy.AllowPrivateNetwork)
        {
            var pn = context.Request.Headers[PrivateNetworkRequestHeader];
            if (pn.Count == 1 && string.Equals(pn[0], "true", StringComparison.Ordinal)) headers[PrivateNetworkResponseHeader] = True;
        }
    }

    private bool ComputeEnabled(HttpContext context) => UrlEnabled(context) || AnyCheck(context);

    private bool UrlEnabled(HttpContext context)
    {
        string path = PathInfo.Of(context.Request);
        try
        {
            return _policy.UrlsMatcher.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            LogRegexTimeout(_logger, "CORS_URLS_REGEX", _policy.UrlsRegexPattern, path.Length);
            return false;
        }
    }

    private bool AnyCheck(HttpContext context)
    {
        foreach (var check in _checks)
        {
            if (check.IsEnabled(context)) return true;
        }
        return false;
    }

    // Django's origin_found_in_white_lists: the "null" special case, the (scheme, netloc) pair,
    // then every regex with re.match on the raw header value.
    private bool FoundInLists(string origin, in UrlSplitResult split)
    {
        if (_policy.NullInAllowedOrigins && origin == "null") return true;

        var netloc = split.Source.AsSpan(split.NetlocStart, split.NetlocLength);
        var rawScheme = split.Source.AsSpan(split.SchemeStart, split.SchemeLength);
        bool pair;
        if (!split.SchemeHasUpper)
        {
            pair = _policy.MatchesPair(rawScheme, netloc);
        }
        else if (rawScheme.Length <= 64)
        {
            Span<char> lower = stackalloc char[rawScheme.Length];
            rawScheme.ToLowerInvariant(lower);
            pair = _policy.MatchesPair(lower, netloc);
        }
        else
        {
            pair = _policy.MatchesPair(split.Scheme, netloc);
        }
        if (pair) return true;

        var regexes = _policy.OriginRegexArray;
        for (int i = 0; i < regexes.Length; i++)
        {
            try
            {
                if (regexes[i].IsMatch(origin)) return true;
            }
            catch (RegexMatchTimeoutException)
            {
                // A hostile Origin against a backtracking pattern: no match, never a 500 or a hang.
                LogRegexTimeout(_logger, "CORS_ALLOWED_ORIGIN_REGEXES", _policy.OriginRegexPatterns[i], origin.Length);
            }
        }
        return false;
    }

    // Visible ASCII, space and tab: what Kestrel writes in a header value by default.
    private static bool IsWritableHeaderValue(string value)
    {
        foreach (char c in value)
        {
            if ((c < 0x20 && c != '\t') || c > 0x7E) return false;
        }
        return true;
    }

    // Several Origin fields arrive joined with ',' from a WSGI server; StringValues does the same.
    private static string? ReadOrigin(StringValues values) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => values.ToString(),
    };

    // django.utils.cache.patch_vary_headers(response, ("origin",)): split on \s*,\s*, keep order,
    // add the token unless present case-insensitively, collapse to "*" if a "*" token exists.
    internal static void PatchVary(IHeaderDictionary headers)
    {
        var existing = headers.Vary;
        if (existing.Count == 0)
        {
            headers.Vary = OriginToken;
            return;
        }
        string value = existing.Count == 1 ? existing[0] ?? "" : string.Join(",", existing.ToArray());
        if (string.Equals(value, "origin", StringComparison.Ordinal)) return;
        var tokens = SplitVary(value);
        bool present = false, star = false;
        foreach (string t in tokens)
        {
            if (string.Equals(t, "origin", StringComparison.OrdinalIgnoreCase)) present = true;
            if (t == "*") star = true;
        }
        if (!present) tokens.Add("origin");
        headers.Vary = star ? Star : new StringValues(string.Join(", ", tokens));
    }

    private static List<string> SplitVary(string value)
    {
        var tokens = new List<string>(4);
        int start = 0;
        while (true)
        {
            int comma = value.IndexOf(',', start);
            if (comma < 0)
            {
                tokens.Add(value.Substring(start));
                return tokens;
            }
            int end = comma;
            while (end > start && char.IsWhiteSpace(value[end - 1])) end--;
            tokens.Add(value.Substring(start, end - start));
            start = comma + 1;
            while (start < value.Length && char.IsWhiteSpace(value[start])) start++;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "django-cors-headers 4.x policy: allow-all {AllowAll}, credentials {Credentials}, {OriginCount} origins ({Matcher}), {RegexCount} origin regexes, URLs regex {UrlsRegex}, private network {PrivateNetwork}, max age {MaxAge}, {CheckCount} request-enabled checks")]
    private static partial void LogPolicy(ILogger logger, bool allowAll, bool credentials, int originCount, string matcher, int regexCount, string urlsRegex, bool privateNetwork, string maxAge, int checkCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "CORS: Origin {Origin} refused for {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string origin, string path, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "CORS: {Setting} pattern {Pattern} timed out on a {Length}-character input; treated as no match")]
    private static partial void LogRegexTimeout(ILogger logger, string setting, string pattern, int length);

    // Marks a request this middleware judged not CORS-enabled; carries no data, so one instance serves all.
    private sealed class NotEnabledMarker
    {
        public static readonly NotEnabledMarker Instance = new();
    }
}
