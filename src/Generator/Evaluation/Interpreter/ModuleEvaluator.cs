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
/// compiler does not model); nothing here throws for any input. The core language lives in this
/// type (statements here; targets, imports, expressions, displays, calls and deferral in the
/// files named for them); library semantics (builtins, methods, environment libraries, pathlib,
/// timedelta) live in <c>Evaluation/Library</c> and are reached through <see cref="Site"/>.
/// </summary>
internal sealed partial class ModuleEvaluator
{
    private readonly EvaluationSession _session;
    private readonly int _index;
    private readonly PySyntaxTree _tree;
    private readonly SettingsSource _source;
    private UnknownNames? _unknownNames;

    public ModuleEvaluator(EvaluationSession session, int index, PySyntaxTree tree)
    {
        _session = session;
        _index = index;
        _tree = tree;
        _source = tree.Source;
    }

    public ModuleScope Scope { get; } = new();

    public SettingsSource Source => _source;

    /// <summary>The evaluation this module belongs to (shared budgets, ids, diagnostics).</summary>
    public EvaluationSession Session => _session;

    public void Run() => ExecBlock(_tree.Statements, EvalContext.ModuleLevel);

    // ------------------------------------------------------------------------------------------
    // Statements
    // ------------------------------------------------------------------------------------------

    private Flow ExecBlock(ImmutableArray<Stmt> statements, EvalContext ctx)
    {
        foreach (var s in statements)
        {
            _session.CancellationToken.ThrowIfCancellationRequested();
            var flow = Exec(s, ctx);
            if (flow != Flow.Normal) return flow;
        }
        return Flow.Normal;
    }

    private Flow Exec(Stmt statement, EvalContext ctx)
    {
        switch (statement)
        {
            case ExprStmt e:
                ExecExpressionStatement(e, ctx);
                return Flow.Normal;
            case AssignStmt a:
            {
                var value = Eval(a.Value, ctx);
                foreach (var target in a.Targets) Assign(target, value, a.Span, ctx);
                return Flow.Normal;
            }
            case AnnAssignStmt a:
                ExecAnnotated(a, ctx);
                return Flow.Normal;
            case AugAssignStmt a:
                ExecAugmented(a, ctx);
                return Flow.Normal;
            case ImportStmt i:
                ExecImport(i, ctx);
                return Flow.Normal;
            case FromImportStmt f:
                ExecFromImport(f, ctx);
                return Flow.Normal;
            case IfStmt i:
                return ExecIf(i, ctx);
            case ForStmt f:
                return ExecFor(f, ctx);
            case KeywordStmt k:
                return k.Keyword switch
                {
                    "break" => Flow.Break,
                    "continue" => Flow.Continue,
                    _ => Flow.Normal,
                };
            case DelStmt d:
                foreach (var t in d.Targets) Delete(t, ctx);
                return Flow.Normal;
            case AssertStmt:
            case GlobalStmt:
                return Flow.Normal;
            case TryStmt t:
                ExecTry(t, ctx);
                return Flow.Normal;
            case FunctionDefStmt f:
                Skip(f, "function definition '" + f.Name + "'", "a function body", runsNow: false, ctx);
                BindPlain(f.Name, new PyOpaque("function", f.Name) { Origin = Loc(f.NameSpan) }, f.NameSpan, f.Span, isImport: false, ctx);
                return Flow.Normal;
            case ClassDefStmt c:
                Skip(c, "class definition '" + c.Name + "'", "a class body", runsNow: false, ctx);
                BindPlain(c.Name, new PyOpaque("type", c.Name) { Origin = Loc(c.NameSpan) }, c.NameSpan, c.Span, isImport: false, ctx);
                return Flow.Normal;
            case WhileStmt w:
                Skip(w, "'while' loop", "a while loop", runsNow: true, ctx);
                return Flow.Normal;
            case WithStmt w:
                Skip(w, "'with' statement", "a with block", runsNow: true, ctx);
                return Flow.Normal;
            case ReturnStmt or RaiseStmt:
                Skip(statement, statement is ReturnStmt ? "'return' outside a function" : "'raise' statement", "a raise", runsNow: false, ctx);
                return Flow.Normal;
            case ErrorStmt e:
                // Already reported by the parser; list assignments of its block, never run them.
                ReportAssignmentsIn(e.Body, "a block whose header has a syntax error", markUnknown: true, null, ctx);
                return Flow.Normal;
        }
        return Flow.Normal;
    }

