using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Roslyn;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Project.Pins;

/// <summary>
/// Picks the simplejwt behaviour version from the Django project's requirements: the files at the
/// project root (the folder holding manage.py, or DjangoProjectRoot) named <c>requirements.txt</c>,
/// <c>pyproject.toml</c>, <c>requirements*.txt</c> and <c>requirements/*.txt</c>, read in that order.
/// An exact pin of a known release is taken as is; a range resolves to the newest known release it
/// allows (what pip installs today, as far as the runtime knows). The first file that resolves
/// wins; later files that resolve differently are reported. Pure: the files come from AdditionalFiles.
/// </summary>
internal static class SimpleJwtPinReader
{
    /// <summary>Whether an additional file may hold a pin (by name; the folder is checked against the root later).</summary>
    public static bool IsPinFile(string path)
    {
        string normalized = ProjectPaths.Normalize(path);
        string name = normalized.Substring(normalized.LastIndexOf('/') + 1);
        if (string.Equals(name, "pyproject.toml", StringComparison.OrdinalIgnoreCase)) return true;
        if (!name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return false;
        if (name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase)) return true;
        string folder = normalized.Substring(0, Math.Max(0, normalized.LastIndexOf('/')));
        return folder.EndsWith("/requirements", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The pin for a settings file; never throws but for cancellation.</summary>
    /// <param name="settingsPath">The settings file's full path (the search for manage.py starts there).</param>
    /// <param name="explicitRoot">DjangoProjectRoot as a full path, or empty.</param>
    /// <param name="manageFiles">The build's manage.py files (their paths).</param>
    /// <param name="pinFiles">The build's requirements and pyproject files.</param>
    public static SimpleJwtPin Read(string settingsPath, string explicitRoot, IReadOnlyList<ProjectFile> manageFiles, IReadOnlyList<ProjectFile> pinFiles)
    {
        string? root = explicitRoot.Length > 0 ? ProjectPaths.Normalize(explicitRoot) : ProjectReader.FindRoot(settingsPath, manageFiles);
        if (root is null) return SimpleJwtPin.None;
        var files = pinFiles
            .Select(f => (File: f, Rank: Rank(root, ProjectPaths.Normalize(f.Path))))
            .Where(f => f.Rank >= 0)
            .OrderBy(f => f.Rank)
            .ThenBy(f => ProjectPaths.Normalize(f.File.Path), StringComparer.Ordinal)
            .ToList();
        var diagnostics = new List<SettingsDiagnostic>();
        PackageVersion? chosen = null;
        PinnedRequirement? chosenAt = null;
        string? how = null;
        foreach (var (file, _) in files)
        {
            bool toml = file.Path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase);
            var pins = toml
                ? PyprojectReader.Read(file.Path, file.Text, SimpleJwtReleases.Distribution)
                : RequirementsTxtReader.Read(file.Path, file.Text, SimpleJwtReleases.Distribution);
            foreach (var pin in pins)
            {
                var (version, explanation, problem) = Resolve(pin);
                if (version is null)
                {
                    diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SimpleJwtPinNotUnderstood, Location(pin),
                        Where(root, pin), pin.Text, problem, SimpleJwtReleases.Span));
                    continue;
                }
                if (chosen is null)
                {
                    chosen = version;
                    chosenAt = pin;
                    how = explanation;
                }
                else if (!chosen.Equals(version))
                {
                    diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SimpleJwtPinsDisagree, Location(pin),
                        Where(root, pin), version, Where(root, chosenAt!), chosen));
                }
            }
        }
        if (chosen is null) return new SimpleJwtPin(null, null, diagnostics.ToEquatableArray());
        string source = Where(root, chosenAt!);
        diagnostics.Insert(0, SettingsDiagnostic.Create(DiagnosticDescriptors.SimpleJwtVersionFromProject, Location(chosenAt!),
            chosen, source, chosenAt!.Text, how));
        return new SimpleJwtPin(chosen.ToString(), source, diagnostics.ToEquatableArray());
    }

    // (version, how it was chosen) or (null, null, why not).
    private static (PackageVersion? Version, string? How, string? Problem) Resolve(PinnedRequirement pin)
    {
        if (pin.Constraint is not { } constraint) return (null, null, pin.Problem ?? "the version cannot be read");
        var known = SimpleJwtReleases.Known;
        if (constraint.Exact is { } exact)
        {
            var release = known.FirstOrDefault(k => k.Equals(exact));
            return release is null
                ? (null, null, exact + " is not a release the runtime imitates")
                : (release, "an exact pin", null);
        }
        var newest = constraint.Newest(known);
        return newest is null
            ? (null, null, "no release the runtime imitates satisfies it")
            : (newest, "a range: pip installs the newest release it allows, and " + newest + " is the newest the runtime knows that it allows (pin it with == to be sure)", null);
    }

    // 0 requirements.txt, 1 pyproject.toml, 2 requirements*.txt, 3 requirements/*.txt at the root; -1 elsewhere.
    private static int Rank(string root, string path)
    {
        if (!path.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase)) return -1;
        string relative = path.Substring(root.Length + 1);
        if (string.Equals(relative, "requirements.txt", StringComparison.OrdinalIgnoreCase)) return 0;
        if (string.Equals(relative, "pyproject.toml", StringComparison.OrdinalIgnoreCase)) return 1;
        if (relative.IndexOf('/') < 0) return relative.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && relative.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? 2 : -1;
        return relative.StartsWith("requirements/", StringComparison.OrdinalIgnoreCase) && relative.IndexOf('/', "requirements/".Length) < 0
               && relative.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? 3 : -1;
    }

    private static string Where(string root, PinnedRequirement pin)
        => ProjectPaths.Normalize(pin.Path).Substring(root.Length + 1) + "(" + pin.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";

    private static SourceLocation Location(PinnedRequirement pin)
        => new(pin.Path, new SourceSpan(pin.Offset, pin.Length), new SourcePosition(pin.Line, pin.Column), new SourcePosition(pin.Line, pin.Column + pin.Length));
}
