using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// The builtin functions and types the evaluator runs (<c>len</c>, <c>list</c>, <c>sorted</c>,
/// <c>int</c>...), one handler each, with how a call is lifted over deferred arguments and the
/// result type a deferred call has.
/// </summary>
internal static class Builtins
{
    /// <summary>How deferred arguments defer a builtin call.</summary>
    private enum Lifting
    {
        /// <summary>Every argument is an operand (the default).</summary>
        Arguments,

        /// <summary>The function argument of map/filter/sorted/min/max is called, not lifted over.</summary>
        DataOnly,

        /// <summary>The call does not look at its arguments (print, calls not evaluated).</summary>
        None,
    }

    private sealed record Builtin(Func<Site, Args, PyValue> Body, string? ResultType = null, bool Deep = false, Lifting Lifting = Lifting.Arguments);

    private static readonly Dictionary<string, Builtin> Table = new()
    {
        ["print"] = new(static (_, _) => new PyNone(), Lifting: Lifting.None),
        ["exec"] = new(Exec, Lifting: Lifting.None),
        ["globals"] = new(static (site, _) => Namespace(site, "globals"), Lifting: Lifting.None),
        ["locals"] = new(static (site, _) => Namespace(site, "locals"), Lifting: Lifting.None),
        ["vars"] = new(static (site, args) => args.Positional.Count == 0 ? Namespace(site, "vars") : site.CallNotEvaluated("vars"), Lifting: Lifting.None),
        ["isinstance"] = new(IsInstance, "bool"),
        ["open"] = new(static (site, _) => site.CallNotEvaluated("open"), Lifting: Lifting.None),
        ["getattr"] = new(static (site, _) => site.CallNotEvaluated("getattr"), Lifting: Lifting.None),
        ["hasattr"] = new(static (site, _) => site.CallNotEvaluated("hasattr"), Lifting: Lifting.None),
        ["object"] = new(static (site, _) => site.CallNotEvaluated("object"), Lifting: Lifting.None),
        ["bytes"] = new(static (site, _) => site.CallNotEvaluated("bytes"), Lifting: Lifting.None),
        ["map"] = new(Map, "list", Deep: true, Lifting: Lifting.DataOnly),
        ["filter"] = new(Filter, "list", Deep: true, Lifting: Lifting.DataOnly),
        ["sorted"] = new(Sorted, "list", Deep: true, Lifting: Lifting.DataOnly),
        ["min"] = new(static (site, args) => MinMax(site, "min", args), Deep: true, Lifting: Lifting.DataOnly),
        ["max"] = new(static (site, args) => MinMax(site, "max", args), Deep: true, Lifting: Lifting.DataOnly),
        ["len"] = new(Len, "int"),
        ["list"] = new(static (site, args) => Sequence(site, "list", args), "list"),
        ["tuple"] = new(static (site, args) => Sequence(site, "tuple", args), "tuple"),
        ["set"] = new(static (site, args) => Sequence(site, "set", args), "set", Deep: true),
        ["frozenset"] = new(static (site, args) => Sequence(site, "frozenset", args), "set", Deep: true),
        ["reversed"] = new(static (site, args) => Sequence(site, "reversed", args), "list"),
        ["dict"] = new(Dict, "dict", Deep: true),
        ["dict.fromkeys"] = new(FromKeys, "dict", Deep: true),
        ["int"] = new(static (site, args) => Conversions.ToInt(site, First(args), args.Get(1, "base")), "int", Deep: true),
        ["float"] = new(static (site, args) => Conversions.ToFloat(site, First(args)), "float", Deep: true),
        ["str"] = new(static (_, args) => First(args) is { } a0 ? new PyStr(PyOps.Str(a0)) : new PyStr(string.Empty), "str", Deep: true),
        ["repr"] = new(static (site, args) => First(args) is { } a0 ? new PyStr(PyOps.Repr(a0)) : site.Error("TypeError: repr() takes exactly one argument (0 given)"), "str", Deep: true),
        ["bool"] = new(static (_, args) => First(args) is not { } a0 ? new PyBool(false) : PyOps.Truth(a0) is bool truth ? new PyBool(truth) : new PyUnknown("truth unknown"), "bool"),
        ["any"] = new(static (site, args) => AnyAll(site, "any", args), "bool", Deep: true),
        ["all"] = new(static (site, args) => AnyAll(site, "all", args), "bool", Deep: true),
        ["sum"] = new(Sum, Deep: true),
        ["range"] = new(Range, "list"),
        ["enumerate"] = new(Enumerate, "list"),
        ["zip"] = new(Zip, "list"),
        ["abs"] = new(Abs),
        ["round"] = new(Round),
    };

