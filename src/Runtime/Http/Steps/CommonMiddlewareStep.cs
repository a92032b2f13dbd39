using System;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Http;

/// <summary>
/// Django 3.2's <c>CommonMiddleware</c>, request phase, in Django's order: a
/// <c>DISALLOWED_USER_AGENTS</c> match is the 403 page; <c>get_host()</c> checks <c>ALLOWED_HOSTS</c>
/// on every request that reaches it (400 page); <c>PREPEND_WWW</c> and <c>APPEND_SLASH</c> answer a
/// 301 with a relative <c>Location</c> (absolute when a <c>www.</c> is added). Its response phase,
/// <c>Content-Length</c>, is <see cref="ContentLengthResponseBody"/>, installed by the segment.
/// The 403 and 400 are raised in the request phase, so they get no <c>Content-Length</c>, as in Django.
/// </summary>
internal sealed partial class CommonMiddlewareStep : DjangoMiddlewareStep
{
    private static readonly StringValues RedirectContentType = new("text/html; charset=utf-8");

    private readonly DjangoRequestHost _host;
    private readonly DjangoUrlResolver _resolver;
    private readonly ILogger _logger;
    private readonly DjangoCommonOptions _options;
    private readonly bool _debug;
    private readonly Regex[] _userAgents;

    /// <summary>Compiles <c>DISALLOWED_USER_AGENTS</c>.</summary>
    public CommonMiddlewareStep(DjangoCommonOptions options, bool debug, DjangoRequestHost host, DjangoUrlResolver resolver, ILogger logger)
    {
        _options = options;
        _debug = debug;
        _host = host;
        _resolver = resolver;
        _logger = logger;
        _userAgents = new Regex[options.DisallowedUserAgents.Count];
        for (int i = 0; i < _userAgents.Length; i++) _userAgents[i] = PythonPatterns.CompileForSearch(options.DisallowedUserAgents[i], "DISALLOWED_USER_AGENTS");
    }

    public override DjangoMiddlewareKind Kind => DjangoMiddlewareKind.Common;

    public override StepOutcome ProcessRequest(HttpContext context, out ReadOnlyMemory<byte> body)
    {
        body = default;
        var request = context.Request;
        if (_userAgents.Length != 0 && request.Headers.UserAgent is { Count: > 0 } agent && IsDisallowed(agent.ToString()))
        {
            // PermissionDenied('Forbidden user agent'), raised before the host is looked at.
            LogForbiddenAgent(_logger, agent.ToString());
            body = DjangoErrorPage.Prepare(context, StatusCodes.Status403Forbidden);
            return StepOutcome.Raised;
        }

        if (!_host.TryGetHost(request, out string host))
        {
            // Django's message, built only when the warning is written (a flood of bad hosts with
            // warnings off then allocates nothing).
            if (_logger.IsEnabled(LogLevel.Warning)) LogDisallowedHost(_logger, new DisallowedHostException(host).Message);
            body = DjangoErrorPage.Prepare(context, StatusCodes.Status400BadRequest);
            return StepOutcome.Raised;
        }

        bool prependWww = _options.PrependWww && host.Length != 0 && !host.StartsWith("www.", StringComparison.Ordinal);
        bool appendSlash = _options.AppendSlash && ShouldRedirectWithSlash(request);
        if (!prependWww && !appendSlash) return StepOutcome.Continue;

        string path = appendSlash ? FullPathWithSlash(request, host) : DjangoUrl.FullPath(request);
        string location = prependWww ? _host.Scheme(request) + "://www." + host + path : path;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status301MovedPermanently;
        response.Headers.ContentType = RedirectContentType;
        response.Headers.Location = DjangoUrl.IriToUri(location);
        // This middleware's own response phase runs on its redirect: an empty body, length 0.
        response.ContentLength = 0;
        return StepOutcome.Responded;
    }

    // should_redirect_with_slash: the path does not end in "/", does not resolve (routing has run:
    // no endpoint), and path + "/" resolves to a view that allows it (@no_append_slash).
    private bool ShouldRedirectWithSlash(HttpRequest request)
    {
        string path = request.Path.Value is { Length: > 0 } p ? p : "/";
        if (path[path.Length - 1] == '/') return false;
        var endpoint = EndpointOf.Get(request.HttpContext);
        // Routing's 405 stands for endpoints it matched ignoring Django's rules (a trailing slash):
        // whether the path itself resolves is asked again, with them.
        if (endpoint is not null && (!DjangoRoutingMatcherPolicy.IsMethodNotAllowed(endpoint) || _resolver.Resolve(path) is not null)) return false;
        var target = _resolver.Resolve(path + "/");
        return target is not null && target.Metadata.GetMetadata<NoAppendSlashAttribute>() is null;
    }

    // get_full_path_with_slash: with DEBUG a POST, PUT or PATCH cannot be redirected without losing
    // its body, and Django says so with a RuntimeError (a 500).
    private string FullPathWithSlash(HttpRequest request, string host)
    {
        string path = DjangoUrl.FullPathWithSlash(request);
        if (_debug && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            throw new InvalidOperationException(
                $"You called this URL via {request.Method}, but the URL doesn't end in a slash and you have APPEND_SLASH set. " +
                $"Django can't redirect to the slash URL while maintaining {request.Method} data. Change your form to point to {host}{path} " +
                "(note the trailing slash), or set APPEND_SLASH=False in your Django settings.");
        }
        return path;
    }

    private bool IsDisallowed(string userAgent)
    {
        foreach (var regex in _userAgents)
        {
            try
            {
                if (regex.IsMatch(userAgent)) return true;
            }
            catch (RegexMatchTimeoutException)
            {
                LogRegexTimeout(_logger, regex.ToString(), userAgent.Length);
            }
        }
        return false;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogDisallowedHost(ILogger logger, string message);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Forbidden (Forbidden user agent): User-Agent {UserAgent}")]
    private static partial void LogForbiddenAgent(ILogger logger, string userAgent);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "DISALLOWED_USER_AGENTS pattern {Pattern} timed out on a {Length}-character User-Agent; treated as no match")]
    private static partial void LogRegexTimeout(ILogger logger, string pattern, int length);
}