    private void ExecExpressionStatement(ExprStmt e, EvalContext ctx)
    {
        // Docstrings and bare names are no-ops; calls may mutate (append/extend/update).
        if (e.Value is StringExpr or ConstantExpr or NameExpr) return;
        Eval(e.Value, ctx);
    }

    private void ExecAnnotated(AnnAssignStmt a, EvalContext ctx)
    {
        if (a.Value is not null)
        {
            var value = Eval(a.Value, ctx);
            Assign(a.Target, value, a.Span, ctx);
            return;
        }
        if (a.Target is NameExpr name && ctx.Locals is null)
        {
            // "X: True" binds nothing in Python; keep what was meant, for the diagnostic.
            var meant = Eval(a.Annotation, ctx.Quiet());
            _session.AddAnnotation(new AnnotationStatement(name.Name, Loc(name.Span), Loc(a.ColonSpan), meant is PyUnknown ? null : meant));
        }
    }

    private void ExecAugmented(AugAssignStmt a, EvalContext ctx)
    {
        var current = Eval(a.Target, ctx);
        var value = Eval(a.Value, ctx);
        PyValue result;
        if (a.Operator == "+" && current is PyList list && value is not (PyDeferred or PyUnknown))
        {
            // list += iterable extends in place (any iterable, unlike list + list).
            var items = Iterate(ctx, value, a.Value);
            result = items is null ? Unknown("cannot extend a list with " + value.TypeName) : WithOrigin(PyOps.List(list.Items.Concat(items)), list.Origin, list.DefinedAt);
        }
        else
        {
            result = Operators.Binary(new Site(this, ctx, a), a.Operator, current, value);
            if (result.Origin is null || current is PyList or PyDict or PySet) result = result with { Origin = current.Origin ?? Loc(a.Span) };
        }
        Store(a.Target, result, a.Span, rebind: true, ctx);
    }

    private static PyValue WithOrigin(PyValue v, SourceLocation? origin, SourceLocation? definedAt) => v with { Origin = origin, DefinedAt = definedAt };

