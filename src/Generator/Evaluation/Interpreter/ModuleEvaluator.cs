using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// Runs the statements of one settings module over Python values. What cannot be known at build
/// time becomes <see cref="PyDeferred"/> (environment) or <see cref="PyUnknown"/> (everything the
/// compiler does not model); nothing here throws for any input.
/// </summary>
internal sealed partial class ModuleEvaluator
{
    private readonly EvaluationSession _session;
    private readonly int _index;
    private readonly PySyntaxTree _tree;
    private readonly SettingsSource _source;
    private LocalScope? _locals;
    private int _silent;
    private bool _defaultsMode;
    private string? _unresolvedStarImport;

    public ModuleEvaluator(EvaluationSession session, int index, PySyntaxTree tree)
    {
        _session = session;
        _index = index;
        _tree = tree;
        _source = tree.Source;
    }

    public ModuleScope Scope { get; } = new();

    public SettingsSource Source => _source;

    public void Run() => ExecBlock(_tree.Statements);

    // ------------------------------------------------------------------------------------------
    // Statements
    // ------------------------------------------------------------------------------------------

    private Flow ExecBlock(ImmutableArray<Stmt> statements)
    {
        foreach (var s in statements)
        {
            _session.CancellationToken.ThrowIfCancellationRequested();
            var flow = Exec(s);
            if (flow != Flow.Normal) return flow;
        }
        return Flow.Normal;
    }

    private Flow Exec(Stmt statement)
    {
        switch (statement)
        {
            case ExprStmt e:
                ExecExpressionStatement(e);
                return Flow.Normal;
            case AssignStmt a:
            {
                var value = Eval(a.Value);
                foreach (var target in a.Targets) Assign(target, value, a.Span);
                return Flow.Normal;
            }
            case AnnAssignStmt a:
                ExecAnnotated(a);
                return Flow.Normal;
            case AugAssignStmt a:
                ExecAugmented(a);
                return Flow.Normal;
            case ImportStmt i:
                ExecImport(i);
                return Flow.Normal;
            case FromImportStmt f:
                ExecFromImport(f);
                return Flow.Normal;
            case IfStmt i:
                return ExecIf(i);
            case ForStmt f:
                return ExecFor(f);
            case KeywordStmt k:
                return k.Keyword switch
                {
                    "break" => Flow.Break,
                    "continue" => Flow.Continue,
                    _ => Flow.Normal,
                };
            case DelStmt d:
                foreach (var t in d.Targets) Delete(t);
                return Flow.Normal;
            case AssertStmt:
            case GlobalStmt:
                return Flow.Normal;
            case TryStmt t:
                ExecTry(t);
                return Flow.Normal;
            case FunctionDefStmt f:
                Skip(f, "function definition '" + f.Name + "'", "a function body", runsNow: false);
                BindPlain(f.Name, new PyOpaque("function", f.Name) { Origin = Loc(f.NameSpan) }, f.NameSpan, f.Span, isImport: false);
                return Flow.Normal;
            case ClassDefStmt c:
                Skip(c, "class definition '" + c.Name + "'", "a class body", runsNow: false);
                BindPlain(c.Name, new PyOpaque("type", c.Name) { Origin = Loc(c.NameSpan) }, c.NameSpan, c.Span, isImport: false);
                return Flow.Normal;
            case WhileStmt w:
                Skip(w, "'while' loop", "a while loop", runsNow: true);
                return Flow.Normal;
            case WithStmt w:
                Skip(w, "'with' statement", "a with block", runsNow: true);
                return Flow.Normal;
            case ReturnStmt or RaiseStmt:
                Skip(statement, statement is ReturnStmt ? "'return' outside a function" : "'raise' statement", "a raise", runsNow: false);
                return Flow.Normal;
            case ErrorStmt e:
                // Already reported by the parser; list assignments of its block, never run them.
                ReportAssignmentsIn(e.Body, "a block whose header has a syntax error", markUnknown: true);
                return Flow.Normal;
        }
        return Flow.Normal;
    }

    private void ExecExpressionStatement(ExprStmt e)
    {
        // Docstrings and bare names are no-ops; calls may mutate (append/extend/update).
        if (e.Value is StringExpr or ConstantExpr or NameExpr) return;
        Eval(e.Value);
    }