    /// <summary>Calls builtin <paramref name="name"/>; a name without a handler (an exception type...) is reported as not evaluated.</summary>
    public static PyValue Call(Site site, string name, Args args)
    {
        if (!Table.TryGetValue(name, out var builtin))
        {
            return site.Lift(args.All(), (s, _) => NotModelled(s, name), null, deep: false);
        }
        switch (builtin.Lifting)
        {
            case Lifting.None:
                return builtin.Body(site, args);
            case Lifting.DataOnly:
            {
                // These call other functions (lambdas, str.strip...): lift over the data only.
                var fnArg = name is "map" or "filter" ? args.Get(0, "function") : null;
                var all = args.All();
                var data = all.Where(v => !ReferenceEquals(v, fnArg)).ToList();
                return site.Lift(data, (s, vs) =>
                {
                    var rebuilt = new List<PyValue>();
                    int k = 0;
                    foreach (var v in all) rebuilt.Add(ReferenceEquals(v, fnArg) ? v : vs[k++]);
                    return builtin.Body(s, args.Rebuild(rebuilt));
                }, builtin.ResultType, builtin.Deep);
            }
            default:
                return site.Lift(args.All(), (s, vs) => builtin.Body(s, args.Rebuild(vs)), builtin.ResultType, builtin.Deep);
        }
    }

    private static PyValue NotModelled(Site site, string name) => site.CallNotEvaluated(name);

    // exec(...) may define any name: after it, a name that is not defined is unknown, not a NameError.
    private static PyValue Exec(Site site, Args args)
    {
        var result = site.CallNotEvaluated("exec");
        if (site.Context.Locals is null && !site.Context.DefaultsMode) site.Module.NamesMayComeFrom("exec(...) on line " + site.Location.Start.Line, result.Cause);
        return result;
    }

    // At module level globals(), locals() and vars() are the module's namespace: "X" in locals() and
    // globals().get("X") are evaluated; inside a comprehension or lambda they are not.
    private static PyValue Namespace(Site site, string name)
        => site.Context.Locals is null ? site.Module.Namespace(site, name) : site.CallNotEvaluated(name);

    private static PyValue? First(Args args) => args.Positional.Count > 0 ? args.Positional[0] : null;

    private static PyValue Len(Site site, Args args)
    {
        var a0 = First(args);
        return a0 switch
        {
            PyStr s => new PyInt(PythonText.Length(s.Value)),
            PyBytes bytes => new PyInt(bytes.Latin1.Length),
            PySequence q => new PyInt(q.Items.Count),
            PyDict d => new PyInt(d.Entries.Count),
            null => site.Error("TypeError: len() takes exactly one argument (0 given)"),
            _ => site.Error("TypeError: object of type '" + a0.TypeName + "' has no len()"),
        };
    }

    private static PyValue Sequence(Site site, string name, Args args)
    {
        var a0 = First(args);
        if (a0 is null) return name == "list" ? PyOps.List(Array.Empty<PyValue>()) : name == "tuple" ? PyOps.Tuple(Array.Empty<PyValue>()) : new PySet(EquatableArray<PyValue>.Empty);
        var items = site.Iterate(a0);
        if (items is null) return new PyUnknown("not iterable");
        return name switch
        {
            "list" => PyOps.List(items),
            "tuple" => PyOps.Tuple(items),
            "reversed" => PyOps.List(items.Reverse()),
            _ => new PySet(ModuleEvaluator.Dedupe(items).ToEquatableArray()),
        };
    }

    private static PyValue Dict(Site site, Args args)
    {
        var a0 = First(args);
        var updates = new List<(PyValue?, PyValue)>();
        if (a0 is PyDict d) updates.Add((null, d));
        else if (a0 is not null)
        {
            var pairs = site.Iterate(a0);
            if (pairs is null) return new PyUnknown("not iterable");
            foreach (var p in pairs)
            {
                if (p is PySequence { Items.Count: 2 } pair) updates.Add((pair.Items[0], pair.Items[1]));
                else return site.Error("ValueError: dictionary update sequence element has wrong length");
            }
        }
        foreach (var kv in args.Keywords) updates.Add((new PyStr(kv.Key), kv.Value));
        return ModuleEvaluator.BuildDict(site, updates);
    }

