using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>request.get_host()</c>, <c>is_secure()</c> and <c>scheme</c> for an ASP.NET Core
/// request. Registered as a singleton by <c>AddDjangoHttp</c>; views that build absolute URLs (as
/// DRF pagination does) call <see cref="GetHost"/> so the host is checked exactly where Django checks it.
/// </summary>
public sealed class DjangoRequestHost
{
    private readonly DjangoHostOptions _hosts;
    private readonly string[] _allowed;
    private readonly string? _proxyHeader;
    private readonly string? _proxyValue;

    /// <summary>Creates the service from the host options and <c>SECURE_PROXY_SSL_HEADER</c>.</summary>
    public DjangoRequestHost(DjangoHostOptions hosts, DjangoSecurityOptions security)
    {
        _hosts = hosts ?? throw new ArgumentNullException(nameof(hosts));
        ArgumentNullException.ThrowIfNull(security);
        _allowed = [.. hosts.EffectiveAllowedHosts];
        if (security.ProxySslHeader is var (metaKey, value))
        {
            _proxyHeader = MetaKey.ToHeaderName(metaKey);
            _proxyValue = value;
        }
    }

    /// <summary>
    /// <c>request.is_secure()</c>: with <c>SECURE_PROXY_SSL_HEADER</c> and that header present, whether
    /// its whole value equals the configured one (Django 3.2: <c>HTTPS</c> or <c>https, http</c> are not
    /// secure); otherwise whether the connection itself is HTTPS.
    /// </summary>
    public bool IsSecure(HttpRequest request)
    {
        if (_proxyHeader is not null)
        {
            var values = request.Headers[_proxyHeader];
            if (values.Count == 1) return string.Equals(values[0], _proxyValue, StringComparison.Ordinal);
            // Repeated fields reach Django joined with "," by the WSGI server.
            if (values.Count > 1) return string.Equals(string.Join(",", values.ToArray()), _proxyValue, StringComparison.Ordinal);
        }
        return request.IsHttps;
    }

    /// <summary><c>request.scheme</c>: <c>https</c> or <c>http</c> by <see cref="IsSecure"/>.</summary>
    public string Scheme(HttpRequest request) => IsSecure(request) ? "https" : "http";

    /// <summary>
    /// <c>request._get_raw_host()</c>: the whole <c>X-Forwarded-Host</c> value (with
    /// <c>USE_X_FORWARDED_HOST</c>), else <c>Host</c>, else the server's address and port
    /// (<c>X-Forwarded-Port</c> with <c>USE_X_FORWARDED_PORT</c>) without the scheme's default port.
    /// </summary>
    public string GetRawHost(HttpRequest request)
    {
        var headers = request.Headers;
        if (_hosts.UseXForwardedHost)
        {
            var forwarded = headers["X-Forwarded-Host"];
            if (forwarded.Count > 0) return Joined(forwarded);
        }
        var host = headers.Host;
        if (host.Count > 0 && !string.IsNullOrEmpty(host[0])) return Joined(host);

        // SERVER_NAME + SERVER_PORT; only HTTP/1.0 requests without Host get here.
        var connection = request.HttpContext.Connection;
        string name = connection.LocalIpAddress?.ToString() ?? "localhost";
        string port = connection.LocalPort.ToString(CultureInfo.InvariantCulture);
        if (_hosts.UseXForwardedPort && headers["X-Forwarded-Port"] is { Count: > 0 } xfp) port = Joined(xfp);
        bool secure = IsSecure(request);
        return (secure && port == "443") || (!secure && port == "80") ? name : name + ":" + port;
    }

    /// <summary>
    /// <c>request.get_host()</c>: the raw host (original case, port and trailing dot) when its domain
    /// is in <c>ALLOWED_HOSTS</c>; otherwise false (Django raises <c>DisallowedHost</c>, a 400).
    /// </summary>
    public bool TryGetHost(HttpRequest request, out string host)
    {
        host = GetRawHost(request);
        return HostValidation.IsValid(host, _allowed);
    }

    /// <summary><see cref="TryGetHost"/> that throws <see cref="DisallowedHostException"/> (a 400 page at the view boundary).</summary>
    public string GetHost(HttpRequest request)
    {
        if (TryGetHost(request, out string host)) return host;
        throw new DisallowedHostException(host);
    }

    /// <summary>
    /// <c>request.build_absolute_uri()</c> for the request's own path: scheme, validated host and
    /// <see cref="DjangoUrl.FullPath"/>. Throws <see cref="DisallowedHostException"/> for a bad host.
    /// </summary>
    public string BuildAbsoluteUri(HttpRequest request) => Scheme(request) + "://" + GetHost(request) + DjangoUrl.FullPath(request);

    private static string Joined(StringValues values) => values.Count == 1 ? values[0] ?? "" : string.Join(",", values.ToArray());
}
