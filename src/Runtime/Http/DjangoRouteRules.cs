using System;
using Microsoft.AspNetCore.Routing.Patterns;

namespace DjangoSettings.Http;

/// <summary>
/// Where Django's URL matching is stricter than ASP.NET Core's: literal segments compare
/// case-sensitively, and the path has exactly the route's segments, so a trailing slash (or an
/// empty segment) is significant: <c>api/items/</c> serves <c>/api/items/</c> only, <c>h13/exact</c>
/// serves <c>/h13/exact</c> only. ASP.NET Core's matcher accepts both spellings and any case; these
/// rules narrow it (see <see cref="DjangoRoutingMatcherPolicy"/>). Allocation-free.
/// </summary>
public static class DjangoRouteRules
{
    /// <summary>
    /// Whether Django would match <paramref name="path"/> (the decoded path, with its leading
    /// <c>/</c>) against a route written as <paramref name="pattern"/>, given that ASP.NET Core's
    /// matcher matched it. Patterns without a template text are accepted (nothing to compare);
    /// complex segments (<c>{a}.{b}</c>) are checked for position only.
    /// </summary>
    public static bool Accepts(RoutePattern pattern, ReadOnlySpan<char> path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.RawText is not { } raw) return true;
        var segments = pattern.PathSegments;
        bool trailingSlash = EndsWithSlash(raw);

        ReadOnlySpan<char> rest = path.Length > 0 && path[0] == '/' ? path.Slice(1) : path;
        if (segments.Count == 0) return rest.Length == 0;

        // Pieces of the path between slashes; "a/b/" is "a", "b", "" as Django's regex sees it.
        int piecesLeft = CountPieces(rest);
        int optionalTail = OptionalTail(segments);
        for (int i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.IsSimple && segment.Parts[0] is RoutePatternParameterPart { IsCatchAll: true })
            {
                return true; // everything from here on belongs to the catch-all
            }
            if (piecesLeft == 0)
            {
                // Only optional or defaulted parameters may be missing, and then the route has no slash after them.
                return i >= segments.Count - optionalTail && !trailingSlash;
            }
            int slash = rest.IndexOf('/');
            ReadOnlySpan<char> piece = slash < 0 ? rest : rest.Slice(0, slash);
            rest = slash < 0 ? ReadOnlySpan<char>.Empty : rest.Slice(slash + 1);
            piecesLeft--;
            if (segment.IsSimple)
            {
                switch (segment.Parts[0])
                {
                    case RoutePatternLiteralPart literal when !piece.SequenceEqual(literal.Content.AsSpan()):
                        return false;
                    case RoutePatternParameterPart when piece.Length == 0:
                        return false;
                }
            }
            else if (piece.Length == 0)
            {
                return false;
            }
        }
        if (trailingSlash) return piecesLeft == 1 && rest.Length == 0;
        return piecesLeft == 0;
    }

    /// <summary>Whether the route's template ends with <c>/</c> (the root template <c>/</c> does not count).</summary>
    public static bool EndsWithSlash(string rawText)
    {
        var t = rawText.AsSpan();
        if (t.StartsWith("~/")) t = t.Slice(1);
        return t.Length > 1 && t[t.Length - 1] == '/';
    }

    private static int CountPieces(ReadOnlySpan<char> rest)
    {
        if (rest.Length == 0) return 0;
        int count = 1;
        foreach (char c in rest)
        {
            if (c == '/') count++;
        }
        return count;
    }

    private static int OptionalTail(System.Collections.Generic.IReadOnlyList<RoutePatternPathSegment> segments)
    {
        int n = 0;
        for (int i = segments.Count - 1; i >= 0; i--)
        {
            var s = segments[i];
            if (s.IsSimple && s.Parts[0] is RoutePatternParameterPart p && (p.IsOptional || p.Default is not null)) n++;
            else break;
        }
        return n;
    }
}
