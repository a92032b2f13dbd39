using System;
using System.Collections.Generic;
using System.Linq;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// Chooses how the generated wiring answers step (b) of django-cors-headers' origin test (does
/// the Origin's (scheme, netloc) pair equal a configured one?) and writes it.
/// Up to <see cref="MaxSwitchPairs"/> distinct pairs it is a <c>switch</c> over span constants;
/// beyond that the wiring passes no matcher and the runtime builds a frozen dictionary at startup
/// from <c>CORS_ALLOWED_ORIGINS</c>, which the settings class emits anyway.
/// </summary>
/// <remarks>
/// The C# compiler lowers a string switch into a decision tree whose cost grows faster than the
/// number of cases: measured on the 2-core bench machine (docs/benchmarks.md, "Origin lists at
/// scale"), 256 cases add well under a second to the build and 1,000 already several seconds,
/// 10,000 a minute and 2.8 GB, 100,000 exhaust memory. The frozen dictionary costs the compiler
/// nothing beyond the string array, answers in constant time per request, and gives the same
/// answers (both compare the pair ordinally), so only the representation changes at the threshold.
/// </remarks>
internal static class OriginMatcherEmitter
{
    /// <summary>The most distinct (scheme, netloc) pairs emitted as a switch.</summary>
    public const int MaxSwitchPairs = 256;

    /// <summary>
    /// The distinct pairs to emit as a switch, or null when the list is too long for one (the
    /// runtime's frozen dictionary then answers).
    /// </summary>
    public static IReadOnlyList<(string Scheme, string Netloc)>? SwitchPairs(IReadOnlyList<(string Scheme, string Netloc)> pairs)
    {
        var distinct = new List<(string, string)>(Math.Min(pairs.Count, MaxSwitchPairs + 1));
        var seen = new HashSet<(string, string)>();
        foreach (var pair in pairs)
        {
            if (!seen.Add(pair)) continue;
            if (distinct.Count == MaxSwitchPairs) return null;
            distinct.Add(pair);
        }
        return distinct;
    }

    /// <summary>Writes <c>MatchOrigin(scheme, netloc)</c> as a two-level switch over <paramref name="pairs"/>.</summary>
    public static void WriteSwitch(IndentedWriter w, IReadOnlyList<(string Scheme, string Netloc)> pairs)
    {
        w.Line();
        w.Line("// CORS_ALLOWED_ORIGINS as code: the (scheme, netloc) pairs urlsplit gives, compared exactly as django-cors-headers does.");
        w.Line("private static bool MatchOrigin(global::System.ReadOnlySpan<char> scheme, global::System.ReadOnlySpan<char> netloc)");
        using (w.Block(null))
        {
            if (pairs.Count == 0)
            {
                w.Line("return false;");
                return;
            }
            w.Line("switch (scheme)");
            w.Line("{");
            w.Indent();
            foreach (var group in pairs.GroupBy(p => p.Scheme, StringComparer.Ordinal))
            {
                w.Line("case " + CSharpLiteral.String(group.Key) + ":");
                w.Indent();
                w.Line("switch (netloc)");
                w.Line("{");
                w.Indent();
                foreach (var netloc in group.Select(p => p.Netloc).Distinct(StringComparer.Ordinal))
                {
                    w.Line("case " + CSharpLiteral.String(netloc) + ":");
                }
                w.Indent();
                w.Line("return true;");
                w.Outdent();
                w.Line("default:");
                w.Indent();
                w.Line("return false;");
                w.Outdent();
                w.Outdent();
                w.Line("}");
                w.Outdent();
            }
            w.Line("default:");
            w.Indent();
            w.Line("return false;");
            w.Outdent();
            w.Outdent();
            w.Line("}");
        }
    }
}
