using System;
using DjangoSettings.Shared;

namespace DjangoSettings.Cors;

/// <summary>
/// Explains a refused Origin for the Debug log: the nearest configured entry and how it differs
/// (the usual support questions: trailing slash, http vs https, host case, port). Runs only when
/// Debug logging is on, so its allocations never touch the hot path.
/// </summary>
internal static class OriginNearMiss
{
    public static string Describe(DjangoCorsPolicy policy, string origin, in UrlSplitResult split)
    {
        string scheme = split.Scheme, netloc = split.Netloc;
        foreach (var (cs, cn) in policy.AllowedOriginPairs)
        {
            int i = IndexOf(policy, cs, cn);
            string entry = i >= 0 ? policy.AllowedOrigins[i] : cs + "://" + cn;
            if (string.Equals(cn, netloc, StringComparison.Ordinal) && !string.Equals(cs, scheme, StringComparison.Ordinal))
                return $"not allowed; nearest configured origin '{entry}' differs in the scheme ({scheme} vs {cs})";
            if (string.Equals(cs, scheme, StringComparison.Ordinal) && string.Equals(cn, netloc, StringComparison.OrdinalIgnoreCase))
                return $"not allowed; nearest configured origin '{entry}' differs in host case (hosts compare case-sensitively)";
            if (string.Equals(cs, scheme, StringComparison.Ordinal) && string.Equals(HostOf(cn), HostOf(netloc), StringComparison.OrdinalIgnoreCase))
                return $"not allowed; nearest configured origin '{entry}' differs in the port ({PortOf(netloc)} vs {PortOf(cn)}; default ports are not normalised)";
        }
        for (int i = 0; i < policy.OriginRegexes.Count; i++)
        {
            string alternative = origin.EndsWith("/", StringComparison.Ordinal) ? origin.TrimEnd('/') : origin + "/";
            try
            {
                if (policy.OriginRegexes[i].IsMatch(alternative))
                    return $"not allowed; CORS_ALLOWED_ORIGIN_REGEXES entry '{policy.OriginRegexPatterns[i]}' would match if the Origin differed by a trailing slash";
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // Diagnostics only: ignore.
            }
        }
        return $"not in CORS_ALLOWED_ORIGINS ({policy.AllowedOrigins.Count} entries) and no CORS_ALLOWED_ORIGIN_REGEXES entry ({policy.OriginRegexes.Count}) matched";
    }

    private static int IndexOf(DjangoCorsPolicy policy, string scheme, string netloc)
    {
        for (int i = 0; i < policy.AllowedOriginPairs.Count; i++)
        {
            if (policy.AllowedOriginPairs[i] == (scheme, netloc) && i < policy.AllowedOrigins.Count) return i;
        }
        return -1;
    }

    private static string HostOf(string netloc)
    {
        int at = netloc.LastIndexOf('@');
        string h = at >= 0 ? netloc.Substring(at + 1) : netloc;
        int close = h.LastIndexOf(']');
        int colon = h.LastIndexOf(':');
        return colon > close ? h.Substring(0, colon) : h;
    }

    private static string PortOf(string netloc)
    {
        string host = HostOf(netloc);
        int at = netloc.LastIndexOf('@');
        string h = at >= 0 ? netloc.Substring(at + 1) : netloc;
        return h.Length > host.Length ? h.Substring(host.Length + 1) : "no port";
    }
}