    private void ExecAnnotated(AnnAssignStmt a)
    {
        if (a.Value is not null)
        {
            var value = Eval(a.Value);
            Assign(a.Target, value, a.Span);
            return;
        }
        if (a.Target is NameExpr name && _locals is null)
        {
            // "X: True" binds nothing in Python; keep what was meant, for the diagnostic.
            PyValue? meant;
            _silent++;
            try
            {
                meant = Eval(a.Annotation);
            }
            finally
            {
                _silent--;
            }
            _session.AddAnnotation(new AnnotationStatement(name.Name, Loc(name.Span), Loc(a.ColonSpan), meant is PyUnknown ? null : meant));
        }
    }

    private void ExecAugmented(AugAssignStmt a)
    {
        var current = Eval(a.Target);
        var value = Eval(a.Value);
        PyValue result;
        if (a.Operator == "+" && current is PyList list && value is not (PyDeferred or PyUnknown))
        {
            // list += iterable extends in place (any iterable, unlike list + list).
            var items = Iterate(value, a.Value);
            result = items is null ? Unknown("cannot extend a list with " + value.TypeName) : WithOrigin(PyOps.List(list.Items.Concat(items)), list.Origin, list.DefinedAt);
        }
        else
        {
            result = Binary(a, a.Operator, current, value);
            if (result.Origin is null || current is PyList or PyDict or PySet) result = result with { Origin = current.Origin ?? Loc(a.Span) };
        }
        Store(a.Target, result, a.Span, rebind: true);
    }

    private static PyValue WithOrigin(PyValue v, SourceLocation? origin, SourceLocation? definedAt) => v with { Origin = origin, DefinedAt = definedAt };

    private Flow ExecIf(IfStmt s)
    {
        var test = Eval(s.Test);
        var truth = PyOps.Truth(test);
        if (truth == true) return ExecBlock(s.Body);
        if (truth == false) return ExecBlock(s.OrElse);

        // The condition depends on the environment (or is unknown): run both branches and merge
        // every name they bind into a value that records the condition. Never pick a branch.
        var before = Scope.Snapshot();
        ExecBlock(s.Body);
        var afterTrue = Scope.Snapshot();
        Scope.Restore(before);
        ExecBlock(s.OrElse);
        var afterFalse = Scope.Snapshot();
        MergeBranches(test, s.Test, before.Vars, afterTrue.Vars, afterFalse.Vars, afterTrue.Order);
        return Flow.Normal;
    }

    private void MergeBranches(PyValue condition, Expr conditionSyntax, Dictionary<string, Binding> before, Dictionary<string, Binding> whenTrue, Dictionary<string, Binding> whenFalse, List<string> trueOrder)
    {
        var names = new List<string>(trueOrder);
        foreach (var n in whenFalse.Keys) if (!names.Contains(n)) names.Add(n);
        foreach (var name in names)
        {
            whenTrue.TryGetValue(name, out var t);
            whenFalse.TryGetValue(name, out var f);
            if (ReferenceEquals(t, f)) continue;
            before.TryGetValue(name, out var b);
            var source = !ReferenceEquals(t, b) && t is not null ? t : f ?? t!;
            var merged = MergeConditional(condition, conditionSyntax, t?.Value, f?.Value, Loc(conditionSyntax.Span));
            Scope.Set(name, new Binding(merged, source.NameLocation, source.StatementLocation, false));
        }
    }

    /// <summary>The value of "<paramref name="whenTrue"/> if condition else <paramref name="whenFalse"/>" for an undecided condition (null: unbound).</summary>
    private PyValue MergeConditional(PyValue condition, Expr conditionSyntax, PyValue? whenTrue, PyValue? whenFalse, SourceLocation origin)
    {
        if (condition is PyUnknown u) return new PyUnknown("depends on `" + Text(conditionSyntax.Span) + "`, which cannot be evaluated (" + u.Reason + ")") { Origin = origin };
        var unknown = (whenTrue as PyUnknown) ?? (whenFalse as PyUnknown);
        if (unknown is not null) return unknown;
        var keys = new List<string>();
        PyOps.CollectKeys(condition, keys);
        PyOps.CollectKeys(whenTrue, keys);
        PyOps.CollectKeys(whenFalse, keys);
        PyValue? conditionDefault = condition is PyDeferred d ? (d.Default is null ? null : PyOps.SubstituteDefaults(d.Default)) : PyOps.SubstituteDefaults(condition);
        bool? defaultTruth = conditionDefault is null ? null : PyOps.Truth(conditionDefault);
        PyValue? chosen = defaultTruth switch
        {
            true => whenTrue,
            false => whenFalse,
            _ => null,
        };
        PyValue? def = chosen is null ? null : PyOps.SubstituteDefaults(chosen);
        if (def is PyUnknown || (def is not null && !def.IsConstant)) def = null;
        string? type = PyOps.TypeOf(whenTrue) is string tt && tt == PyOps.TypeOf(whenFalse) ? tt : null;
        string description = DescribeValue(whenTrue) + " if " + Text(conditionSyntax.Span) + " else " + DescribeValue(whenFalse);
        return new PyDeferred(Shorten(description), keys.ToEquatableArray(), def, type) { Origin = origin };
    }

