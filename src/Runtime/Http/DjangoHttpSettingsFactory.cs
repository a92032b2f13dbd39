using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DjangoSettings.Http;

/// <summary>
/// Builds <see cref="DjangoHttpSettings"/> from Django settings by name (<c>MIDDLEWARE</c>,
/// <c>ALLOWED_HOSTS</c>, <c>SECURE_*</c>, ...), as the settings compiler evaluated them. Generated
/// code calls it with the settings the file sets; the others keep Django 3.2's defaults (and
/// <c>MIDDLEWARE</c> startproject's list).
/// </summary>
public static class DjangoHttpSettingsFactory
{
    /// <summary>
    /// Builds the settings. Accepted values: a list of strings for <c>MIDDLEWARE</c>,
    /// <c>ALLOWED_HOSTS</c>, <c>SECURE_REDIRECT_EXEMPT</c> and <c>DISALLOWED_USER_AGENTS</c> (Python
    /// patterns; a leading <c>(?i)</c> is <c>re.IGNORECASE</c>, or pass <see cref="PythonPattern"/>s); bool
    /// for the flags; <c>SECURE_REFERRER_POLICY</c> as the header value (a string, as the compiler folds
    /// it) or a list (joined as Django joins one); <c>SECURE_HSTS_SECONDS</c> as a number (0: none);
    /// <c>SECURE_PROXY_SSL_HEADER</c> as a two-item list or null; the body limits as numbers or null (no
    /// limit). Keys it does not know are ignored, as Django ignores them.
    /// </summary>
    /// <exception cref="ArgumentException">A value has the wrong type; the message names the setting.</exception>
    public static DjangoHttpSettings FromSettings(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var http = new DjangoHttpSettings();
        var security = http.Security;
        var hosts = http.Hosts;
        var common = http.Common;
        var limits = http.Limits;
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "MIDDLEWARE": http = http with { Middleware = Strings(key, value) }; break;
                case "X_FRAME_OPTIONS": http = http with { XFrameOptions = Text(key, value) ?? "DENY" }; break;
                case "DEBUG": hosts = hosts with { Debug = Bool(key, value) }; break;
                case "ALLOWED_HOSTS": hosts = hosts with { AllowedHosts = Strings(key, value) }; break;
                case "USE_X_FORWARDED_HOST": hosts = hosts with { UseXForwardedHost = Bool(key, value) }; break;
                case "USE_X_FORWARDED_PORT": hosts = hosts with { UseXForwardedPort = Bool(key, value) }; break;
                case "APPEND_SLASH": common = common with { AppendSlash = Bool(key, value) }; break;
                case "PREPEND_WWW": common = common with { PrependWww = Bool(key, value) }; break;
                case "DISALLOWED_USER_AGENTS": common = common with { DisallowedUserAgents = Patterns(key, value) }; break;
                case "SECURE_CONTENT_TYPE_NOSNIFF": security = security with { ContentTypeNosniff = Bool(key, value) }; break;
                case "SECURE_REFERRER_POLICY": security = security with { ReferrerPolicy = ReferrerPolicy(key, value) }; break;
                case "SECURE_CROSS_ORIGIN_OPENER_POLICY": security = security with { CrossOriginOpenerPolicy = NullIfEmpty(Text(key, value)) }; break;
                case "SECURE_HSTS_SECONDS": security = security with { HstsSeconds = Seconds(key, value) }; break;
                case "SECURE_HSTS_INCLUDE_SUBDOMAINS": security = security with { HstsIncludeSubdomains = Bool(key, value) }; break;
                case "SECURE_HSTS_PRELOAD": security = security with { HstsPreload = Bool(key, value) }; break;
                case "SECURE_SSL_REDIRECT": security = security with { SslRedirect = Bool(key, value) }; break;
                case "SECURE_SSL_HOST": security = security with { SslHost = NullIfEmpty(Text(key, value)) }; break;
                case "SECURE_REDIRECT_EXEMPT": security = security with { RedirectExempt = Strings(key, value) }; break;
                case "SECURE_PROXY_SSL_HEADER": security = security with { ProxySslHeader = Pair(key, value) }; break;
                case "SECURE_BROWSER_XSS_FILTER": security = security with { BrowserXssFilter = Bool(key, value) }; break;
                case "DATA_UPLOAD_MAX_MEMORY_SIZE": limits = limits with { MaxMemorySize = Number(key, value) }; break;
                case "DATA_UPLOAD_MAX_NUMBER_FIELDS": limits = limits with { MaxNumberFields = Number(key, value) is { } n ? (int)Math.Min(n, int.MaxValue) : null }; break;
            }
        }
        return http with { Security = security, Hosts = hosts, Common = common, Limits = limits };
    }

    private static bool Bool(string key, object? value) => value switch
    {
        bool b => b,
        _ => throw Wrong(key, "True or False", value),
    };

    private static string? Text(string key, object? value) => value switch
    {
        null => null,
        string s => s,
        _ => throw Wrong(key, "a string", value),
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static IReadOnlyList<string> Strings(string key, object? value) => value switch
    {
        string => throw Wrong(key, "a list of strings", value),
        IEnumerable<string> items => items.ToArray(),
        _ => throw Wrong(key, "a list of strings", value),
    };

    private static IReadOnlyList<PythonPattern> Patterns(string key, object? value) => value switch
    {
        IEnumerable<PythonPattern> patterns => patterns.ToArray(),
        string => throw Wrong(key, "a list of patterns", value),
        IEnumerable<string> items => items.Select(p => new PythonPattern(p)).ToArray(),
        _ => throw Wrong(key, "a list of patterns", value),
    };

    private static string? ReferrerPolicy(string key, object? value) => value switch
    {
        null => null,
        string s => NullIfEmpty(s),
        IEnumerable<string> items => ReferrerPolicyValue.FromSequence(items.ToArray()),
        _ => throw Wrong(key, "None, a string or a list of strings", value),
    };

    // Python's str() of the number; 0 (falsy) sends no header.
    private static string? Seconds(string key, object? value) => value switch
    {
        null => null,
        int i => i == 0 ? null : i.ToString(CultureInfo.InvariantCulture),
        long l => l == 0 ? null : l.ToString(CultureInfo.InvariantCulture),
        string s => NullIfEmpty(s),
        _ => throw Wrong(key, "a number of seconds", value),
    };

    private static (string MetaKey, string Value)? Pair(string key, object? value) => value switch
    {
        null => null,
        IReadOnlyList<string> { Count: 2 } pair => (pair[0], pair[1]),
        _ => throw Wrong(key, "None or (META key, value)", value),
    };

    private static long? Number(string key, object? value) => value switch
    {
        null => null,
        int i when i >= 0 => i,
        long l when l >= 0 => l,
        _ => throw Wrong(key, "None or an integer >= 0", value),
    };

    private static ArgumentException Wrong(string key, string expected, object? value)
        => new($"{key} must be {expected}, not {value?.GetType().Name ?? "null"}.", nameof(value));
}
