using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>SecurityMiddleware</c>. Request phase: with <c>SECURE_SSL_REDIRECT</c>, a 301 from
/// http to <c>https://host/path</c> (host and port as the request gave them, or
/// <c>SECURE_SSL_HOST</c>) unless <c>SECURE_REDIRECT_EXEMPT</c> matches. Response phase (for every
/// response that passes back through it, redirects and error pages included):
/// <c>Strict-Transport-Security</c> on secure requests, <c>X-Content-Type-Options</c>,
/// <c>Referrer-Policy</c>, <c>Cross-Origin-Opener-Policy</c>, each only when absent. Unlike
/// <c>UseHsts</c>/<c>UseHttpsRedirection</c>: HSTS for every host (localhost included), a 301 that
/// keeps the request's port, and "secure" as <c>SECURE_PROXY_SSL_HEADER</c> says, from any client.
/// </summary>
public sealed partial class DjangoSecurityMiddleware
{
    private static readonly StringValues Nosniff = new("nosniff");
    private static readonly StringValues XssBlock = new("1; mode=block");
    private static readonly StringValues RedirectContentType = new("text/html; charset=utf-8");

    private readonly RequestDelegate _next;
    private readonly DjangoRequestHost _host;
    private readonly ILogger _logger;
    private readonly DjangoSecurityOptions _options;
    private readonly StringValues _hsts;
    private readonly StringValues _referrerPolicy;
    private readonly StringValues _coop;
    private readonly Regex[] _exempt;
    private readonly bool _anyHeader;
    private readonly Func<object, Task> _responsePhase;

    /// <summary>Created once by the pipeline; compiles <c>SECURE_REDIRECT_EXEMPT</c> (a pattern that does not translate fails here, with its text).</summary>
    public DjangoSecurityMiddleware(RequestDelegate next, DjangoHttpSettings settings, DjangoRequestHost host, ILogger<DjangoSecurityMiddleware> logger)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        ArgumentNullException.ThrowIfNull(settings);
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = settings.Security;
        _hsts = _options.HstsHeaderValue is { } hsts ? new StringValues(hsts) : StringValues.Empty;
        _referrerPolicy = string.IsNullOrEmpty(_options.ReferrerPolicy) ? StringValues.Empty : new StringValues(_options.ReferrerPolicy);
        _coop = string.IsNullOrEmpty(_options.CrossOriginOpenerPolicy) ? StringValues.Empty : new StringValues(_options.CrossOriginOpenerPolicy);
        _exempt = new Regex[_options.RedirectExempt.Count];
        for (int i = 0; i < _exempt.Length; i++) _exempt[i] = PythonPatterns.CompileForSearch(new PythonPattern(_options.RedirectExempt[i]), "SECURE_REDIRECT_EXEMPT");
        _anyHeader = _hsts.Count != 0 || _options.ContentTypeNosniff || _referrerPolicy.Count != 0 || _coop.Count != 0 || _options.BrowserXssFilter;
        _responsePhase = ResponsePhase;
    }

    /// <summary>The request phase (the HTTPS redirect), then the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (_options.SslRedirect && !_host.IsSecure(context.Request))
        {
            var request = context.Request;
            ReadOnlySpan<char> path = DjangoUrl.Path(request).AsSpan().TrimStart('/');
            if (!IsExempt(path))
            {
                string host;
                if (!string.IsNullOrEmpty(_options.SslHost))
                {
                    host = _options.SslHost;
                }
                else if (!_host.TryGetHost(request, out host))
                {
                    // DisallowedHost raised in this middleware's request phase: its own response
                    // phase does not run on the 400 (only the phases of middleware listed before it).
                    LogDisallowedHost(_logger, new DisallowedHostException(host).Message);
                    return DjangoErrorPage.WriteAsync(context, StatusCodes.Status400BadRequest);
                }
                if (_anyHeader) context.Response.OnStarting(_responsePhase, context);
                var response = context.Response;
                response.StatusCode = StatusCodes.Status301MovedPermanently;
                response.Headers.ContentType = RedirectContentType;
                response.Headers.Location = DjangoUrl.IriToUri("https://" + host + DjangoUrl.FullPath(request));
                return Task.CompletedTask;
            }
        }
        if (_anyHeader) context.Response.OnStarting(_responsePhase, context);
        return _next(context);
    }

    private bool IsExempt(ReadOnlySpan<char> path)
    {
        foreach (var regex in _exempt)
        {
            try
            {
                if (regex.IsMatch(path)) return true;
            }
            catch (RegexMatchTimeoutException)
            {
                LogRegexTimeout(_logger, regex.ToString(), path.Length);
            }
        }
        return false;
    }

    // Django's process_response: each header set only when the response does not have it yet.
    private Task ResponsePhase(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        if (_hsts.Count != 0 && !headers.ContainsKey("Strict-Transport-Security") && _host.IsSecure(context.Request))
        {
            headers.StrictTransportSecurity = _hsts;
        }
        if (_options.ContentTypeNosniff && !headers.ContainsKey("X-Content-Type-Options")) headers.XContentTypeOptions = Nosniff;
        if (_options.BrowserXssFilter && !headers.ContainsKey("X-XSS-Protection")) headers.XXSSProtection = XssBlock;
        if (_referrerPolicy.Count != 0 && !headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = _referrerPolicy;
        if (_coop.Count != 0 && !headers.ContainsKey("Cross-Origin-Opener-Policy")) headers["Cross-Origin-Opener-Policy"] = _coop;
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogDisallowedHost(ILogger logger, string message);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "SECURE_REDIRECT_EXEMPT pattern {Pattern} timed out on a {Length}-character path; treated as no match")]
    private static partial void LogRegexTimeout(ILogger logger, string pattern, int length);
}
