using System;
using System.Collections.Generic;

namespace DjangoSettings.Http;

/// <summary>
/// <c>django.middleware.security.SecurityMiddleware</c>'s settings, as values the middleware uses
/// directly (header values already formatted the way Django formats them). Built by generated code
/// from <c>SECURE_*</c>; <see cref="Django32Defaults"/> is Django 3.2's <c>global_settings</c>.
/// </summary>
public sealed record DjangoSecurityOptions
{
    /// <summary>Django 3.2's defaults: nosniff on, <c>Referrer-Policy: same-origin</c>, nothing else.</summary>
    public static DjangoSecurityOptions Django32Defaults { get; } = new();

    /// <summary><c>SECURE_CONTENT_TYPE_NOSNIFF</c> (default true): <c>X-Content-Type-Options: nosniff</c>.</summary>
    public bool ContentTypeNosniff { get; init; } = true;

    /// <summary>
    /// The <c>Referrer-Policy</c> value, or null for none. Build it with
    /// <see cref="ReferrerPolicyValue"/> from <c>SECURE_REFERRER_POLICY</c> (default <c>same-origin</c>).
    /// </summary>
    public string? ReferrerPolicy { get; init; } = "same-origin";

    /// <summary>
    /// <c>SECURE_CROSS_ORIGIN_OPENER_POLICY</c> (Django 4.0+; <c>same-origin</c> there by default), or
    /// null for no <c>Cross-Origin-Opener-Policy</c> header (Django 3.2 has no such setting).
    /// </summary>
    public string? CrossOriginOpenerPolicy { get; init; }

    /// <summary>
    /// <c>SECURE_HSTS_SECONDS</c> as Python's <c>str()</c> prints it (<c>3600</c>, <c>3600.0</c>), or
    /// null when falsy (no <c>Strict-Transport-Security</c>).
    /// </summary>
    public string? HstsSeconds { get; init; }

    /// <summary><c>SECURE_HSTS_INCLUDE_SUBDOMAINS</c>.</summary>
    public bool HstsIncludeSubdomains { get; init; }

    /// <summary><c>SECURE_HSTS_PRELOAD</c> (appended even without includeSubDomains, as Django does).</summary>
    public bool HstsPreload { get; init; }

    /// <summary><c>SECURE_SSL_REDIRECT</c>: 301 from http to https.</summary>
    public bool SslRedirect { get; init; }

    /// <summary><c>SECURE_SSL_HOST</c>: the redirect's host when set (then the request's host is not validated).</summary>
    public string? SslHost { get; init; }

    /// <summary><c>SECURE_REDIRECT_EXEMPT</c>: Python patterns searched (<c>re.search</c>) in the path without its leading slashes.</summary>
    public IReadOnlyList<string> RedirectExempt { get; init; } = Array.Empty<string>();

    /// <summary>
    /// <c>SECURE_PROXY_SSL_HEADER</c> as (META key, value), e.g. <c>("HTTP_X_FORWARDED_PROTO", "https")</c>:
    /// the request is secure when that header equals the value exactly. Trusted from any client, as in Django.
    /// </summary>
    public (string MetaKey, string Value)? ProxySslHeader { get; init; }

    /// <summary><c>SECURE_BROWSER_XSS_FILTER</c> (Django 3.2 only; removed in 4.0): <c>X-XSS-Protection: 1; mode=block</c>.</summary>
    public bool BrowserXssFilter { get; init; }

    /// <summary>The <c>Strict-Transport-Security</c> value, or null.</summary>
    public string? HstsHeaderValue => HstsSeconds is null
        ? null
        : "max-age=" + HstsSeconds + (HstsIncludeSubdomains ? "; includeSubDomains" : "") + (HstsPreload ? "; preload" : "");
}