    private static string DescribeValue(PyValue? v) => v switch
    {
        null => "<unset>",
        PyDeferred d => d.Description,
        _ => Shorten(PyOps.Repr(v), 80),
    };

    private Flow ExecFor(ForStmt s)
    {
        var iterable = Eval(s.Iterable);
        if (iterable is PyUnknown u)
        {
            ReportAssignmentsIn(ImmutableArray.Create<Stmt>(s), "a loop over an unknown value", markUnknown: true, reason2: u.Reason);
            return Flow.Normal;
        }
        if (iterable is PyDeferred deferred)
        {
            DeferLoop(s, deferred);
            return Flow.Normal;
        }
        var items = Iterate(iterable, s.Iterable);
        if (items is null)
        {
            ReportAssignmentsIn(ImmutableArray.Create<Stmt>(s), "a loop that fails", markUnknown: true);
            return Flow.Normal;
        }
        RunLoop(s, items);
        return Flow.Normal;
    }

    private void RunLoop(ForStmt s, IReadOnlyList<PyValue> items)
    {
        bool broke = false;
        foreach (var item in items)
        {
            _session.CancellationToken.ThrowIfCancellationRequested();
            if (--_session.LoopBudget < 0)
            {
                Report(DiagnosticDescriptors.LoopLimitReached, s.Span, EvaluationSession.MaxLoopIterations);
                ReportAssignmentsIn(ImmutableArray.Create<Stmt>(s), "a loop that ran too long", markUnknown: true);
                return;
            }
            Assign(s.Target, item, s.Span);
            var flow = ExecBlock(s.Body);
            if (flow == Flow.Break)
            {
                broke = true;
                break;
            }
        }
        if (!broke) ExecBlock(s.OrElse);
    }

    /// <summary>
    /// A loop over an environment-dependent iterable: run it over the default (silently) to learn
    /// the defaults, then turn every name the loop assigns into a deferred value.
    /// </summary>
    private void DeferLoop(ForStmt s, PyDeferred iterable)
    {
        var before = Scope.Snapshot();
        var assigned = new List<(string Name, SourceSpan Span)>();
        CollectAssignedNames(ImmutableArray.Create<Stmt>(s), assigned);
        Dictionary<string, Binding>? after = null;
        var def = iterable.Default is null ? null : PyOps.SubstituteDefaults(iterable.Default);
        if (def is not null)
        {
            _silent++;
            try
            {
                var items = Iterate(def, s.Iterable);
                if (items is not null)
                {
                    RunLoop(s, items);
                    after = Scope.Snapshot().Vars;
                }
            }
            finally
            {
                _silent--;
            }
            Scope.Restore(before);
        }
        foreach (var (name, span) in assigned)
        {
            before.Vars.TryGetValue(name, out var old);
            Binding? now = null;
            after?.TryGetValue(name, out now);
            var keys = new List<string>(iterable.EnvironmentKeys);
            PyOps.CollectKeys(old?.Value, keys);
            PyValue? value = now?.Value;
            if (value is not null && !value.IsConstant) value = PyOps.SubstituteDefaults(value);
            string? type = old is not null && PyOps.TypeOf(old.Value) == PyOps.TypeOf(now?.Value) ? PyOps.TypeOf(old.Value) : null;
            var deferred = new PyDeferred(Shorten(name + " after `for " + Text(s.Target.Span) + " in " + Text(s.Iterable.Span) + "`"), keys.ToEquatableArray(), value is PyUnknown ? null : value, type) { Origin = Loc(s.Span) };
            if (_locals is not null) continue;
            Scope.Set(name, new Binding(deferred, old?.NameLocation ?? Loc(span), old?.StatementLocation ?? Loc(s.Span), false));
        }
    }

