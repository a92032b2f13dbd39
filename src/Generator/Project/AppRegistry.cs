using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Syntax;

namespace DjangoSettings.Generator.Project;

/// <summary>An installed app of the project: its label, module, and its config's <c>default_auto_field</c>.</summary>
/// <param name="Label">The app label (<c>AppConfig.label</c>, else the last part of its name).</param>
/// <param name="Module">The app's module (<c>AppConfig.name</c>).</param>
/// <param name="DefaultAutoField">The config's <c>default_auto_field</c>, when it sets one.</param>
/// <param name="Entry">The INSTALLED_APPS entry (or the apps.py module when INSTALLED_APPS was unknown).</param>
internal sealed record AppInfo(string Label, string Module, string? DefaultAutoField, string Entry);

/// <summary>
/// Django's app registry, read from source: each INSTALLED_APPS entry is an app module (whose
/// <c>apps.py</c> may hold the one <c>AppConfig</c> subclass Django 3.2+ picks automatically) or the
/// dotted path of an <c>AppConfig</c> subclass. Apps outside the project (Django's, DRF's) get the
/// label of their last dotted part.
/// </summary>
internal static class AppRegistry
{
    private static readonly HashSet<string> AppConfigNames = new(StringComparer.Ordinal) { "django.apps.AppConfig", "django.apps.config.AppConfig" };

    /// <summary>The apps of <paramref name="installedApps"/>; when it is unknown, every app config and models module of the project.</summary>
    public static List<AppInfo> Read(PythonProject project, IReadOnlyList<string>? installedApps)
    {
        var apps = new List<AppInfo>();
        if (installedApps is not null)
        {
            foreach (string entry in installedApps) apps.Add(FromEntry(project, entry));
            return apps;
        }
        // INSTALLED_APPS lives in another settings module: take what the source offers.
        foreach (var file in project.Files)
        {
            string? name = project.ModuleName(file.Path);
            if (name is null) continue;
            if (name.EndsWith(".apps", StringComparison.Ordinal) || name == "apps")
            {
                string appModule = name.Length > 5 ? name.Substring(0, name.Length - 5) : name;
                if (project.Module(name) is { } module && ConfigsIn(project, module).FirstOrDefault() is { } config)
                {
                    apps.Add(FromConfig(project, module, config, appModule, name));
                }
            }
            else if (name.EndsWith(".models", StringComparison.Ordinal))
            {
                string appModule = name.Substring(0, name.Length - ".models".Length);
                if (apps.All(a => a.Module != appModule)) apps.Add(new AppInfo(LastPart(appModule), appModule, null, appModule));
            }
        }
        return apps;
    }

    private static AppInfo FromEntry(PythonProject project, string entry)
    {
        if (project.Module(entry) is not null || project.IsPackage(entry))
        {
            // Django 3.2+: the single AppConfig subclass of <app>.apps (or the one marked default = True).
            if (project.Module(entry + ".apps") is { } appsModule)
            {
                var configs = ConfigsIn(project, appsModule).Where(c => Attribute(c, "default") is not ConstantExpr { Kind: ConstantKind.False }).ToList();
                if (configs.Count > 1) configs = configs.Where(c => Attribute(c, "default") is ConstantExpr { Kind: ConstantKind.True }).ToList();
                if (configs.Count == 1) return FromConfig(project, appsModule, configs[0], entry, entry);
            }
            return new AppInfo(LastPart(entry), entry, null, entry);
        }
        int dot = entry.LastIndexOf('.');
        if (dot > 0 && project.Module(entry.Substring(0, dot)) is { } module && module.Class(entry.Substring(dot + 1)) is { } cls && IsAppConfig(project, module, cls, 0))
        {
            return FromConfig(project, module, cls, null, entry);
        }
        return new AppInfo(LastPart(entry), entry, null, entry);
    }

    private static AppInfo FromConfig(PythonProject project, PythonModule module, ClassDefStmt config, string? fallbackName, string entry)
    {
        string name = Attribute(config, "name") is { } n && PyLiteral.Str(n, module) is { } s ? s : fallbackName ?? entry;
        string label = Attribute(config, "label") is { } l && PyLiteral.Str(l, module) is { } text ? text : LastPart(name);
        string? autoField = Attribute(config, "default_auto_field") is { } a ? PyLiteral.Str(a, module) : null;
        return new AppInfo(label, name, autoField, entry);
    }

    private static IEnumerable<ClassDefStmt> ConfigsIn(PythonProject project, PythonModule module)
        => module.Classes.Where(c => IsAppConfig(project, module, c, 0));

    private static bool IsAppConfig(PythonProject project, PythonModule module, ClassDefStmt cls, int depth)
    {
        if (depth > 8) return false;
        foreach (var b in cls.Bases)
        {
            if (b.Kind != CallArgumentKind.Positional || project.Resolve(module, b.Value) is not { } symbol) continue;
            if (AppConfigNames.Contains(symbol.FullName)) return true;
            if (symbol.Class is { } parent && symbol.Module is { } parentModule && IsAppConfig(project, parentModule, parent, depth + 1)) return true;
        }
        return false;
    }

    /// <summary>The value of <c>name = value</c> in a class body (the last one), or null.</summary>
    public static Expr? Attribute(ClassDefStmt cls, string name)
    {
        Expr? value = null;
        foreach (var statement in cls.Body)
        {
            if (statement is AssignStmt a && a.Targets.Any(t => t is NameExpr n && n.Name == name)) value = a.Value;
            else if (statement is AnnAssignStmt { Target: NameExpr n, Value: { } v } && n.Name == name) value = v;
        }
        return value;
    }

    private static string LastPart(string dotted) => dotted.Substring(dotted.LastIndexOf('.') + 1);
}