    private Flow ExecIf(IfStmt s, EvalContext ctx)
    {
        var test = Eval(s.Test, ctx);
        var truth = PyOps.Truth(test);
        if (truth == true) return ExecBlock(s.Body, ctx);
        if (truth == false) return ExecBlock(s.OrElse, ctx);

        // The condition depends on the environment (or is unknown): run both branches and merge
        // every name they bind into a value that records the condition. Never pick a branch.
        var before = Scope.Snapshot();
        ExecBlock(s.Body, ctx);
        var afterTrue = Scope.Snapshot();
        Scope.Restore(before);
        ExecBlock(s.OrElse, ctx);
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

    private Flow ExecFor(ForStmt s, EvalContext ctx)
    {
        var iterable = Eval(s.Iterable, ctx);
        if (iterable is PyUnknown u)
        {
            ReportAssignmentsIn(ImmutableArray.Create<Stmt>(s), "a loop over an unknown value", markUnknown: true, u.Reason, ctx, u.Cause);
            return Flow.Normal;
        }
        if (iterable is PyDeferred deferred)
        {
            DeferLoop(s, deferred, ctx);
            return Flow.Normal;
        }
        var items = Iterate(ctx, iterable, s.Iterable);
        if (items is null)
        {
            ReportAssignmentsIn(ImmutableArray.Create<Stmt>(s), "a loop that fails", markUnknown: true, null, ctx);
            return Flow.Normal;
        }
        RunLoop(s, items, ctx);
        return Flow.Normal;
    }

    private void RunLoop(ForStmt s, IReadOnlyList<PyValue> items, EvalContext ctx)
    {
        bool broke = false;
        foreach (var item in items)
        {
            _session.CancellationToken.ThrowIfCancellationRequested();
            if (--_session.LoopBudget < 0)
            {
                Report(ctx, DiagnosticDescriptors.LoopLimitReached, s.Span, EvaluationSession.MaxLoopIterations);
                ReportAssignmentsIn(ImmutableArray.Create<Stmt>(s), "a loop that ran too long", markUnknown: true, null, ctx);
                return;
            }
            Assign(s.Target, item, s.Span, ctx);
            var flow = ExecBlock(s.Body, ctx);
            if (flow == Flow.Break)
            {
                broke = true;
                break;
            }
        }
        if (!broke) ExecBlock(s.OrElse, ctx);
    }

    /// <summary>
    /// A loop over an environment-dependent iterable: run it over the default (silently) to learn
    /// the defaults, then turn every name the loop assigns into a deferred value.
    /// </summary>
    private void DeferLoop(ForStmt s, PyDeferred iterable, EvalContext ctx)
    {
        var before = Scope.Snapshot();
        var assigned = new List<(string Name, SourceSpan Span)>();
        AssignedNames.Collect(ImmutableArray.Create<Stmt>(s), assigned);
        Dictionary<string, Binding>? after = null;
        var def = iterable.Default is null ? null : PyOps.SubstituteDefaults(iterable.Default);
        if (def is not null)
        {
            var quiet = ctx.Quiet();
            var items = Iterate(quiet, def, s.Iterable);
            if (items is not null)
            {
                RunLoop(s, items, quiet);
                after = Scope.Snapshot().Vars;
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
            if (ctx.Locals is not null) continue;
            Scope.Set(name, new Binding(deferred, old?.NameLocation ?? Loc(span), old?.StatementLocation ?? Loc(s.Span), false));
        }
    }

    private void ExecTry(TryStmt t, EvalContext ctx)
    {
        // try: from .local import *  except ImportError: pass  -- an optional import, nothing more.
        if (t.Body.All(s => s is ImportStmt or FromImportStmt or KeywordStmt))
        {
            ExecBlock(t.Body, ctx);
            foreach (var h in t.Handlers) ReportAssignmentsIn(h.Body, "an except block", markUnknown: false, null, ctx);
            ExecBlock(t.OrElse, ctx);
            ExecBlock(t.Finally, ctx);
            return;
        }
        Skip(t, "'try' statement", "a try block", runsNow: true, ctx);
    }

    /// <summary>
    /// A construct the evaluator skips: the names assigned inside are listed (and, for a block that
    /// would run, become unknown). Its explanation (DJS0018) is reported only if a needed setting
    /// depends on one of those names.
    /// </summary>
    private void Skip(Stmt statement, string what, string reason, bool runsNow, EvalContext ctx)
    {
        var span = statement.Span;
        int lineEnd = _source.Text.IndexOfAny(new[] { '\r', '\n' }, span.Start);
        var head = SourceSpan.FromBounds(span.Start, lineEnd < 0 || lineEnd > span.End ? span.End : lineEnd);
        var cause = SettingsDiagnostic.Create(DiagnosticDescriptors.SkippedStatement, Loc(head), what);
        ReportAssignmentsIn(ImmutableArray.Create(statement), reason, markUnknown: runsNow, null, ctx, cause);
    }

    /// <summary>
    /// After <c>exec(...)</c>, <c>globals()</c> or an unresolved star import, a name that is not
    /// defined may have been defined there: it reads as unknown, not as a NameError.
    /// </summary>
    internal void NamesMayComeFrom(string source, SettingsDiagnostic? cause)
    {
        _unknownNames ??= new UnknownNames(source, null, cause);
    }

    /// <summary>
    /// The module's namespace as <c>globals()</c> returns it: every name bound so far (imports
    /// included) and the module attributes Python defines. Unknown when names may come from code
    /// that is not evaluated (an unresolved star import, <c>exec</c>).
    /// </summary>
    internal PyValue Namespace(Site site, string function)
    {
        if (_unknownNames is { } source)
        {
            return new PyUnknown(function + "() may hold names from " + source.Description + ", which is not evaluated") { Origin = site.Location, Cause = source.Cause, MissingModule = source.MissingModule };
        }
        var builder = new DictBuilder();
        foreach (var dunder in new[] { "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__file__", "__builtins__" })
        {
            builder.Set(new PyStr(dunder), Modules.Builtin(dunder, _source) ?? new PyUnknown("'" + dunder + "' is not evaluated"));
        }
        foreach (var name in Scope.Names)
        {
            if (Scope.TryGet(name, out var binding)) builder.Set(new PyStr(name), binding.Value);
        }
        return builder.Build();
    }

    private void ReportAssignmentsIn(ImmutableArray<Stmt> statements, string reason, bool markUnknown, string? reason2, EvalContext ctx, SettingsDiagnostic? cause = null)
    {
        var assigned = new List<(string Name, SourceSpan Span)>();
        AssignedNames.Collect(statements, assigned, includeDefinitions: false);
        foreach (var (name, span) in assigned)
        {
            _session.AddSkipped(new SkippedAssignment(name, Loc(span), reason));
            if (markUnknown && ctx.Locals is null)
            {
                var unknown = new PyUnknown(name + " is assigned inside " + reason + (reason2 is null ? string.Empty : " (" + reason2 + ")")) { Origin = Loc(span), Cause = cause };
                Scope.Set(name, new Binding(unknown, Loc(span), Loc(span), false));
            }
        }
    }
}