    private static PyValue FromKeys(Site site, Args args)
    {
        var a0 = First(args);
        if (a0 is null) return site.Error("TypeError: fromkeys expected at least 1 argument, got 0");
        var keys = site.Iterate(a0);
        if (keys is null) return new PyUnknown("not iterable");
        var v = args.Positional.Count > 1 ? args.Positional[1] : new PyNone();
        return ModuleEvaluator.BuildDict(site, keys.Select(k => ((PyValue?)k, v)).ToList());
    }

    private static PyValue Sorted(Site site, Args args)
    {
        var a0 = First(args);
        if (a0 is null) return site.Error("TypeError: sorted expected 1 argument, got 0");
        var items = site.Iterate(a0);
        if (items is null) return new PyUnknown("not iterable");
        return Sorting.Sort(site, items, args.Get(-1, "key"), args.Get(-1, "reverse"));
    }

    private static PyValue AnyAll(Site site, string name, Args args)
    {
        var a0 = First(args);
        if (a0 is null) return site.Error("TypeError: " + name + "() takes exactly one argument (0 given)");
        var items = site.Iterate(a0);
        if (items is null) return new PyUnknown("not iterable");
        bool result = name == "all";
        foreach (var item in items)
        {
            var t = PyOps.Truth(item);
            if (t is null) return new PyUnknown("truth unknown");
            if (name == "any" && t.Value) return new PyBool(true);
            if (name == "all" && !t.Value) return new PyBool(false);
        }
        return new PyBool(result);
    }

    private static PyValue Filter(Site site, Args args)
    {
        var fn = args.Get(0, "function");
        var data = args.Positional.Count > 1 ? args.Positional[1] : null;
        if (fn is null || data is null) return site.Error("TypeError: filter expected 2 arguments");
        var items = site.Iterate(data);
        if (items is null) return new PyUnknown("not iterable");
        var kept = new List<PyValue>();
        foreach (var item in items)
        {
            var test = fn is PyNone ? item : site.Call(fn, item);
            var t = PyOps.Truth(test);
            if (t is null) return test is PyUnknown ? test : new PyUnknown("filter result unknown");
            if (t.Value) kept.Add(item);
        }
        return PyOps.List(kept);
    }

    private static PyValue Map(Site site, Args args)
    {
        var fn = args.Get(0, "function");
        if (fn is null || args.Positional.Count < 2) return site.Error("TypeError: map() must have at least two arguments.");
        var lists = new List<IReadOnlyList<PyValue>>();
        foreach (var it in args.Positional.Skip(1))
        {
            var items = site.Iterate(it);
            if (items is null) return new PyUnknown("not iterable");
            lists.Add(items);
        }
        int n = lists.Min(l => l.Count);
        var output = new List<PyValue>(n);
        for (int i = 0; i < n; i++)
        {
            site.Session.CancellationToken.ThrowIfCancellationRequested();
            output.Add(site.Call(fn, lists.Select(l => l[i]).ToArray()));
        }
        return PyOps.List(output);
    }

    private static PyValue MinMax(Site site, string name, Args args)
    {
        IReadOnlyList<PyValue>? items = args.Positional.Count == 1 ? site.Iterate(args.Positional[0]) : args.Positional;
        if (items is null) return new PyUnknown("not iterable");
        if (items.Count == 0) return args.Get(-1, "default") ?? site.Error("ValueError: " + name + "() arg is an empty sequence");
        var sorted = Sorting.Sort(site, items, args.Get(-1, "key"), null);
        if (sorted is not PyList sl) return sorted;
        return name == "min" ? sl.Items[0] : sl.Items[sl.Items.Count - 1];
    }

    private static PyValue Sum(Site site, Args args)
    {
        var a0 = First(args);
        if (a0 is null) return site.Error("TypeError: sum() takes at least 1 positional argument (0 given)");
        var items = site.Iterate(a0);
        if (items is null) return new PyUnknown("not iterable");
        PyValue total = args.Get(1, "start") ?? new PyInt(0);
        foreach (var item in items)
        {
            total = Operators.BinaryOp(site, "+", total, item);
            if (total is PyUnknown) return total;
        }
        return total;
    }

