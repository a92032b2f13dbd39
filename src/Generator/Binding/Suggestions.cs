using System;
using System.Collections.Generic;

namespace DjangoSettings.Generator.Binding;

/// <summary>"Did you mean" for misspelled setting names: the closest known name by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a distance proportional to the name's length, or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        int limit = Math.Max(2, name.Length / 3);
        foreach (var candidate in candidates)
        {
            if (candidate == name) continue;
            int d = Distance(name, candidate, limit);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>"; did you mean X?" or empty.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
        => Closest(name, candidates) is { } s ? "; did you mean " + s + "?" : string.Empty;

    // Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), case-insensitive,
    // because misspellings such as CORS_ALLOWS_CREDENTIALS or ACCESS_TOKEN_LIFE_TIME are what we look for.
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return int.MaxValue;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}
