using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>List, tuple, set and dict displays (with <c>*</c>/<c>**</c> unpacking), comprehensions and iteration.</summary>
internal sealed partial class ModuleEvaluator
{
    private PyValue EvalSequence(SequenceExpr s, EvalContext ctx)
    {
        var parts = new List<(bool Star, PyValue Value)>(s.Elements.Length);
        var starred = new List<PyValue>();
        foreach (var e in s.Elements)
        {
            if (e is StarredExpr st)
            {
                var v = Eval(st.Value, ctx);
                parts.Add((true, v));
                starred.Add(v);
            }
            else
            {
                parts.Add((false, Eval(e, ctx)));
            }
        }
        var site = new Site(this, ctx, s);
        if (starred.Count == 0) return BuildSequence(site, s, parts);
        // Unpacking a deferred iterable defers the whole display.
        return Lift(site, starred, (si, vs) =>
        {
            int k = 0;
            var replaced = parts.Select(p => p.Star ? (true, vs[k++]) : p).ToList();
            return BuildSequence(si, s, replaced);
        }, s.Kind switch { SequenceKind.List => "list", SequenceKind.Tuple => "tuple", _ => "set" }, deep: false);
    }

    private static PyValue BuildSequence(Site site, SequenceExpr s, IReadOnlyList<(bool Star, PyValue Value)> parts)
    {
        var items = new List<PyValue>(parts.Count);
        foreach (var (star, value) in parts)
        {
            if (!star)
            {
                items.Add(value);
                continue;
            }
            var expanded = site.Iterate(value);
            if (expanded is null) return Unknown("cannot unpack");
            items.AddRange(expanded);
            if (items.Count > EvaluationSession.MaxCollectionSize) return site.TooLarge("list");
        }
        return s.Kind switch
        {
            SequenceKind.List => PyOps.List(items),
            SequenceKind.Tuple => PyOps.Tuple(items),
            _ => new PySet(Dedupe(items).ToEquatableArray()),
        };
    }

    private PyValue EvalDict(DictExpr d, EvalContext ctx)
    {
        var parts = new List<(PyValue? Key, PyValue Value)>(d.Items.Length);
        var splats = new List<PyValue>();
        foreach (var item in d.Items)
        {
            if (item.Key is null)
            {
                var m = Eval(item.Value, ctx);
                parts.Add((null, m));
                splats.Add(m);
            }
            else
            {
                var k = Eval(item.Key, ctx);
                parts.Add((k, Eval(item.Value, ctx)));
            }
        }
        var site = new Site(this, ctx, d);
        if (splats.Count == 0) return BuildDict(site, parts);
        return Lift(site, splats, (si, vs) =>
        {
            int k = 0;
            var replaced = parts.Select(p => p.Key is null ? (null, vs[k++]) : p).ToList();
            return BuildDict(si, replaced);
        }, "dict", deep: false);
    }

    /// <summary>A dict from key/value pairs in order; a null key merges a mapping (<c>**m</c>).</summary>
    internal static PyValue BuildDict(Site site, IReadOnlyList<(PyValue? Key, PyValue Value)> parts)
    {
        var builder = new DictBuilder();
        foreach (var (key, value) in parts)
        {
            if (key is null)
            {
                if (value is not PyDict m) return site.Error("TypeError: '" + value.TypeName + "' object is not a mapping");
                foreach (var e in m.Entries) builder.Set(e.Key, e.Value);
                continue;
            }
            if (!builder.Set(key, value)) return key is PyDeferred or PyUnknown ? Unknown("a dict key is not known") : site.Error("TypeError: unhashable type: '" + key.TypeName + "'");
        }
        return builder.Build();
    }

    private PyValue EvalComprehension(ComprehensionExpr c, EvalContext ctx)
    {
        var firstIterable = Eval(c.Clauses[0].Iterable, ctx);
        string type = c.Kind switch { ComprehensionKind.Dict => "dict", ComprehensionKind.Set => "set", _ => "list" };
        if (firstIterable is PyUnknown) return firstIterable;
        if (firstIterable is PyDeferred)
        {
            return Lift(new Site(this, ctx, c), new[] { firstIterable }, (si, vs) => RunComprehension(c, vs[0], si.Context), type, deep: false);
        }
        return RunComprehension(c, firstIterable, ctx);
    }