    private static PyValue Range(Site site, Args args)
    {
        var ints = args.Positional;
        if (ints.Count == 0 || ints.Count > 3 || ints.Any(v => !PyOps.IsInteger(v))) return site.Error("TypeError: range() arguments must be integers");
        long start = ints.Count == 1 ? 0 : PyOps.AsLong(ints[0]);
        long stop = ints.Count == 1 ? PyOps.AsLong(ints[0]) : PyOps.AsLong(ints[1]);
        long step = ints.Count == 3 ? PyOps.AsLong(ints[2]) : 1;
        if (step == 0) return site.Error("ValueError: range() arg 3 must not be zero");
        decimal count = step > 0 ? Math.Max(0, Math.Ceiling(((decimal)stop - start) / step)) : Math.Max(0, Math.Ceiling(((decimal)start - stop) / -step));
        if (count > EvaluationSession.MaxCollectionSize) return site.TooLarge("range");
        var list = new List<PyValue>((int)count);
        for (long i = 0, v = start; i < count; i++, v += step) list.Add(new PyInt(v));
        return PyOps.List(list);
    }

    private static PyValue Enumerate(Site site, Args args)
    {
        var a0 = First(args);
        if (a0 is null) return site.Error("TypeError: enumerate() missing required argument 'iterable'");
        var items = site.Iterate(a0);
        if (items is null) return new PyUnknown("not iterable");
        long start = args.Get(1, "start") is PyValue s && PyOps.IsInteger(s) ? PyOps.AsLong(s) : 0;
        return PyOps.List(items.Select((x, i) => (PyValue)PyOps.Tuple(new PyValue[] { new PyInt(start + i), x })));
    }

    private static PyValue Zip(Site site, Args args)
    {
        var lists = new List<IReadOnlyList<PyValue>>();
        foreach (var it in args.Positional)
        {
            var items = site.Iterate(it);
            if (items is null) return new PyUnknown("not iterable");
            lists.Add(items);
        }
        int n = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
        return PyOps.List(Enumerable.Range(0, n).Select(i => (PyValue)PyOps.Tuple(lists.Select(l => l[i]))));
    }

    private static PyValue Abs(Site site, Args args) => First(args) switch
    {
        PyInt i when i.Value != long.MinValue => new PyInt(Math.Abs(i.Value)),
        PyBool flag => new PyInt(flag.Value ? 1 : 0),
        PyFloat f => new PyFloat(Math.Abs(f.Value)),
        PyTimeDelta t when t.Microseconds != long.MinValue => new PyTimeDelta(Math.Abs(t.Microseconds)),
        _ => site.Error("TypeError: bad operand type for abs()"),
    };

    private static PyValue Round(Site site, Args args)
    {
        var a0 = First(args);
        var digits = args.Get(1, "ndigits");
        if (PyOps.IsInteger(a0 ?? new PyNone())) return new PyInt(PyOps.AsLong(a0!));
        if (a0 is PyFloat f)
        {
            if (digits is null || digits is PyNone)
            {
                double r = Math.Round(f.Value, MidpointRounding.ToEven);
                return Math.Abs(r) < 9.2e18 ? new PyInt((long)r) : site.Overflow("round()");
            }
            return new PyFloat(Math.Round(f.Value, (int)Math.Max(0, Math.Min(15, PyOps.AsLong(digits))), MidpointRounding.ToEven));
        }
        return site.Error("TypeError: type " + (a0?.TypeName ?? "NoneType") + " doesn't define __round__ method");
    }

    private static PyValue IsInstance(Site site, Args args)
    {
        var value = args.Get(0, "obj");
        var types = args.Get(1, "class_or_tuple");
        if (value is null || types is null) return site.Error("TypeError: isinstance expected 2 arguments");
        IEnumerable<PyValue> options = types is PyTuple t ? t.Items : new[] { types };
        foreach (var o in options)
        {
            if (o is not PyOpaque { Kind: "type" } type) return new PyUnknown("isinstance with a type that is not modelled");
            string name = type.Name == "frozenset" ? "set" : type.Name;
            if (value.TypeName == name || (name == "int" && value is PyBool) || name == "object") return new PyBool(true);
        }
        return new PyBool(false);
    }
}
