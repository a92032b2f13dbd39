using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace DjangoSettings.Benchmarks.Cors;

/// <summary>
/// The configurations both middlewares are given, written once as Django settings and once as the
/// <see cref="CorsPolicy"/> a .NET developer would write to get the same allow/refuse decisions
/// and the same response headers (see docs/benchmarks.notes.md for what differs by design).
/// </summary>
internal static class CorsScenario
{
    /// <summary>The two listed origins of the main configuration.</summary>
    public static readonly string[] ListedOrigins = ["https://app.example.com", "http://localhost:3000"];

    /// <summary>CORS_ALLOWED_ORIGIN_REGEXES of the main configuration (Python syntax, no .NET-only constructs).</summary>
    public const string OriginRegex = @"^https://\w+\.example\.org$";

    /// <summary>django-cors-headers' default CORS_ALLOW_METHODS.</summary>
    public static readonly string[] Methods = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"];

    /// <summary>django-cors-headers 4.x default CORS_ALLOW_HEADERS.</summary>
    public static readonly string[] Headers = ["accept", "authorization", "content-type", "user-agent", "x-csrftoken", "x-requested-with"];

    /// <summary>The 1,000 listed origins of the large configuration.</summary>
    public static readonly string[] ThousandOrigins = Enumerable.Range(0, 1000).Select(i => $"https://app{i}.example.com").ToArray();

    /// <summary>Main Django settings: two origins, one regex, credentials, defaults otherwise.</summary>
    public static DjangoSettings.Cors.DjangoCorsSettings Django(bool thousand) => new()
    {
        AllowedOrigins = thousand ? ThousandOrigins : ListedOrigins,
        AllowedOriginRegexes = thousand ? Array.Empty<string>() : [OriginRegex],
        AllowCredentials = true,
        AllowMethods = Methods,
        AllowHeaders = Headers,
        PreflightMaxAge = 86400,
    };

    /// <summary>
    /// The same as an ASP.NET Core policy: listed origins through <c>WithOrigins</c> (its ordinal
    /// list check); with a regex, <c>SetIsOriginAllowed</c> tries the list then the compiled
    /// regex, which is the documented way to get pattern matching.
    /// </summary>
    public static void AspNet(CorsPolicyBuilder builder, bool thousand)
    {
        builder
            .WithOrigins(thousand ? ThousandOrigins : ListedOrigins)
            .WithMethods(Methods)
            .WithHeaders(Headers)
            .AllowCredentials()
            .SetPreflightMaxAge(TimeSpan.FromSeconds(86400));
        if (!thousand)
        {
            var listed = new HashSet<string>(ListedOrigins, StringComparer.Ordinal);
            var regex = new Regex(OriginRegex, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            builder.SetIsOriginAllowed(o => listed.Contains(o) || regex.IsMatch(o));
        }
    }
}
