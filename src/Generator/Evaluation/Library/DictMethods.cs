using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary><c>dict</c> methods: a mutating method returns the dict after the call.</summary>
internal static class DictMethods
{
    private delegate MethodResult DictMethod(Site site, PyDict dict, Args args);

    private static readonly Dictionary<string, DictMethod> Table = new()
    {
        ["get"] = Get,
        ["keys"] = static (_, d, _) => PyOps.List(d.Entries.Select(e => e.Key)),
        ["values"] = static (_, d, _) => PyOps.List(d.Entries.Select(e => e.Value)),
        ["items"] = static (_, d, _) => PyOps.List(d.Entries.Select(e => (PyValue)PyOps.Tuple(new[] { e.Key, e.Value }))),
        ["copy"] = static (_, d, _) => new PyDict(d.Entries),
        ["update"] = Update,
        ["setdefault"] = SetDefault,
        ["pop"] = Pop,
        ["clear"] = static (_, d, _) => new MethodResult(new PyNone(), new PyDict(EquatableArray<PyDictEntry>.Empty) { Origin = d.Origin, DefinedAt = d.DefinedAt }),
    };

    public static MethodResult Call(Site site, PyDict dict, string name, Args args)
        => Table.TryGetValue(name, out var method) ? method(site, dict, args) : Methods.Missing(site, "dict", name);

    private static MethodResult Get(Site site, PyDict d, Args args)
    {
        var key = args.Get(0, "key");
        if (key is null) return site.Error("TypeError: get expected at least 1 argument, got 0");
        return PyOps.Lookup(d, key) ?? args.Get(1, "default") ?? new PyNone();
    }

    private static MethodResult Update(Site site, PyDict d, Args args)
    {
        var updates = new List<PyDictEntry>();
        var other = args.Get(0, "__other");
        if (other is PyDict od) updates.AddRange(od.Entries);
        else if (other is not null)
        {
            var pairs = site.Iterate(other);
            if (pairs is null) return new MethodResult(new PyNone(), new PyUnknown("updated with an unknown value"));
            foreach (var p in pairs)
            {
                if (p is PySequence { Items.Count: 2 } pair) updates.Add(new PyDictEntry(pair.Items[0], pair.Items[1]));
                else return site.Error("ValueError: dictionary update sequence element has wrong length");
            }
        }
        foreach (var kv in args.Keywords) updates.Add(new PyDictEntry(new PyStr(kv.Key), kv.Value));
        return new MethodResult(new PyNone(), DictBuilder.Update(d, updates));
    }

    private static MethodResult SetDefault(Site site, PyDict d, Args args)
    {
        var key = args.Get(0, "key");
        if (key is null) return site.Error("TypeError: setdefault expected at least 1 argument, got 0");
        var existing = PyOps.Lookup(d, key);
        if (existing is not null) return existing;
        var v = args.Get(1, "default") ?? new PyNone();
        return new MethodResult(v, DictBuilder.Update(d, new[] { new PyDictEntry(key, v) }));
    }

    private static MethodResult Pop(Site site, PyDict d, Args args)
    {
        var key = args.Get(0, "key");
        if (key is null) return site.Error("TypeError: pop expected at least 1 argument, got 0");
        var existing = PyOps.Lookup(d, key);
        if (existing is null)
        {
            var def = args.Get(1, "default");
            return def ?? site.Error("KeyError: " + PyOps.Repr(key));
        }
        return new MethodResult(existing, Subscripts.DictRemove(site, d, key));
    }
}
