using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>
/// Decides which classes to generate from which files: one per <c>[DjangoSettingsFile]</c> class, or,
/// when the project declares none, the default <c>DjangoProjectSettings</c> for DjangoSettingsFile.
/// A path that names no additional file is an error naming the path (DJS0800, DJS0802), never a
/// silent no-op. Pure function of equatable inputs, so it stays cached while C# code is edited.
/// </summary>
internal static class SettingsPlanner
{
    // `from .base import *`, `from config.settings.base import X`, `import local_settings`: the module
    // names a settings file may import. The core resolves them by the last dotted part (the file's stem).
    private static readonly Regex ImportLine = new(
        @"^[ \t]*(?:from[ \t]+\.*(?<m>[A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+(?<m>[A-Za-z_][\w.]*))",
        RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The plan for the project.</summary>
    public static ProjectPlan Plan(EquatableArray<SettingsFileModel> files, EquatableArray<SettingsClassDeclaration> declarations, ProjectOptions project, bool hasRuntime)
    {
        var units = new List<SettingsUnit>();
        var diagnostics = new List<SettingsDiagnostic>();
        var configured = files.FirstOrDefault(f => project.Names(project.SettingsFile, f.FullPath));

        if (declarations.Count > 0)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var declaration in declarations)
            {
                if (!seen.Add(declaration.Namespace + "." + declaration.ClassName)) continue;
                var at = declaration.Location?.ToSourceLocation() ?? SourceLocation.None(string.Empty);
                if (declaration.Problem is { } problem)
                {
                    diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.InvalidSettingsClass, at, declaration.ClassName, problem));
                    continue;
                }
                var main = declaration.FilePath.Trim().Length == 0 ? null : files.FirstOrDefault(f => project.Names(declaration.FilePath.Trim(), f.FullPath));
                if (main is null)
                {
                    diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.DeclaredSettingsFileNotFound, at,
                        declaration.FilePath, declaration.ClassName, project.Resolve(declaration.FilePath.Trim())));
                    continue;
                }
                units.Add(Unit(declaration.Namespace, declaration.ClassName, isDefault: false, main, files, project.DeployChecks));
            }
        }
        else if (configured is not null)
        {
            units.Add(Unit(project.RootNamespace, CompileOptions.DefaultClassName, isDefault: true, configured, files, project.DeployChecks));
        }

        if (configured is null && project.IsExplicit)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SettingsFileNotFound, SourceLocation.None(string.Empty), project.SettingsFile, project.SettingsFilePath));
        }
        else if (configured is null && declarations.Count == 0 && hasRuntime)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.NoSettingsFile, SourceLocation.None(string.Empty), project.SettingsFilePath));
        }
        return new ProjectPlan(units.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static SettingsUnit Unit(string ns, string className, bool isDefault, SettingsFileModel main, EquatableArray<SettingsFileModel> files, bool deployChecks)
        => new(ns, className, isDefault, HintName(ns, className), main, Imports(main, files).ToEquatableArray(), deployChecks);

    /// <summary>
    /// The files <paramref name="main"/> imports, directly or through each other, found like Python
    /// finds a sibling module: a file in the same folder whose name stem is the module's last part.
    /// Dependencies come first; files it does not import are left out (their syntax is not this class's concern).
    /// </summary>
    internal static List<SettingsFileModel> Imports(SettingsFileModel main, IReadOnlyList<SettingsFileModel> files)
    {
        string folder = Folder(main.FullPath);
        var siblings = files.Where(f => !ProjectPaths.SameFile(f.FullPath, main.FullPath) && string.Equals(Folder(f.FullPath), folder, StringComparison.OrdinalIgnoreCase)).ToList();
        var ordered = new List<SettingsFileModel>();
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { main.FullPath };
        Visit(main);
        return ordered;

        void Visit(SettingsFileModel file)
        {
            foreach (string module in ImportedModules(file.Text))
            {
                string stem = module.Substring(module.LastIndexOf('.') + 1);
                foreach (var sibling in siblings)
                {
                    if (!string.Equals(Stem(sibling.FullPath), stem, StringComparison.Ordinal) || !visiting.Add(sibling.FullPath)) continue;
                    Visit(sibling);
                    ordered.Add(sibling);
                }
            }
        }
    }

    private static IEnumerable<string> ImportedModules(string? text)
    {
        if (text is null) yield break;
        MatchCollection matches;
        try
        {
            matches = ImportLine.Matches(text);
            _ = matches.Count;
        }
        catch (RegexMatchTimeoutException)
        {
            yield break;
        }
        foreach (Match match in matches) yield return match.Groups["m"].Value;
    }

    private static string Folder(string path)
    {
        string normalized = ProjectPaths.Normalize(path);
        int slash = normalized.LastIndexOf('/');
        return slash < 0 ? string.Empty : normalized.Substring(0, slash);
    }

    private static string Stem(string path)
    {
        string name = ProjectPaths.Normalize(path);
        name = name.Substring(name.LastIndexOf('/') + 1);
        int dot = name.IndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private static string HintName(string ns, string className)
    {
        var sb = new StringBuilder();
        foreach (char c in ns.Length > 0 ? ns + "." + className : className) sb.Append(char.IsLetterOrDigit(c) && c < 128 || c is '.' or '_' ? c : '_');
        return sb.Append(".g.cs").ToString();
    }
}
