using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DjangoSettings.Generator.Roslyn;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Project;

/// <summary>
/// The Django project's Python source as Python would import it with the project root (the folder
/// holding manage.py) first on <c>sys.path</c>: <c>a.b</c> is <c>a/b.py</c> or <c>a/b/__init__.py</c>.
/// Modules are parsed on first use with the settings compiler's own parser; names are resolved
/// through imports (relative ones included, and <c>from x import *</c>) without running anything.
/// </summary>
internal sealed class PythonProject
{
    private const int MaxDepth = 16;

    private readonly Dictionary<string, ProjectFile> _files;
    private readonly Dictionary<string, PythonModule?> _modules = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;

    public PythonProject(string root, IEnumerable<ProjectFile> files, CancellationToken cancellationToken)
    {
        Root = ProjectPaths.Normalize(root);
        _cancellationToken = cancellationToken;
        _files = new Dictionary<string, ProjectFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            string path = ProjectPaths.Normalize(file.Path);
            if (IsUnder(path)) _files[path] = file;
        }
    }

    /// <summary>The project root, normalised.</summary>
    public string Root { get; }

    /// <summary>The project's files, by path.</summary>
    public IEnumerable<ProjectFile> Files => _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal);

    /// <summary>Whether a path lies inside the root.</summary>
    public bool IsUnder(string normalizedPath) => normalizedPath.StartsWith(Root + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The module of that dotted name, parsed, or null when the project has no such file.</summary>
    public PythonModule? Module(string name)
    {
        if (_modules.TryGetValue(name, out var cached)) return cached;
        string relative = name.Replace('.', '/');
        PythonModule? module = null;
        if (_files.TryGetValue(Root + "/" + relative + ".py", out var file)) module = Parse(name, false, file);
        else if (_files.TryGetValue(Root + "/" + relative + "/__init__.py", out file)) module = Parse(name, true, file);
        _modules[name] = module;
        return module;
    }

    /// <summary>Whether the dotted name is a folder of the project (a package, or a namespace package).</summary>
    public bool IsPackage(string name)
    {
        string prefix = Root + "/" + name.Replace('.', '/') + "/";
        return _files.Keys.Any(p => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The dotted module name of a project file (<c>a/b/__init__.py</c> is <c>a.b</c>), or null.</summary>
    public string? ModuleName(string path)
    {
        string normalized = ProjectPaths.Normalize(path);
        if (!IsUnder(normalized) || !normalized.EndsWith(".py", StringComparison.OrdinalIgnoreCase)) return null;
        string relative = normalized.Substring(Root.Length + 1, normalized.Length - Root.Length - 4);
        if (relative.EndsWith("/__init__", StringComparison.Ordinal)) relative = relative.Substring(0, relative.Length - "/__init__".Length);
        return relative.Replace('/', '.');
    }

    /// <summary>
    /// What a name or dotted attribute written in <paramref name="module"/> refers to: a class of the
    /// project (with its module), a project module, or an outside name (<c>django.db.models.CharField</c>).
    /// </summary>
    public Symbol? Resolve(PythonModule module, Expr expression) => Resolve(module, expression, 0);

    /// <summary>What <paramref name="name"/> means at the top level of <paramref name="module"/>.</summary>
    public Symbol? Lookup(PythonModule module, string name) => Lookup(module, name, 0);

    private Symbol? Resolve(PythonModule module, Expr expression, int depth)
    {
        if (depth > MaxDepth) return null;
        return expression switch
        {
            NameExpr n => Lookup(module, n.Name, depth + 1),
            AttributeExpr a => Resolve(module, a.Object, depth + 1) is { } owner ? Member(owner, a.Name, depth + 1) : null,
            ParenthesizedExpr p => Resolve(module, p.Inner, depth + 1),
            _ => null,
        };
    }

    private Symbol? Lookup(PythonModule module, string name, int depth)
    {
        if (depth > MaxDepth) return null;
        if (module.Class(name) is { } cls) return new Symbol(module.Name + "." + name, module, cls, false);
        if (module.Import(name) is { } imported)
        {
            if (imported.Name is null) return ResolveModuleName(imported.Module);
            var from = ResolveModuleName(imported.Module);
            return from is null ? new Symbol(imported.FullName, null, null, false) : Member(from, imported.Name, depth + 1);
        }
        foreach (string star in module.StarImports)
        {
            if (Module(star) is { } starred && Lookup(starred, name, depth + 1) is { Class: not null } found) return found;
        }
        return null;
    }

    private Symbol? ResolveModuleName(string dotted)
        => Module(dotted) is { } m ? Symbol.ForModule(dotted, m) : new Symbol(dotted, null, null, true);

    // owner.name: a class or submodule of a project module, else the outside dotted name.
    private Symbol Member(Symbol owner, string name, int depth)
    {
        string full = owner.FullName + "." + name;
        if (owner.Module is { } module && owner.Class is null)
        {
            if (Lookup(module, name, depth + 1) is { } inner) return inner;
            if (Module(full) is { } sub) return Symbol.ForModule(full, sub);
        }
        return new Symbol(full, null, null, owner.IsModule && Module(full) is null && IsPackage(full));
    }

    private PythonModule? Parse(string name, bool isPackage, ProjectFile file)
    {
        var source = new SettingsSource(file.Path, file.Text);
        return new PythonModule(name, isPackage, source, PySyntaxTree.Parse(source, _cancellationToken));
    }
}

/// <summary>
/// What a name refers to: its dotted full name (as Python would print the class's module and
/// qualified name), the project module that holds it, and the class definition when it is a class
/// of the project.
/// </summary>
internal sealed record Symbol(string FullName, PythonModule? Module, ClassDefStmt? Class, bool IsModule)
{
    public static Symbol ForModule(string name, PythonModule module) => new(name, module, null, true);
}
