using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary><c>x[i]</c>, <c>x[a:b:c]</c>, <c>x[k] = v</c> and <c>del d[k]</c> on known values, with Python's errors.</summary>
internal static class Subscripts
{
    public static PyValue GetItem(Site site, PyValue obj, PyValue index)
    {
        switch (obj)
        {
            case PyDict d:
            {
                if (index is PyDeferred or PyUnknown) return new PyUnknown("key not known");
                var v = PyOps.Lookup(d, index);
                return v ?? site.Error("KeyError: " + PyOps.Repr(index));
            }
            case PySequence q when q is not PySet:
                if (!PyOps.IsInteger(index)) return site.Error("TypeError: " + q.TypeName + " indices must be integers or slices, not " + index.TypeName);
                return IndexInto(site, q.Items, PyOps.AsLong(index), q.TypeName) ?? new PyUnknown("index out of range");
            case PyStr s:
                if (!PyOps.IsInteger(index)) return site.Error("TypeError: string indices must be integers");
                if (Library.PythonText.HasSurrogates(s.Value)) return site.NotEvaluated("indexing text with characters outside the BMP", "Python counts code points where .NET counts UTF-16 units");
                long i = PyOps.AsLong(index);
                if (i < 0) i += s.Value.Length;
                if (i < 0 || i >= s.Value.Length) return site.Error("IndexError: string index out of range");
                return new PyStr(s.Value[(int)i].ToString());
        }
        return site.Error("TypeError: '" + obj.TypeName + "' object is not subscriptable");
    }

    private static PyValue? IndexInto(Site site, EquatableArray<PyValue> items, long i, string typeName)
    {
        if (i < 0) i += items.Count;
        if (i < 0 || i >= items.Count)
        {
            site.Error("IndexError: " + typeName + " index out of range");
            return null;
        }
        return items[(int)i];
    }

    public static PyValue Slice(Site site, PyValue obj, PyValue lower, PyValue upper, PyValue step)
    {
        long? Opt(PyValue v) => v is PyNone ? null : PyOps.IsInteger(v) ? PyOps.AsLong(v) : (long?)long.MinValue;
        long? lo = Opt(lower), hi = Opt(upper), st = Opt(step);
        if (lo == long.MinValue || hi == long.MinValue || st == long.MinValue) return site.Error("TypeError: slice indices must be integers or None");
        long stepValue = st ?? 1;
        if (stepValue == 0) return site.Error("ValueError: slice step cannot be zero");
        if (obj is PyStr text && Library.PythonText.HasSurrogates(text.Value)) return site.NotEvaluated("slicing text with characters outside the BMP", "Python counts code points where .NET counts UTF-16 units");
        int length = obj switch { PyStr s => s.Value.Length, PySequence q => q.Items.Count, _ => -1 };
        if (length < 0) return site.Error("TypeError: '" + obj.TypeName + "' object is not subscriptable");
        long Clamp(long? v, long def)
        {
            if (v is null) return def;
            long x = v.Value < 0 ? v.Value + length : v.Value;
            if (stepValue > 0) return Math.Max(0, Math.Min(length, x));
            return Math.Max(-1, Math.Min(length - 1, x));
        }
        long start = Clamp(lo, stepValue > 0 ? 0 : length - 1);
        long stop = Clamp(hi, stepValue > 0 ? length : -1);
        var indices = new List<int>();
        for (long k = start; stepValue > 0 ? k < stop : k > stop; k += stepValue) indices.Add((int)k);
        return obj switch
        {
            PyStr s => new PyStr(new string(indices.Select(k => s.Value[k]).ToArray())),
            PyList l => PyOps.List(indices.Select(k => l.Items[k])),
            PyTuple t => PyOps.Tuple(indices.Select(k => t.Items[k])),
            _ => new PyUnknown("cannot slice"),
        };
    }

    /// <summary><c>container[key] = value</c> as a new container; null when it fails (reported).</summary>
    public static PyValue? SetItem(Site site, PyValue container, PyValue key, PyValue value)
    {
        switch (container)
        {
            case PyDict d:
                if (key is PyDeferred or PyUnknown) return new PyUnknown("a dict key is not known");
                if (PyOps.HashKey(key) is null)
                {
                    site.Error("TypeError: unhashable type: '" + key.TypeName + "'");
                    return null;
                }
                return DictBuilder.Update(d, new[] { new PyDictEntry(key, value) });
            case PyList l:
            {
                if (!PyOps.IsInteger(key))
                {
                    if (key is PyDeferred or PyUnknown) return new PyUnknown("an index is not known");
                    site.Error("TypeError: list indices must be integers or slices, not " + key.TypeName);
                    return null;
                }
                long i = PyOps.AsLong(key);
                if (i < 0) i += l.Items.Count;
                if (i < 0 || i >= l.Items.Count)
                {
                    site.Error("IndexError: list assignment index out of range");
                    return null;
                }
                var items = l.Items.ToList();
                items[(int)i] = value;
                return PyOps.List(items) with { Origin = l.Origin, DefinedAt = l.DefinedAt };
            }
            case PyDeferred deferred:
                // Writing into a container that comes from the environment: still deferred.
                return site.Lift(new[] { container, key, value }, static (s, vs) => SetItem(s, vs[0], vs[1], vs[2]) ?? new PyUnknown("failed"), deferred.ExpectedType, deep: false);
            case PyUnknown:
                return container;
            case PyOpaque { Name: "os.environ" }:
                Library.OsEnviron.Write(site, key);
                return null;
        }
        site.Error("TypeError: '" + container.TypeName + "' object does not support item assignment");
        return null;
    }

    /// <summary><c>del d[key]</c> as a new dict; null when the key is missing (a KeyError, reported).</summary>
    public static PyValue? DictRemove(Site site, PyDict d, PyValue key)
    {
        var k = PyOps.HashKey(key);
        var entries = d.Entries.Where(e => PyOps.HashKey(e.Key) != k).ToList();
        if (entries.Count == d.Entries.Count)
        {
            site.Error("KeyError: " + PyOps.Repr(key));
            return null;
        }
        return new PyDict(entries.ToEquatableArray()) { Origin = d.Origin, DefinedAt = d.DefinedAt };
    }
}