    private PyValue RunComprehension(ComprehensionExpr c, PyValue firstIterable, EvalContext outer)
    {
        // The comprehension's own scope: its targets never leak into the module.
        var ctx = outer.WithLocals(new LocalScope(outer.Locals));
        var output = new List<PyValue>();
        var dict = c.Kind == ComprehensionKind.Dict ? new DictBuilder() : null;
        PyValue? indeterminate = null;
        var keys = new List<string>();

        void Run(int clauseIndex)
        {
            if (indeterminate is not null) return;
            var clause = c.Clauses[clauseIndex];
            var iterable = clauseIndex == 0 ? firstIterable : Eval(clause.Iterable, ctx);
            if (iterable is PyDeferred or PyUnknown)
            {
                indeterminate = iterable;
                PyOps.CollectKeys(iterable, keys);
                return;
            }
            var items = Iterate(ctx, iterable, clause.Iterable);
            if (items is null)
            {
                indeterminate = Unknown("not iterable");
                return;
            }
            foreach (var item in items)
            {
                _session.CancellationToken.ThrowIfCancellationRequested();
                if (--_session.LoopBudget < 0)
                {
                    Report(ctx, DiagnosticDescriptors.LoopLimitReached, c.Span, EvaluationSession.MaxLoopIterations);
                    indeterminate = Unknown("loop limit");
                    return;
                }
                Assign(clause.Target, item, clause.Span, ctx);
                bool include = true;
                foreach (var condition in clause.Conditions)
                {
                    var cv = Eval(condition, ctx);
                    var truth = PyOps.Truth(cv);
                    if (truth is null)
                    {
                        // A filter that depends on the environment: the result does too.
                        PyOps.CollectKeys(cv, keys);
                        indeterminate ??= cv;
                        include = false;
                        break;
                    }
                    if (!truth.Value)
                    {
                        include = false;
                        break;
                    }
                }
                if (indeterminate is not null) return;
                if (!include) continue;
                if (clauseIndex + 1 < c.Clauses.Length)
                {
                    Run(clauseIndex + 1);
                    continue;
                }
                if (dict is not null)
                {
                    var k = Eval(c.Element, ctx);
                    if (!dict.Set(k, Eval(c.Value!, ctx)))
                    {
                        indeterminate = Unknown("dict key not known");
                        return;
                    }
                }
                else
                {
                    output.Add(Eval(c.Element, ctx));
                    if (output.Count > EvaluationSession.MaxCollectionSize)
                    {
                        indeterminate = TooLarge(ctx, c.Span, "list");
                        return;
                    }
                }
            }
        }

        Run(0);
        if (indeterminate is PyUnknown u) return u;
        if (indeterminate is not null)
        {
            // Re-run as if the environment were empty to learn the default.
            PyValue? def = null;
            if (!outer.DefaultsMode)
            {
                var d = RunComprehension(c, PyOps.SubstituteDefaults(firstIterable) ?? Unknown("no default"), outer.ForDefaults());
                if (d is not PyUnknown && d.IsConstant) def = d;
            }
            string type = c.Kind switch { ComprehensionKind.Dict => "dict", ComprehensionKind.Set => "set", _ => "list" };
            return new PyDeferred(Text(c.Span), keys.ToEquatableArray(), def, type) { Origin = Loc(c.Span) };
        }
        if (dict is not null) return dict.Build();
        return c.Kind switch
        {
            ComprehensionKind.Set => new PySet(Dedupe(output).ToEquatableArray()),
            _ => PyOps.List(output),
        };
    }

    /// <summary>The items of an iterable value; null (reported) when it is not iterable.</summary>
    internal IReadOnlyList<PyValue>? Iterate(EvalContext ctx, PyValue value, PySyntaxNode node)
    {
        switch (value)
        {
            case PySequence s: return s.Items;
            case PyDict d: return d.Entries.Select(e => e.Key).ToList();
            case PyStr s:
                if (s.Value.Length > EvaluationSession.MaxCollectionSize) return null;
                return CodePoints(s.Value);
            case PyBytes b: return b.Latin1.Select(ch => (PyValue)new PyInt(ch)).ToList();
            case PyDeferred or PyUnknown: return null;
        }
        Error(ctx, node.Span, "TypeError: '" + value.TypeName + "' object is not iterable");
        return null;
    }

    // Python iterates code points: a character outside the BMP (a UTF-16 surrogate pair) is one item.
    private static List<PyValue> CodePoints(string s)
    {
        var items = new List<PyValue>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            bool pair = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            items.Add(new PyStr(pair ? s.Substring(i++, 2) : s[i].ToString()));
        }
        return items;
    }

    /// <summary>Items without repeats (by hash key), first occurrence kept; unhashable items are kept.</summary>
    internal static IEnumerable<PyValue> Dedupe(IEnumerable<PyValue> items)
    {
        var seen = new HashSet<string>();
        foreach (var item in items)
        {
            var key = PyOps.HashKey(item);
            if (key is null || seen.Add(key)) yield return item;
        }
    }
}