    private void ExecTry(TryStmt t)
    {
        // try: from .local import *  except ImportError: pass  -- an optional import, nothing more.
        if (t.Body.All(s => s is ImportStmt or FromImportStmt or KeywordStmt))
        {
            ExecBlock(t.Body);
            foreach (var h in t.Handlers) ReportAssignmentsIn(h.Body, "an except block", markUnknown: false);
            ExecBlock(t.OrElse);
            ExecBlock(t.Finally);
            return;
        }
        Skip(t, "'try' statement", "a try block", runsNow: true);
    }

    /// <summary>Reports a skipped construct (Info) and lists the names assigned inside it.</summary>
    private void Skip(Stmt statement, string what, string reason, bool runsNow)
    {
        var span = statement.Span;
        int lineEnd = _source.Text.IndexOfAny(new[] { '\r', '\n' }, span.Start);
        var head = SourceSpan.FromBounds(span.Start, lineEnd < 0 || lineEnd > span.End ? span.End : lineEnd);
        Report(DiagnosticDescriptors.SkippedStatement, head, what);
        ReportAssignmentsIn(ImmutableArray.Create(statement), reason, markUnknown: runsNow);
    }

    private void ReportAssignmentsIn(ImmutableArray<Stmt> statements, string reason, bool markUnknown, string? reason2 = null)
    {
        var assigned = new List<(string Name, SourceSpan Span)>();
        CollectAssignedNames(statements, assigned, includeDefinitions: false);
        foreach (var (name, span) in assigned)
        {
            _session.AddSkipped(new SkippedAssignment(name, Loc(span), reason));
            if (markUnknown && _locals is null)
            {
                var unknown = new PyUnknown(name + " is assigned inside " + reason + (reason2 is null ? string.Empty : " (" + reason2 + ")")) { Origin = Loc(span) };
                Scope.Set(name, new Binding(unknown, Loc(span), Loc(span), false));
            }
        }
    }

    private void ReportAssignmentsIn(ImmutableArray<Stmt> statements, string reason, bool markUnknown) => ReportAssignmentsIn(statements, reason, markUnknown, null);

    /// <summary>Names a block binds (assignment targets, mutated names, loop targets), syntactically.</summary>
    private static void CollectAssignedNames(ImmutableArray<Stmt> statements, List<(string, SourceSpan)> into, bool includeDefinitions = true)
    {
        foreach (var s in statements)
        {
            switch (s)
            {
                case AssignStmt a:
                    foreach (var t in a.Targets) CollectTargetNames(t, into);
                    break;
                case AnnAssignStmt a when a.Value is not null:
                    CollectTargetNames(a.Target, into);
                    break;
                case AugAssignStmt a:
                    CollectTargetNames(a.Target, into);
                    break;
                case ExprStmt { Value: CallExpr { Function: AttributeExpr { Object: var obj } } }:
                    CollectTargetNames(obj, into);
                    break;
                case ForStmt f:
                    CollectTargetNames(f.Target, into);
                    CollectAssignedNames(f.Body, into, includeDefinitions);
                    CollectAssignedNames(f.OrElse, into, includeDefinitions);
                    break;
                case IfStmt i:
                    CollectAssignedNames(i.Body, into, includeDefinitions);
                    CollectAssignedNames(i.OrElse, into, includeDefinitions);
                    break;
                case WhileStmt w:
                    CollectAssignedNames(w.Body, into, includeDefinitions);
                    CollectAssignedNames(w.OrElse, into, includeDefinitions);
                    break;
                case TryStmt t:
                    CollectAssignedNames(t.Body, into, includeDefinitions);
                    foreach (var h in t.Handlers) CollectAssignedNames(h.Body, into, includeDefinitions);
                    CollectAssignedNames(t.OrElse, into, includeDefinitions);
                    CollectAssignedNames(t.Finally, into, includeDefinitions);
                    break;
                case WithStmt w:
                    foreach (var item in w.Items) if (item.Target is not null) CollectTargetNames(item.Target, into);
                    CollectAssignedNames(w.Body, into, includeDefinitions);
                    break;
                case FunctionDefStmt f:
                    CollectAssignedNames(f.Body, into, includeDefinitions);
                    break;
                case ClassDefStmt c:
                    CollectAssignedNames(c.Body, into, includeDefinitions);
                    break;
                case ErrorStmt e:
                    CollectAssignedNames(e.Body, into, includeDefinitions);
                    break;
            }
        }
    }

