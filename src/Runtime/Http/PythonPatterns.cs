using System;
using System.Text.RegularExpressions;
using DjangoSettings.Shared;

namespace DjangoSettings.Http;

/// <summary>Python patterns used with <c>re.search</c> (redirect exemptions, user agents), translated like the CORS ones.</summary>
internal static class PythonPatterns
{
    /// <summary>
    /// Translates <paramref name="pattern"/> with the shared Python translator and compiles it
    /// unanchored (search semantics) with the translator's match timeout.
    /// </summary>
    /// <exception cref="InvalidOperationException">The pattern does not translate (the build reports it first).</exception>
    public static Regex CompileForSearch(PythonPattern pattern, string setting)
    {
        var t = PythonRegex.Translate(pattern.Pattern, pattern.IgnoreCase ? PythonRegex.PyFlags.IgnoreCase : PythonRegex.PyFlags.None);
        if (!t.Success)
        {
            throw new InvalidOperationException($"{setting}: the pattern '{pattern.Pattern}' cannot be used: {t.Error} at position {t.ErrorPosition}");
        }
        return new Regex(t.Pattern!, t.Options, PythonRegex.DefaultMatchTimeout);
    }
}
