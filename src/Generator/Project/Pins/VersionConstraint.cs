using System;
using System.Collections.Generic;
using System.Linq;

namespace DjangoSettings.Generator.Project.Pins;

/// <summary>
/// Which versions a requirement allows: PEP 440 specifiers (<c>==5.3.1</c>, <c>~=5.3</c>,
/// <c>&gt;=5.2,&lt;5.5</c>, <c>==5.*</c>, <c>!=5.5.0</c>, <c>===5.2.2</c>) or Poetry's constraints
/// (<c>^5.3</c>, <c>~5.3.1</c>, <c>5.2.2</c>, <c>*</c>, <c>&gt;=5.2 &lt;5.5 || ==5.0.0</c>), kept as
/// alternatives of clauses that must all hold. Parsing returns null with a reason for anything else.
/// </summary>
internal sealed class VersionConstraint
{
    private readonly IReadOnlyList<IReadOnlyList<Clause>> _alternatives;

    private VersionConstraint(IReadOnlyList<IReadOnlyList<Clause>> alternatives) => _alternatives = alternatives;

    /// <summary>No constraint at all (a bare requirement, Poetry's <c>*</c>).</summary>
    public static VersionConstraint Any { get; } = new(new[] { (IReadOnlyList<Clause>)Array.Empty<Clause>() });

    /// <summary>Whether it names exactly one version (<c>==5.3.1</c>, <c>===5.3.1</c>, Poetry's bare <c>5.3.1</c>).</summary>
    public PackageVersion? Exact => _alternatives.Count == 1 && _alternatives[0].Count == 1 && _alternatives[0][0] is { Op: "==" or "===", Wildcard: false } c ? c.Version : null;

    /// <summary>Whether <paramref name="version"/> satisfies the constraint.</summary>
    public bool Allows(PackageVersion version) => _alternatives.Any(all => all.All(c => c.Allows(version)));

    /// <summary>The newest of <paramref name="candidates"/> the constraint allows, or null (pip's choice among known releases).</summary>
    public PackageVersion? Newest(IEnumerable<PackageVersion> candidates) => candidates.Where(Allows).OrderBy(v => v).LastOrDefault();

    /// <summary>PEP 440 specifiers separated by commas (what follows the name and extras in a requirement).</summary>
    public static VersionConstraint? ParsePep440(string text, out string? problem)
    {
        problem = null;
        string t = text.Trim();
        if (t.StartsWith("(", StringComparison.Ordinal) && t.EndsWith(")", StringComparison.Ordinal)) t = t.Substring(1, t.Length - 2).Trim();
        if (t.Length == 0) return Any;
        var clauses = new List<Clause>();
        foreach (string part in t.Split(','))
        {
            var clause = Clause.ParsePep440(part.Trim(), out problem);
            if (clause is null) return null;
            clauses.Add(clause);
        }
        return new VersionConstraint(new[] { (IReadOnlyList<Clause>)clauses });
    }

    /// <summary>A Poetry constraint string (<c>[tool.poetry.dependencies]</c>).</summary>
    public static VersionConstraint? ParsePoetry(string text, out string? problem)
    {
        problem = null;
        var alternatives = new List<IReadOnlyList<Clause>>();
        foreach (string branch in text.Split(new[] { "||", "|" }, StringSplitOptions.None))
        {
            var clauses = new List<Clause>();
            foreach (string term in branch.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var parsed = Clause.ParsePoetry(term, out problem);
                if (parsed is null) return null;
                clauses.AddRange(parsed);
            }
            alternatives.Add(clauses);
        }
        return alternatives.Count == 0 ? Any : new VersionConstraint(alternatives);
    }

    /// <summary>One comparison (<c>&gt;=5.2</c>, <c>==5.3.*</c>).</summary>
    private sealed class Clause
    {
        private static readonly string[] Operators = { "===", "~=", "==", "!=", "<=", ">=", "<", ">" };

