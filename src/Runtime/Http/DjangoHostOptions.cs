using System;
using System.Collections.Generic;

namespace DjangoSettings.Http;

/// <summary>
/// What <c>HttpRequest.get_host()</c> reads: <c>ALLOWED_HOSTS</c>, <c>DEBUG</c> (its localhost
/// defaults), <c>USE_X_FORWARDED_HOST</c> and <c>USE_X_FORWARDED_PORT</c>.
/// </summary>
public sealed record DjangoHostOptions
{
    /// <summary><c>ALLOWED_HOSTS</c>: <c>*</c>, exact names, <c>.example.com</c> for a domain and its subdomains.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = Array.Empty<string>();

    /// <summary><c>DEBUG</c>: with an empty <see cref="AllowedHosts"/>, <c>.localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c> are allowed.</summary>
    public bool Debug { get; init; }

    /// <summary><c>USE_X_FORWARDED_HOST</c>: the whole <c>X-Forwarded-Host</c> value replaces <c>Host</c>.</summary>
    public bool UseXForwardedHost { get; init; }

    /// <summary><c>USE_X_FORWARDED_PORT</c>: <c>X-Forwarded-Port</c>, used only when the request has no host at all.</summary>
    public bool UseXForwardedPort { get; init; }

    /// <summary>The list <c>get_host()</c> validates against (DEBUG's defaults when the setting is empty).</summary>
    public IReadOnlyList<string> EffectiveAllowedHosts => Debug && AllowedHosts.Count == 0 ? DebugDefaults : AllowedHosts;

    private static readonly string[] DebugDefaults = { ".localhost", "127.0.0.1", "[::1]" };
}
