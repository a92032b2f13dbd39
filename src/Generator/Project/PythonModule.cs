using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Project;

/// <summary>
/// One parsed module of the Django project: its top-level classes, the names it imports (with the
/// module they come from, made absolute) and its top-level constants. Only what the readers need;
/// nothing is executed.
/// </summary>
internal sealed class PythonModule
{
    private readonly Dictionary<string, ClassDefStmt> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportedName> _imports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expr> _constants = new(StringComparer.Ordinal);
    private readonly List<string> _starImports = new();

    public PythonModule(string name, bool isPackage, SettingsSource source, PySyntaxTree tree)
    {
        Name = name;
        IsPackage = isPackage;
        Source = source;
        Statements = tree.Statements;
        SyntaxErrors = tree.Diagnostics.Where(d => d.Severity == SettingsSeverity.Error).ToImmutableArray();
        foreach (var statement in Statements) Index(statement);
    }

    /// <summary>The dotted module name (<c>apps.accounts.models</c>).</summary>
    public string Name { get; }

    /// <summary>Whether it is a package's <c>__init__.py</c>.</summary>
    public bool IsPackage { get; }

    /// <summary>The file.</summary>
    public SettingsSource Source { get; }

    /// <summary>The top-level statements.</summary>
    public ImmutableArray<Stmt> Statements { get; }

    /// <summary>Syntax errors (the parser skipped those statements).</summary>
    public ImmutableArray<SettingsDiagnostic> SyntaxErrors { get; }

    /// <summary>Modules whose names <c>from m import *</c> brings in, absolute.</summary>
    public IReadOnlyList<string> StarImports => _starImports;

    /// <summary>A top-level class of this module.</summary>
    public ClassDefStmt? Class(string name) => _classes.TryGetValue(name, out var c) ? c : null;

    /// <summary>The top-level classes, in source order.</summary>
    public IEnumerable<ClassDefStmt> Classes => _classes.Values.OrderBy(c => c.Span.Start);

    /// <summary>What an imported name refers to, or null.</summary>
    public ImportedName? Import(string name) => _imports.TryGetValue(name, out var i) ? i : null;

    /// <summary>The value of a top-level <c>NAME = value</c> (the last one), or null.</summary>
    public Expr? Constant(string name) => _constants.TryGetValue(name, out var e) ? e : null;

    /// <summary>Where a span of this file is.</summary>
    public SourceLocation Location(SourceSpan span) => Source.GetLocation(span);

    /// <summary>The 1-based line of a span.</summary>
    public int Line(SourceSpan span) => Source.GetPosition(span.Start).Line;

    private void Index(Stmt statement)
    {
        switch (statement)
        {
            case ClassDefStmt c:
                _classes[c.Name] = c;
                break;
            case FromImportStmt f:
                string? from = Absolute(f.Level, f.Module);
                if (from is null) break;
                if (f.IsStar)
                {
                    _starImports.Add(from);
                    break;
                }
                foreach (var alias in f.Names) _imports[alias.AsName ?? alias.Name] = new ImportedName(from, alias.Name);
                break;
            case ImportStmt i:
                foreach (var alias in i.Names)
                {
                    // `import a.b` binds a; `import a.b as c` binds c to a.b.
                    if (alias.AsName is { } asName) _imports[asName] = new ImportedName(alias.Name, null);
                    else
                    {
                        string first = alias.Name.Split('.')[0];
                        _imports[first] = new ImportedName(first, null);
                    }
                }
                break;
            case AssignStmt a:
                foreach (var target in a.Targets)
                {
                    if (target is NameExpr n) _constants[n.Name] = a.Value;
                }
                break;
            case AnnAssignStmt { Target: NameExpr n, Value: { } v }:
                _constants[n.Name] = v;
                break;
            case TryStmt t:
                // `try: from x import y / except ImportError: ...`: the first branch is what a working install runs.
                foreach (var inner in t.Body) Index(inner);
                break;
        }
    }

    // A relative import made absolute: level 1 is this package (the module's own folder).
    private string? Absolute(int level, string? module)
    {
        if (level == 0) return module;
        var parts = Name.Split('.').ToList();
        if (!IsPackage) parts.RemoveAt(parts.Count - 1);
        for (int i = 1; i < level; i++)
        {
            if (parts.Count == 0) return null;
            parts.RemoveAt(parts.Count - 1);
        }
        if (!string.IsNullOrEmpty(module)) parts.Add(module!);
        return parts.Count == 0 ? null : string.Join(".", parts);
    }
}

/// <summary>An imported name: the absolute module, and the name imported from it (null for <c>import m</c>).</summary>
internal sealed record ImportedName(string Module, string? Name)
{
    /// <summary>The dotted name it refers to.</summary>
    public string FullName => Name is null ? Module : Module + "." + Name;
}