        private Clause(string op, PackageVersion version, bool wildcard, string text)
        {
            Op = op;
            Version = version;
            Wildcard = wildcard;
            Text = text;
        }

        public string Op { get; }

        public PackageVersion Version { get; }

        public bool Wildcard { get; }

        private string Text { get; }

        public static Clause? ParsePep440(string text, out string? problem)
        {
            problem = null;
            string? op = Operators.FirstOrDefault(o => text.StartsWith(o, StringComparison.Ordinal));
            if (op is null)
            {
                problem = "'" + text + "' is not a version specifier (==, ~=, >=, <=, >, <, != or ===)";
                return null;
            }
            string rest = text.Substring(op.Length).Trim();
            bool wildcard = rest.EndsWith(".*", StringComparison.Ordinal);
            if (wildcard && op is not ("==" or "!="))
            {
                problem = "'" + text + "': only == and != take a .* suffix";
                return null;
            }
            var version = PackageVersion.Parse(wildcard ? rest.Substring(0, rest.Length - 2) : rest);
            if (version is null)
            {
                problem = "'" + rest + "' is not a release version the build understands (N.N.N)";
                return null;
            }
            if (op == "~=" && version.Parts.Count < 2)
            {
                problem = "'" + text + "': ~= needs at least two parts (~=5.3)";
                return null;
            }
            return new Clause(op, version, wildcard, rest);
        }

        public static IEnumerable<Clause>? ParsePoetry(string term, out string? problem)
        {
            problem = null;
            string t = term.Trim();
            if (t == "*") return Array.Empty<Clause>();
            if (t.StartsWith("^", StringComparison.Ordinal) || (t.StartsWith("~", StringComparison.Ordinal) && !t.StartsWith("~=", StringComparison.Ordinal)))
            {
                var v = PackageVersion.Parse(t.Substring(1));
                if (v is null)
                {
                    problem = "'" + t + "' is not a Poetry constraint the build understands";
                    return null;
                }
                PackageVersion upper;
                if (t[0] == '^')
                {
                    // ^5.3.1: below the next release of the first non-zero part (^0.2.3: below 0.3.0).
                    int first = 0;
                    while (first < v.Parts.Count - 1 && v.At(first) == 0) first++;
                    upper = Bump(v, first);
                }
                else
                {
                    // ~5.3.1 and ~5.3: below 5.4; ~5: below 6.
                    upper = Bump(v, v.Parts.Count >= 2 ? 1 : 0);
                }
                return new[] { new Clause(">=", v, false, v.ToString()), new Clause("<", upper, false, upper.ToString()) };
            }
            if (t.Length > 0 && char.IsDigit(t[0]))
            {
                // A bare version is an exact pin in Poetry; 5.3.* a prefix.
                var single = ParsePep440("==" + t, out problem);
                return single is null ? null : new[] { single };
            }
            var clause = ParsePep440(t, out problem);
            return clause is null ? null : new[] { clause };
        }

        private static PackageVersion Bump(PackageVersion v, int index)
            => PackageVersion.Parse(string.Join(".", Enumerable.Range(0, index + 1).Select(i => i == index ? v.At(i) + 1 : v.At(i))))!;

        public bool Allows(PackageVersion candidate)
        {
            int c = candidate.CompareTo(Version);
            switch (Op)
            {
                case "===": return string.Equals(candidate.ToString(), Text, StringComparison.OrdinalIgnoreCase);
                case "==": return Wildcard ? candidate.StartsWith(Version, Version.Parts.Count) : c == 0;
                case "!=": return Wildcard ? !candidate.StartsWith(Version, Version.Parts.Count) : c != 0;
                case "<=": return c <= 0;
                case ">=": return c >= 0;
                case "<": return c < 0;
                case ">": return c > 0;
                default: // ~=5.3.1: >=5.3.1 and ==5.3.*
                    return c >= 0 && candidate.StartsWith(Version, Version.Parts.Count - 1);
            }
        }
    }
}
