using System;
using System.Text;
using System.Text.RegularExpressions;

namespace DjangoSettings.Generator.Project.Pins;

/// <summary>
/// A PEP 508 requirement as pip reads it from a requirements line or a PEP 621 dependency string:
/// the name (normalised as pip does: case, runs of <c>-</c>, <c>_</c>, <c>.</c>), extras, version
/// specifiers and an environment marker (not evaluated: the pin is taken as applying).
/// </summary>
internal static class RequirementSpec
{
    private static readonly Regex Requirement = new(
        @"^\s*(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[(?<extras>[^\]]*)\])?\s*(?<rest>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));

    private static readonly Regex Separators = new("[-_.]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The PEP 503 normal form of a distribution name.</summary>
    public static string Normalize(string name) => Separators.Replace(name, "-").ToLowerInvariant();

    /// <summary>
    /// Whether <paramref name="text"/> is a requirement on <paramref name="distribution"/>; if so,
    /// the versions it allows, or a problem (a direct URL reference, a specifier not understood).
    /// </summary>
    public static bool TryRead(string text, string distribution, out VersionConstraint? constraint, out string? problem)
    {
        constraint = null;
        problem = null;
        Match m;
        try
        {
            m = Requirement.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        if (!m.Success || Normalize(m.Groups["name"].Value) != distribution) return false;
        string rest = m.Groups["rest"].Value.Trim();
        if (rest.StartsWith("@", StringComparison.Ordinal))
        {
            problem = "a direct reference (" + rest.Substring(1).Trim() + ") names no version";
            return true;
        }
        int marker = rest.IndexOf(';');
        string specifiers = marker >= 0 ? rest.Substring(0, marker) : rest;
        constraint = VersionConstraint.ParsePep440(specifiers, out problem);
        return true;
    }

    /// <summary>Whether a line names the distribution in some form (a URL, an editable install) though it is not a requirement.</summary>
    public static bool Mentions(string text, string distribution)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text) sb.Append(c is '_' or '.' ? '-' : char.ToLowerInvariant(c));
        return sb.ToString().Contains(distribution);
    }
}
