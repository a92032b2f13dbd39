using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>Assignment targets: names, unpacking, subscripts (values are immutable, so a mutation stores a new container back).</summary>
internal sealed partial class ModuleEvaluator
{
    /// <summary>Assigns a value to a target (name, tuple/list unpacking, subscript).</summary>
    private void Assign(Expr target, PyValue value, SourceSpan statementSpan, EvalContext ctx)
    {
        switch (target)
        {
            case NameExpr n:
                Bind(n, value, statementSpan, ctx);
                return;
            case ParenthesizedExpr p:
                Assign(p.Inner, value, statementSpan, ctx);
                return;
            case SubscriptExpr s:
                Store(s, value, statementSpan, rebind: false, ctx);
                return;
            case AttributeExpr:
                // Attributes of objects the compiler knows by name only; nothing it evaluates reads them.
                return;
            case SequenceExpr seq:
                Unpack(seq, value, statementSpan, ctx);
                return;
            case StarredExpr st:
                Assign(st.Value, value, statementSpan, ctx);
                return;
        }
    }

    private void Unpack(SequenceExpr targets, PyValue value, SourceSpan statementSpan, EvalContext ctx)
    {
        var elements = targets.Elements;
        if (value is PyDeferred or PyUnknown)
        {
            for (int i = 0; i < elements.Count(); i++)
            {
                int index = i;
                var part = value is PyUnknown ? value : Lift(new Site(this, ctx, targets), new[] { value }, (site, vs) => UnpackItem(site, targets, vs[0], index), null);
                Assign(elements[i], part, statementSpan, ctx);
            }
            return;
        }
        var items = Iterate(ctx, value, targets);
        if (items is null) return;
        int star = -1;
        for (int i = 0; i < elements.Length; i++) if (elements[i] is StarredExpr) star = i;
        if (star < 0 && items.Count != elements.Length)
        {
            Error(ctx, targets.Span, items.Count > elements.Length ? "ValueError: too many values to unpack (expected " + elements.Length + ")" : "ValueError: not enough values to unpack (expected " + elements.Length + ", got " + items.Count + ")");
            foreach (var e in elements) Assign(e, Unknown("unpacking failed"), statementSpan, ctx);
            return;
        }
        if (star >= 0 && items.Count < elements.Length - 1)
        {
            Error(ctx, targets.Span, "ValueError: not enough values to unpack");
            return;
        }
        int after = elements.Length - star - 1;
        for (int i = 0; i < elements.Length; i++)
        {
            if (i == star)
            {
                Assign(elements[i], PyOps.List(items.Skip(star).Take(items.Count - star - after)), statementSpan, ctx);
            }
            else
            {
                int source = star >= 0 && i > star ? items.Count - (elements.Length - i) : i;
                Assign(elements[i], items[source], statementSpan, ctx);
            }
        }
    }

    private static PyValue UnpackItem(Site site, SequenceExpr targets, PyValue value, int index)
    {
        var items = site.Module.Iterate(site.Context, value, targets);
        if (items is null || index >= items.Count) return Unknown("unpacking failed");
        return items[index];
    }

    private void Bind(NameExpr name, PyValue value, SourceSpan statementSpan, EvalContext ctx)
    {
        if (ctx.Locals is not null)
        {
            ctx.Locals.Vars[name.Name] = value;
            return;
        }
        Scope.Set(name.Name, new Binding(value, Loc(name.Span), Loc(statementSpan), false));
    }

    private void BindPlain(string name, PyValue value, SourceSpan nameSpan, SourceSpan statementSpan, bool isImport, EvalContext ctx)
    {
        if (ctx.Locals is not null)
        {
            ctx.Locals.Vars[name] = value;
            return;
        }
        Scope.Set(name, new Binding(value, Loc(nameSpan), Loc(statementSpan), isImport));
    }

    /// <summary>
    /// Writes a new value into a place (a name, or a subscript of a place). Mutations (subscript
    /// assignment, <c>.append</c>) keep the name's binding location; assignments rebind it.
    /// </summary>
    private void Store(Expr place, PyValue value, SourceSpan statementSpan, bool rebind, EvalContext ctx)
    {
        if (_session.Metrics.Excess(value) is string excess)
        {
            value = TooLarge(ctx, statementSpan, excess);
        }
        switch (place)
        {
            case NameExpr n:
                if (ctx.Locals is not null && ctx.Locals.TryGet(n.Name, out _))
                {
                    ctx.Locals.Vars[n.Name] = value;
                    return;
                }
                if (!rebind && Scope.TryGet(n.Name, out var old))
                {
                    Scope.Set(n.Name, old with { Value = value, IsImport = false });
                    return;
                }
                Bind(n, value, statementSpan, ctx);
                return;
            case ParenthesizedExpr p:
                Store(p.Inner, value, statementSpan, rebind, ctx);
                return;
            case SubscriptExpr s:
            {
                var container = EvalPlace(s.Object, ctx);
                var key = Eval(s.Index, ctx);
                var updated = Subscripts.SetItem(new Site(this, ctx, s), container, key, value);
                if (updated is not null) Store(s.Object, updated, statementSpan, rebind: false, ctx);
                return;
            }
            case AttributeExpr:
                return;
        }
    }

    /// <summary>Stores a mutated receiver back into the place it was read from (<c>X.append(...)</c>).</summary>
    internal void StoreMutated(Expr place, PyValue value, SourceSpan statementSpan, EvalContext ctx) => Store(place, value, statementSpan, rebind: false, ctx);

    private void Delete(Expr target, EvalContext ctx)
    {
        switch (target)
        {
            case NameExpr n:
                if (ctx.Locals is null) Scope.Remove(n.Name);
                return;
            case SubscriptExpr s:
            {
                var container = EvalPlace(s.Object, ctx);
                var key = Eval(s.Index, ctx);
                var site = new Site(this, ctx, s);
                PyValue? updated = container switch
                {
                    PyDict d when key is not (PyDeferred or PyUnknown) => Subscripts.DictRemove(site, d, key),
                    PyList l when key is PyInt i => ListRemoveAt(site, l, i.Value),
                    PyDeferred or PyUnknown => Unknown("deleted from an unknown container"),
                    _ => null,
                };
                if (updated is not null) Store(s.Object, updated, s.Span, rebind: false, ctx);
                return;
            }
            case SequenceExpr seq:
                foreach (var e in seq.Elements) Delete(e, ctx);
                return;
        }
    }

    private static PyValue? ListRemoveAt(Site site, PyList l, long index)
    {
        if (index < 0) index += l.Items.Count;
        if (index < 0 || index >= l.Items.Count)
        {
            site.Error("IndexError: list assignment index out of range");
            return null;
        }
        var items = l.Items.ToList();
        items.RemoveAt((int)index);
        return WithOrigin(PyOps.List(items), l.Origin, l.DefinedAt);
    }
}
