using System;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>SecurityMiddleware</c>. Request phase: with <c>SECURE_SSL_REDIRECT</c>, a 301 from
/// http to <c>https://host/path</c> (host and port as the request gave them, or
/// <c>SECURE_SSL_HOST</c>) unless <c>SECURE_REDIRECT_EXEMPT</c> matches. Response phase (every
/// response that passes back through it, redirects and error pages included):
/// <c>Strict-Transport-Security</c> on secure requests, <c>X-Content-Type-Options</c>,
/// <c>Referrer-Policy</c>, <c>Cross-Origin-Opener-Policy</c>, each only when absent. Unlike
/// <c>UseHsts</c>/<c>UseHttpsRedirection</c>: HSTS for every host (localhost included), a 301 that
/// keeps the request's port, and "secure" as <c>SECURE_PROXY_SSL_HEADER</c> says, from any client.
/// </summary>
internal sealed partial class SecurityMiddlewareStep : DjangoMiddlewareStep
{
    private static readonly StringValues Nosniff = new("nosniff");
    private static readonly StringValues XssBlock = new("1; mode=block");
    private static readonly StringValues RedirectContentType = new("text/html; charset=utf-8");

    private readonly DjangoRequestHost _host;
    private readonly ILogger _logger;
    private readonly DjangoSecurityOptions _options;
    private readonly StringValues _hsts;
    private readonly StringValues _referrerPolicy;
    private readonly StringValues _coop;
    private readonly Regex[] _exempt;
    private readonly bool _anyHeader;

    /// <summary>Compiles <c>SECURE_REDIRECT_EXEMPT</c> (a pattern that does not translate fails here, with its text).</summary>
    public SecurityMiddlewareStep(DjangoSecurityOptions options, DjangoRequestHost host, ILogger logger)
    {
        _options = options;
        _host = host;
        _logger = logger;
        _hsts = options.HstsHeaderValue is { } hsts ? new StringValues(hsts) : StringValues.Empty;
        _referrerPolicy = string.IsNullOrEmpty(options.ReferrerPolicy) ? StringValues.Empty : new StringValues(options.ReferrerPolicy);
        _coop = string.IsNullOrEmpty(options.CrossOriginOpenerPolicy) ? StringValues.Empty : new StringValues(options.CrossOriginOpenerPolicy);
        _exempt = new Regex[options.RedirectExempt.Count];
        for (int i = 0; i < _exempt.Length; i++) _exempt[i] = PythonPatterns.CompileForSearch(new PythonPattern(options.RedirectExempt[i]), "SECURE_REDIRECT_EXEMPT");
        _anyHeader = _hsts.Count != 0 || options.ContentTypeNosniff || _referrerPolicy.Count != 0 || _coop.Count != 0 || options.BrowserXssFilter;
    }

    public override DjangoMiddlewareKind Kind => DjangoMiddlewareKind.Security;

    public override bool HasResponsePhase => _anyHeader;

    public override StepOutcome ProcessRequest(HttpContext context, out ReadOnlyMemory<byte> body)
    {
        body = default;
        if (!_options.SslRedirect || _host.IsSecure(context.Request)) return StepOutcome.Continue;
        var request = context.Request;
        if (IsExempt(DjangoUrl.Path(request).AsSpan().TrimStart('/'))) return StepOutcome.Continue;

        string host;
        if (!string.IsNullOrEmpty(_options.SslHost))
        {
            host = _options.SslHost;
        }
        else if (!_host.TryGetHost(request, out host))
        {
            // DisallowedHost raised in this request phase: this entry's response phase does not run.
            if (_logger.IsEnabled(LogLevel.Warning)) LogDisallowedHost(_logger, new DisallowedHostException(host).Message);
            body = DjangoErrorPage.Prepare(context, StatusCodes.Status400BadRequest);
            return StepOutcome.Raised;
        }
        var response = context.Response;
        response.StatusCode = StatusCodes.Status301MovedPermanently;
        response.Headers.ContentType = RedirectContentType;
        response.Headers.Location = DjangoUrl.IriToUri("https://" + host + DjangoUrl.FullPath(request));
        return StepOutcome.Responded;
    }

    // Django's process_response: each header set only when the response does not have it yet. The
    // typed properties of the headers Kestrel knows are a field read there (ContainsKey with a
    // name compares strings first); Referrer-Policy and Cross-Origin-Opener-Policy are not known
    // headers, so they are looked up by name.
    public override void ProcessResponse(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (_hsts.Count != 0 && headers.StrictTransportSecurity.Count == 0 && _host.IsSecure(context.Request))
        {
            headers.StrictTransportSecurity = _hsts;
        }
        if (_options.ContentTypeNosniff && headers.XContentTypeOptions.Count == 0) headers.XContentTypeOptions = Nosniff;
        if (_options.BrowserXssFilter && headers.XXSSProtection.Count == 0) headers.XXSSProtection = XssBlock;
        if (_referrerPolicy.Count != 0 && !headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = _referrerPolicy;
        if (_coop.Count != 0 && !headers.ContainsKey("Cross-Origin-Opener-Policy")) headers["Cross-Origin-Opener-Policy"] = _coop;
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

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogDisallowedHost(ILogger logger, string message);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "SECURE_REDIRECT_EXEMPT pattern {Pattern} timed out on a {Length}-character path; treated as no match")]
    private static partial void LogRegexTimeout(ILogger logger, string pattern, int length);
}
