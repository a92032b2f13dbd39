using System;
using System.Collections.Generic;
using System.Text;
using DjangoSettings.Shared;

namespace DjangoSettings.Cors;

/// <summary>
/// Explains a refused Origin for the Debug log: the nearest configured entry and how it differs
/// (the usual support questions: http vs https, host case, port, user info, a <c>www.</c> prefix,
/// a typo). Called only for a refused Origin and only when Debug logging is on, so neither its
/// allocations nor its index touch the hot path.
/// </summary>
/// <remarks>
/// Nearest means, in this order: the same netloc under another scheme; the same scheme and netloc
/// but for letter case; the same scheme, host and port but for user info; the same scheme and
/// host on another port; the same host under another scheme; the same host but for <c>www.</c>;
/// finally the entry with the fewest edits (at most <see cref="MaxEdits"/>), searched only in lists
/// of up to <see cref="MaxEditDistanceScan"/> entries. Each earlier rule is a hash lookup in
/// <see cref="OriginNearMissIndex"/>, so a list of 100,000 origins costs what a list of ten does;
/// ties go to the entry written first.
/// </remarks>
internal static class OriginNearMiss
{
    /// <summary>The most edits for which an entry is still named as a likely typo.</summary>
    public const int MaxEdits = 2;

    /// <summary>Longer lists skip the edit-distance search (it reads every entry).</summary>
    public const int MaxEditDistanceScan = 1000;

    public static string Describe(DjangoCorsPolicy policy, string origin, in UrlSplitResult split)
    {
        string scheme = split.Scheme, netloc = split.Netloc;
        if (netloc.Length > 0 && policy.AllowedOriginPairs.Count > 0)
        {
            var index = policy.NearMissIndex;
            int nearest = FindByParts(index, scheme, netloc);
            if (nearest >= 0) return "not allowed; nearest configured origin '" + policy.AllowedOrigins[nearest] + "' differs in " + Differences(scheme, netloc, index.Pairs[nearest]);
            if (index.Pairs.Count <= MaxEditDistanceScan && FindByEdits(index.Pairs, scheme, netloc) is var (i, edits) && i >= 0)
                return "not allowed; nearest configured origin '" + policy.AllowedOrigins[i] + "' is " + edits + (edits == 1 ? " edit" : " edits") + " away (a typo?)";
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

    // The rules of the remarks that are hash lookups, most specific first.
    private static int FindByParts(OriginNearMissIndex index, string scheme, string netloc)
    {
        var parts = OriginNetloc.Parse(netloc);
        int i = index.WithNetloc(netloc);
        if (i < 0) i = index.WithSchemeAndNetlocInAnyCase(scheme, netloc.ToLowerInvariant());
        if (i < 0) i = index.WithSchemeHostAndPort(scheme, parts.HostKey, parts.Port);
        if (i < 0) i = index.WithSchemeAndHost(scheme, parts.HostKey);
        if (i < 0) i = index.WithHost(parts.HostKey);
        if (i < 0) i = index.WithBareHost(parts.BareHostKey);
        return i;
    }

    // Every way the Origin differs from the entry, in the words of the usual support question.
    private static string Differences(string scheme, string netloc, (string Scheme, string Netloc) entry)
    {
        var o = OriginNetloc.Parse(netloc);
        var c = OriginNetloc.Parse(entry.Netloc);
        var found = new List<string>(3);
        if (!string.Equals(scheme, entry.Scheme, StringComparison.Ordinal)) found.Add($"the scheme ({scheme} vs {entry.Scheme})");
        if (!string.Equals(o.UserInfo, c.UserInfo, StringComparison.Ordinal)) found.Add($"the user info ('{o.UserInfo}' vs '{c.UserInfo}')");
        if (!string.Equals(o.HostKey, c.HostKey, StringComparison.Ordinal)) found.Add($"the www. prefix ({o.Host} vs {c.Host})");
        else if (!string.Equals(o.Host, c.Host, StringComparison.Ordinal)) found.Add("host case (hosts compare case-sensitively)");
        if (!string.Equals(o.Port, c.Port, StringComparison.Ordinal)) found.Add($"the port ({PortText(o.Port)} vs {PortText(c.Port)}; default ports are not normalised)");
        return found.Count switch
        {
            0 => "nothing visible (compare the bytes)",
            1 => found[0],
            _ => string.Join(", ", found.GetRange(0, found.Count - 1)) + " and " + found[found.Count - 1],
        };
    }

    private static string PortText(string port) => port.Length == 0 ? "no port" : port;

    // The entry with the fewest edits between the "scheme://netloc" texts (ignoring ASCII case), within MaxEdits.
    private static (int Index, int Edits) FindByEdits(IReadOnlyList<(string Scheme, string Netloc)> pairs, string scheme, string netloc)
    {
        string target = scheme + "://" + netloc;
        var rows = new EditRows(target.Length + MaxEdits + 1);
        int best = -1, bestEdits = MaxEdits + 1;
        for (int i = 0; i < pairs.Count && bestEdits > 1; i++)
        {
            string candidate = pairs[i].Scheme + "://" + pairs[i].Netloc;
            int edits = BoundedEditDistance(target, candidate, bestEdits - 1, rows);
            if (edits < bestEdits)
            {
                best = i;
                bestEdits = edits;
            }
        }
        return (best, bestEdits);
    }

    /// <summary>Levenshtein distance (ASCII case ignored) when it is at most <paramref name="limit"/>; otherwise any value above it.</summary>
    internal static int BoundedEditDistance(string a, string b, int limit, EditRows? rows = null)
    {
        if (limit < 0) return int.MaxValue;
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        rows ??= new EditRows(b.Length + 1);
        if (!rows.Fits(b.Length + 1)) rows = new EditRows(b.Length + 1);
        int[] previous = rows.Previous, current = rows.Current;
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            char ai = AsciiLower(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = ai == AsciiLower(b[j - 1]) ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                current[j] = value;
                if (value < rowMin) rowMin = value;
            }
            if (rowMin > limit) return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static char AsciiLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    /// <summary>The two rows of the edit-distance table, reused across the entries of one search.</summary>
    internal sealed class EditRows(int length)
    {
        public int[] Previous { get; } = new int[length];

        public int[] Current { get; } = new int[length];

        public bool Fits(int length) => Previous.Length >= length;
    }
}
