using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// Checks on CORS_ALLOWED_ORIGINS entries: Django's E013 (missing scheme or netloc) and E014 (path,
/// query, fragment), then what Django lets through: wildcards, upper-case hosts and explicit
/// default ports that can never match a browser's Origin, and duplicates.
/// </summary>
internal static class CorsOriginChecks
{
    public static void Run(CheckContext ctx)
    {
        var setting = ctx["CORS_ALLOWED_ORIGINS"];
        if (!ctx.IsUsable(setting)) return;
        string name = setting.WrittenName;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (origin, location) in CheckContext.Strings(setting))
        {
            if (!seen.Add(origin))
            {
                ctx.Report(DiagnosticDescriptors.CorsDuplicateOrigin, location, setting, Repr(origin), name);
                continue;
            }
            if (origin == "null" || origin == "file://") continue;

            // The splitter the runtime matches requests with: what it refuses, Django's check refuses too
            // (urlsplit raises ValueError there, so Django does not start either).
            bool splits = PythonUrlSplit.TrySplit(origin, out var parts);
            if (!splits || parts.Scheme.Length == 0 || parts.Netloc.Length == 0)
            {
                string hint = !splits
                    ? "; Python's urlsplit raises ValueError on it (brackets must hold an IPv6 address, e.g. http://[::1]:8000), so Django does not start"
                    : origin.Contains("*") ? "; '*' is not a wildcard here: use CORS_ALLOW_ALL_ORIGINS = True or CORS_ALLOWED_ORIGIN_REGEXES" : string.Empty;
                ctx.Report(DiagnosticDescriptors.CorsOriginMissingSchemeOrNetloc, location, setting, Repr(origin), name, hint);
                continue;
            }

            if (parts.Path.Length > 0)
            {
                string hint = parts.Path == "/" ? "; remove the trailing '/': browsers never send one" : "; an origin is scheme://host[:port] only";
                ctx.Report(DiagnosticDescriptors.CorsOriginHasPath, location, setting, Repr(origin), name, "path", hint);
            }
            if (parts.Query.Length > 0) ctx.Report(DiagnosticDescriptors.CorsOriginHasPath, location, setting, Repr(origin), name, "query", string.Empty);
            if (parts.Fragment.Length > 0) ctx.Report(DiagnosticDescriptors.CorsOriginHasPath, location, setting, Repr(origin), name, "fragment", string.Empty);

            if (parts.Netloc.Contains("*"))
            {
                ctx.Report(DiagnosticDescriptors.CorsOriginWildcard, location, setting, Repr(origin), name);
                continue;
            }
            if (HasUpperCaseHost(parts.Netloc))
            {
                ctx.Report(DiagnosticDescriptors.CorsOriginUpperCaseHost, location, setting, Repr(origin), name, Repr(parts.Scheme + "://" + parts.Netloc.ToLowerInvariant()));
            }
            if (DefaultPortSuffix(parts.Scheme) is { } suffix && parts.Netloc.EndsWith(suffix, StringComparison.Ordinal))
            {
                ctx.Report(DiagnosticDescriptors.CorsOriginDefaultPort, location, setting, Repr(origin), name, Repr(parts.Scheme + "://" + parts.Netloc.Substring(0, parts.Netloc.Length - suffix.Length)));
            }
        }
    }

    private static string Repr(string s) => Binding.ValueDescription.ReprString(s);

    private static bool HasUpperCaseHost(string netloc)
    {
        int at = netloc.LastIndexOf('@');
        string host = at >= 0 ? netloc.Substring(at + 1) : netloc;
        foreach (char c in host) if (c >= 'A' && c <= 'Z') return true;
        return false;
    }

    private static string? DefaultPortSuffix(string scheme) => scheme switch
    {
        "http" => ":80",
        "https" => ":443",
        _ => null,
    };
}
