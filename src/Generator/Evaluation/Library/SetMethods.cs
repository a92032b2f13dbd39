using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary><c>set</c> methods: a mutating method returns the set after the call.</summary>
internal static class SetMethods
{
    private delegate MethodResult SetMethod(Site site, PySet set, string name, Args args);

    private static readonly Dictionary<string, SetMethod> Table = new()
    {
        ["add"] = Add,
        ["update"] = Union,
        ["union"] = Union,
        ["discard"] = Discard,
        ["remove"] = Discard,
        ["intersection"] = IntersectionOrDifference,
        ["difference"] = IntersectionOrDifference,
        ["copy"] = static (_, set, _, _) => Make(set, set.Items),
    };

    public static MethodResult Call(Site site, PySet set, string name, Args args)
        => Table.TryGetValue(name, out var method) ? method(site, set, name, args) : Methods.Missing(site, "set", name);

    private static PySet Make(PySet original, IEnumerable<PyValue> items) => new(ModuleEvaluator.Dedupe(items).ToEquatableArray()) { Origin = original.Origin, DefinedAt = original.DefinedAt };

    private static MethodResult Add(Site site, PySet set, string name, Args args)
    {
        var v = args.Get(0, "elem");
        return v is null ? site.Error("TypeError: add() takes exactly one argument (0 given)") : new MethodResult(new PyNone(), Make(set, set.Items.Concat(new[] { v })));
    }

    private static MethodResult Union(Site site, PySet set, string name, Args args)
    {
        var all = new List<PyValue>(set.Items);
        foreach (var a in args.Positional)
        {
            var items = site.Iterate(a);
            if (items is null) return new PyUnknown("not iterable");
            all.AddRange(items);
        }
        return name == "update" ? new MethodResult(new PyNone(), Make(set, all)) : Make(set, all);
    }

    private static MethodResult Discard(Site site, PySet set, string name, Args args)
    {
        var v = args.Get(0, "elem");
        if (v is null) return new PyUnknown("missing argument");
        bool present = set.Items.Any(x => PyOps.ValueEquals(x, v));
        if (!present && name == "remove") return site.Error("KeyError: " + PyOps.Repr(v));
        return new MethodResult(new PyNone(), Make(set, set.Items.Where(x => !PyOps.ValueEquals(x, v))));
    }

    private static MethodResult IntersectionOrDifference(Site site, PySet set, string name, Args args)
    {
        var other = args.Get(0, "other");
        var items = other is null ? null : site.Iterate(other);
        if (items is null) return new PyUnknown("not iterable");
        bool keep = name == "intersection";
        return Make(set, set.Items.Where(x => items.Any(y => PyOps.ValueEquals(x, y)) == keep));
    }
}
