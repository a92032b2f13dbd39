using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DjangoSettings.Benchmarks.Origins;

/// <summary>The origin lists of the origin-count suites: a white-label platform's customer domains.</summary>
internal static class OriginLists
{
    /// <summary><c>https://customer{i}.example-platform.com</c> for i below <paramref name="count"/>.</summary>
    public static string[] Customers(int count) =>
        Enumerable.Range(0, count).Select(i => $"https://customer{i}.example-platform.com").ToArray();

    /// <summary>A settings file that lists <paramref name="origins"/>.</summary>
    public static string SettingsText(IEnumerable<string> origins)
    {
        using var w = new StringWriter();
        w.Write("CORS_ALLOWED_ORIGINS = [\n");
        foreach (string o in origins) w.Write("    \"" + o + "\",\n");
        w.Write("]\n");
        return w.ToString();
    }

    /// <summary>The Origin header of a request shape, for a list of <paramref name="origins"/>.</summary>
    public static string OriginFor(string requestCase, string[] origins) => requestCase switch
    {
        // Spelled exactly as configured: the set of configured strings answers, no urlsplit.
        "Configured" => origins[origins.Length / 2],
        // Another spelling of a listed pair (a path after the host): urlsplit, then the pair lookup.
        "OtherSpelling" => origins[origins.Length / 2] + "/",
        // Not listed: urlsplit, the pair lookup misses, refused.
        "Refused" => $"https://customer{origins.Length}.example-platform.com",
        _ => throw new ArgumentException(requestCase),
    };
}