    private static void CollectTargetNames(Expr target, List<(string, SourceSpan)> into)
    {
        switch (target)
        {
            case NameExpr n:
                into.Add((n.Name, n.Span));
                break;
            case SubscriptExpr s:
                CollectTargetNames(s.Object, into);
                break;
            case AttributeExpr:
                break;
            case StarredExpr s:
                CollectTargetNames(s.Value, into);
                break;
            case ParenthesizedExpr p:
                CollectTargetNames(p.Inner, into);
                break;
            case SequenceExpr seq:
                foreach (var e in seq.Elements) CollectTargetNames(e, into);
                break;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Binding
    // ------------------------------------------------------------------------------------------

    /// <summary>Assigns a value to a target (name, tuple/list unpacking, subscript).</summary>
    private void Assign(Expr target, PyValue value, SourceSpan statementSpan)
    {
        switch (target)
        {
            case NameExpr n:
                Bind(n, value, statementSpan);
                return;
            case ParenthesizedExpr p:
                Assign(p.Inner, value, statementSpan);
                return;
            case SubscriptExpr s:
                Store(s, value, statementSpan, rebind: false);
                return;
            case AttributeExpr a:
                Report(DiagnosticDescriptors.SkippedStatement, a.Span, "assignment to attribute '" + Text(a.Span) + "'");
                return;
            case SequenceExpr seq:
                Unpack(seq, value, statementSpan);
                return;
            case StarredExpr st:
                Assign(st.Value, value, statementSpan);
                return;
        }
    }

    private void Unpack(SequenceExpr targets, PyValue value, SourceSpan statementSpan)
    {
        var elements = targets.Elements;
        if (value is PyDeferred or PyUnknown)
        {
            for (int i = 0; i < elements.Count(); i++)
            {
                int index = i;
                var part = value is PyUnknown ? value : Lift(targets, new[] { value }, vs => UnpackItem(targets, vs[0], index), null);
                Assign(elements[i], part, statementSpan);
            }
            return;
        }
        var items = Iterate(value, targets);
        if (items is null) return;
        int star = -1;
        for (int i = 0; i < elements.Length; i++) if (elements[i] is StarredExpr) star = i;
        if (star < 0 && items.Count != elements.Length)
        {
            Error(targets.Span, items.Count > elements.Length ? "ValueError: too many values to unpack (expected " + elements.Length + ")" : "ValueError: not enough values to unpack (expected " + elements.Length + ", got " + items.Count + ")");
            foreach (var e in elements) Assign(e, Unknown("unpacking failed"), statementSpan);
            return;
        }
        if (star >= 0 && items.Count < elements.Length - 1)
        {
            Error(targets.Span, "ValueError: not enough values to unpack");
            return;
        }
        int after = elements.Length - star - 1;
        for (int i = 0; i < elements.Length; i++)
        {
            if (i == star)
            {
                Assign(elements[i], PyOps.List(items.Skip(star).Take(items.Count - star - after)), statementSpan);
            }
            else
            {
                int source = star >= 0 && i > star ? items.Count - (elements.Length - i) : i;
                Assign(elements[i], items[source], statementSpan);
            }
        }
    }

    private PyValue UnpackItem(SequenceExpr targets, PyValue value, int index)
    {
        var items = Iterate(value, targets);
        if (items is null || index >= items.Count) return Unknown("unpacking failed");
        return items[index];
    }

    private void Bind(NameExpr name, PyValue value, SourceSpan statementSpan)
    {
        if (_locals is not null)
        {
            _locals.Vars[name.Name] = value;
            return;
        }
        Scope.Set(name.Name, new Binding(value, Loc(name.Span), Loc(statementSpan), false));
    }

    private void BindPlain(string name, PyValue value, SourceSpan nameSpan, SourceSpan statementSpan, bool isImport)
    {
        if (_locals is not null)
        {
            _locals.Vars[name] = value;
            return;
        }
        Scope.Set(name, new Binding(value, Loc(nameSpan), Loc(statementSpan), isImport));
    }

    /// <summary>
    /// Writes a new value into a place (a name, or a subscript of a place). Mutations (subscript
    /// assignment, <c>.append</c>) keep the name's binding location; assignments rebind it.
    /// </summary>
    private void Store(Expr place, PyValue value, SourceSpan statementSpan, bool rebind)
    {
        if (_session.Metrics.Excess(value) is string excess)
        {
            value = TooLarge(statementSpan, excess);
        }
        switch (place)
        {
            case NameExpr n:
                if (_locals is not null && _locals.TryGet(n.Name, out _))
                {
                    _locals.Vars[n.Name] = value;
                    return;
                }
                if (!rebind && Scope.TryGet(n.Name, out var old))
                {
                    Scope.Set(n.Name, old with { Value = value, IsImport = false });
                    return;
                }
                Bind(n, value, statementSpan);
                return;
            case ParenthesizedExpr p:
                Store(p.Inner, value, statementSpan, rebind);
                return;
            case SubscriptExpr s:
            {
                var container = EvalPlace(s.Object);
                var key = Eval(s.Index);
                var updated = SetItem(s, container, key, value);
                if (updated is not null) Store(s.Object, updated, statementSpan, rebind: false);
                return;
            }
            case AttributeExpr a:
                Report(DiagnosticDescriptors.SkippedStatement, a.Span, "assignment to attribute '" + Text(a.Span) + "'");
                return;
        }
    }

    private void Delete(Expr target)
    {
        switch (target)
        {
            case NameExpr n:
                if (_locals is null) Scope.Remove(n.Name);
                return;
            case SubscriptExpr s:
            {
                var container = EvalPlace(s.Object);
                var key = Eval(s.Index);
                PyValue? updated = container switch
                {
                    PyDict d when key is not (PyDeferred or PyUnknown) => DictRemove(s, d, key),
                    PyList l when key is PyInt i => ListRemoveAt(s, l, i.Value),
                    PyDeferred or PyUnknown => Unknown("deleted from an unknown container"),
                    _ => null,
                };
                if (updated is not null) Store(s.Object, updated, s.Span, rebind: false);
                return;
            }
            case SequenceExpr seq:
                foreach (var e in seq.Elements) Delete(e);
                return;
        }
    }

    private PyValue? DictRemove(Expr node, PyDict d, PyValue key)
    {
        var k = PyOps.HashKey(key);
        var entries = d.Entries.Where(e => PyOps.HashKey(e.Key) != k).ToList();
        if (entries.Count == d.Entries.Count)
        {
            Error(node.Span, "KeyError: " + PyOps.Repr(key));
            return null;
        }
        return new PyDict(entries.ToEquatableArray()) { Origin = d.Origin, DefinedAt = d.DefinedAt };
    }

    private PyValue? ListRemoveAt(Expr node, PyList l, long index)
    {
        if (index < 0) index += l.Items.Count;
        if (index < 0 || index >= l.Items.Count)
        {
            Error(node.Span, "IndexError: list assignment index out of range");
            return null;
        }
        var items = l.Items.ToList();
        items.RemoveAt((int)index);
        return WithOrigin(PyOps.List(items), l.Origin, l.DefinedAt);
    }

    // ------------------------------------------------------------------------------------------
    // Imports
    // ------------------------------------------------------------------------------------------

    private void ExecImport(ImportStmt i)
    {
        foreach (var alias in i.Names)
        {
            string module = alias.Name;
            if (alias.AsName is null)
            {
                // "import os.path" binds "os".
                int dot = module.IndexOf('.');
                string top = dot < 0 ? module : module.Substring(0, dot);
                if (!Modules.IsKnownModule(module)) Report(DiagnosticDescriptors.UnknownImport, alias.Span, module);
                BindPlain(top, Modules.IsKnownModule(top) ? new PyOpaque("module", top) : new PyUnknown("module '" + top + "' is not evaluated"), alias.BoundNameSpan, i.Span, isImport: true);
            }
            else
            {
                PyValue value;
                if (Modules.IsKnownModule(module)) value = new PyOpaque("module", module);
                else
                {
                    Report(DiagnosticDescriptors.UnknownImport, alias.Span, module);
                    value = new PyUnknown("module '" + module + "' is not evaluated");
                }
                BindPlain(alias.AsName, value, alias.BoundNameSpan, i.Span, isImport: true);
            }
        }
    }

    private void ExecFromImport(FromImportStmt f)
    {
        string display = new string('.', f.Level) + (f.Module ?? string.Empty);
        bool knownLibrary = f.Level == 0 && f.Module is not null && Modules.IsKnownModule(f.Module);
        if (!knownLibrary)
        {
            int target = _session.FindModule(f.Module, _index);
            if (target >= 0)
            {
                var module = _session.EvaluateModule(target);
                if (module is null)
                {
                    Report(DiagnosticDescriptors.ImportCycle, f.Span, display, EvaluationSession.FileName(_session.Files[target].Path));
                    return;
                }
                ImportFromSettingsModule(f, module);
                return;
            }
        }
        if (f.IsStar)
        {
            if (knownLibrary)
            {
                foreach (var (name, value) in Modules.StarExports(f.Module!)) BindPlain(name, value, f.ModuleSpan, f.Span, isImport: true);
                return;
            }
            Report(DiagnosticDescriptors.UnresolvedStarImport, f.Span, display);
            _unresolvedStarImport ??= display;
            return;
        }
        bool reported = false;
        foreach (var alias in f.Names)
        {
            PyValue? value = knownLibrary ? Modules.ImportName(f.Module!, alias.Name) : null;
            if (value is null)
            {
                if (knownLibrary && Modules.IsKnownModule(f.Module + "." + alias.Name)) value = new PyOpaque("module", f.Module + "." + alias.Name);
            }
            if (value is null)
            {
                if (!reported)
                {
                    Report(DiagnosticDescriptors.UnknownImport, f.Span, knownLibrary ? f.Module + "." + alias.Name : display);
                    reported = true;
                }
                value = new PyUnknown("'" + alias.Name + "' is imported from " + display + ", which is not evaluated");
            }
            BindPlain(alias.AsName ?? alias.Name, value with { Origin = Loc(alias.Span) }, alias.BoundNameSpan, f.Span, isImport: true);
        }
    }

    private void ImportFromSettingsModule(FromImportStmt f, ModuleEvaluator module)
    {
        if (f.IsStar)
        {
            foreach (var name in module.Scope.Names)
            {
                if (name.StartsWith("_", System.StringComparison.Ordinal)) continue;
                if (module.Scope.TryGet(name, out var b) && _locals is null) Scope.Set(name, b);
            }
            if (module._unresolvedStarImport is not null) _unresolvedStarImport ??= module._unresolvedStarImport;
            return;
        }
        foreach (var alias in f.Names)
        {
            if (module.Scope.TryGet(alias.Name, out var b))
            {
                if (_locals is null) Scope.Set(alias.AsName ?? alias.Name, b);
            }
            else
            {
                Error(alias.Span, "ImportError: cannot import name '" + alias.Name + "' from '" + EvaluationSession.FileName(module.Source.Path) + "'");
                BindPlain(alias.AsName ?? alias.Name, Unknown("import failed"), alias.BoundNameSpan, f.Span, isImport: false);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Diagnostics and locations
    // ------------------------------------------------------------------------------------------

    private SourceLocation Loc(SourceSpan span) => _source.GetLocation(span);

    private string Text(SourceSpan span)
    {
        int start = System.Math.Max(0, System.Math.Min(span.Start, _source.Text.Length));
        int end = System.Math.Max(start, System.Math.Min(span.End, _source.Text.Length));
        return Shorten(_source.Text.Substring(start, System.Math.Min(end - start, 400)));
    }

    private static string Shorten(string text, int max = 200)
    {
        var sb = new System.Text.StringBuilder(System.Math.Min(text.Length, max + 3));
        bool space = false;
        foreach (char c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
            if (sb.Length >= max)
            {
                sb.Append("...");
                break;
            }
        }
        return sb.ToString();
    }

    private void Report(DjsDescriptor descriptor, SourceSpan span, params object?[] args)
    {
        if (_silent > 0) return;
        _session.Report(SettingsDiagnostic.Create(descriptor, Loc(span), args));
    }

    /// <summary>Reports what Python would raise here (a warning) and yields an unknown value.</summary>
    private PyUnknown Error(SourceSpan span, string message)
    {
        Report(DiagnosticDescriptors.EvaluationError, span, message);
        return new PyUnknown(message) { Origin = Loc(span) };
    }

    private static PyUnknown Unknown(string reason) => new(reason);
}
