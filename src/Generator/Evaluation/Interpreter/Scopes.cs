using System.Collections.Generic;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// A module-level name: its value and the assignment that bound it. <c>IsImport</c>: bound by an
/// import of a non-settings module (<c>os</c>, <c>default_headers</c>), so not reported as a setting.
/// </summary>
internal sealed record Binding(PyValue Value, SourceLocation NameLocation, SourceLocation StatementLocation, bool IsImport);

/// <summary>The names of one settings module, in first-assignment order.</summary>
internal sealed class ModuleScope
{
    private Dictionary<string, Binding> _vars = new();
    private List<string> _order = new();

    public bool TryGet(string name, out Binding binding) => _vars.TryGetValue(name, out binding!);

    public void Set(string name, Binding binding)
    {
        if (!_vars.ContainsKey(name)) _order.Add(name);
        _vars[name] = binding;
    }

    public void Remove(string name) => _vars.Remove(name);

    public IEnumerable<string> Names
    {
        get
        {
            foreach (var n in _order)
            {
                if (_vars.ContainsKey(n)) yield return n;
            }
        }
    }

    public (Dictionary<string, Binding> Vars, List<string> Order) Snapshot() => (new Dictionary<string, Binding>(_vars), new List<string>(_order));

    public void Restore((Dictionary<string, Binding> Vars, List<string> Order) snapshot)
    {
        _vars = new Dictionary<string, Binding>(snapshot.Vars);
        _order = new List<string>(snapshot.Order);
    }
}

/// <summary>Names local to a comprehension or lambda body.</summary>
internal sealed class LocalScope
{
    public LocalScope(LocalScope? parent) => Parent = parent;

    public LocalScope? Parent { get; }

    public Dictionary<string, PyValue> Vars { get; } = new();

    public bool TryGet(string name, out PyValue value)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s.Vars.TryGetValue(name, out value!)) return true;
        }
        value = null!;
        return false;
    }
}

/// <summary>A lambda value: its syntax, the scope it closes over and the module it was written in.</summary>
internal sealed record LambdaClosure(LambdaExpr Syntax, LocalScope? Closure, ModuleEvaluator Owner);

/// <summary>A django-environ <c>Env(...)</c> object: its scheme (name to cast and default).</summary>
internal sealed record EnvironScheme(Dictionary<string, (PyValue? Cast, PyValue? Default)> Entries);

/// <summary>A python-decouple <c>Csv(...)</c> cast.</summary>
internal sealed record CsvCast(string Delimiter, PyValue? Cast, bool Tuple);

/// <summary>
/// Where names that are not defined may come from (an unresolved star import, <c>exec(...)</c>):
/// its description for messages, the settings module that was not given (star imports), and the
/// diagnostic that explains it.
/// </summary>
internal sealed record UnknownNames(string Description, string? MissingModule, Diagnostics.SettingsDiagnostic? Cause);

/// <summary>How a block of statements finished.</summary>
internal enum Flow
{
    Normal,
    Break,
    Continue,
}
