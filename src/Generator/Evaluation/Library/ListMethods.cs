using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary><c>list</c> methods (and <c>tuple.index/count</c>): a mutating method returns the list after the call.</summary>
internal static class ListMethods
{
    private delegate MethodResult ListMethod(Site site, PyList list, Args args);

    private static readonly Dictionary<string, ListMethod> Table = new()
    {
        ["append"] = Append,
        ["extend"] = Extend,
        ["insert"] = Insert,
        ["remove"] = Remove,
        ["pop"] = Pop,
        ["clear"] = static (_, l, _) => new MethodResult(new PyNone(), Make(l, Array.Empty<PyValue>())),
        ["reverse"] = static (_, l, _) => new MethodResult(new PyNone(), Make(l, l.Items.Reverse())),
        ["sort"] = Sort,
        ["copy"] = static (_, l, _) => PyOps.List(l.Items),
        ["index"] = static (site, l, args) => Search(site, l.Items, "index", args),
        ["count"] = static (site, l, args) => Search(site, l.Items, "count", args),
    };

    public static MethodResult Call(Site site, PyList list, string name, Args args)
        => Table.TryGetValue(name, out var method) ? method(site, list, args) : Methods.Missing(site, "list", name);

    /// <summary><c>seq.index(x)</c> / <c>seq.count(x)</c> on a list or tuple.</summary>
    public static PyValue Search(Site site, EquatableArray<PyValue> items, string name, Args args)
    {
        var value = args.Get(0, "value");
        if (value is null) return site.Error("TypeError: " + name + "() takes exactly one argument (0 given)");
        if (name == "count") return new PyInt(items.Count(x => PyOps.ValueEquals(x, value)));
        for (int i = 0; i < items.Count; i++) if (PyOps.ValueEquals(items[i], value)) return new PyInt(i);
        return site.Error("ValueError: " + PyOps.Repr(value) + " is not in list");
    }

    // The list after a mutation keeps where the original was written.
    private static PyList Make(PyList original, IEnumerable<PyValue> items) => PyOps.List(items) with { Origin = original.Origin, DefinedAt = original.DefinedAt };

    private static MethodResult Append(Site site, PyList l, Args args)
    {
        var v = args.Get(0, "object");
        if (v is null) return site.Error("TypeError: append() takes exactly one argument (0 given)");
        if (l.Items.Count + 1 > EvaluationSession.MaxCollectionSize) return site.TooLarge("list");
        return new MethodResult(new PyNone(), Make(l, l.Items.Concat(new[] { v })));
    }

    private static MethodResult Extend(Site site, PyList l, Args args)
    {
        var v = args.Get(0, "iterable");
        if (v is null) return site.Error("TypeError: extend() takes exactly one argument (0 given)");
        var more = site.Iterate(v);
        if (more is null) return new MethodResult(new PyNone(), new PyUnknown("extended with an unknown value"));
        if (l.Items.Count + more.Count > EvaluationSession.MaxCollectionSize) return site.TooLarge("list");
        return new MethodResult(new PyNone(), Make(l, l.Items.Concat(more)));
    }

    private static MethodResult Insert(Site site, PyList l, Args args)
    {
        var index = args.Get(0, "index");
        var v = args.Get(1, "object");
        if (index is null || v is null || !PyOps.IsInteger(index)) return site.Error("TypeError: insert expected 2 arguments (index, object)");
        long i = PyOps.AsLong(index);
        if (i < 0) i = Math.Max(0, i + l.Items.Count);
        i = Math.Min(i, l.Items.Count);
        var list = l.Items.ToList();
        list.Insert((int)i, v);
        return new MethodResult(new PyNone(), Make(l, list));
    }

    private static MethodResult Remove(Site site, PyList l, Args args)
    {
        var v = args.Get(0, "value");
        var list = l.Items.ToList();
        int idx = v is null ? -1 : list.FindIndex(x => PyOps.ValueEquals(x, v));
        if (idx < 0) return site.Error("ValueError: list.remove(x): x not in list");
        list.RemoveAt(idx);
        return new MethodResult(new PyNone(), Make(l, list));
    }

    private static MethodResult Pop(Site site, PyList l, Args args)
    {
        var items = l.Items;
        if (items.Count == 0) return site.Error("IndexError: pop from empty list");
        var index = args.Get(0, "index");
        long i = index is null ? items.Count - 1 : PyOps.AsLong(index);
        if (i < 0) i += items.Count;
        if (i < 0 || i >= items.Count) return site.Error("IndexError: pop index out of range");
        var list = items.ToList();
        var v = list[(int)i];
        list.RemoveAt((int)i);
        return new MethodResult(v, Make(l, list));
    }

    private static MethodResult Sort(Site site, PyList l, Args args)
    {
        var sorted = Sorting.Sort(site, l.Items, args.Get(-1, "key"), args.Get(-1, "reverse"));
        return sorted is PyList sl ? new MethodResult(new PyNone(), Make(l, sl.Items)) : sorted;
    }
}
