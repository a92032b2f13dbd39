using System.Collections.Generic;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>Builds a dict in insertion order with hashed lookups (linear in the number of entries).</summary>
internal sealed class DictBuilder
{
    private readonly List<PyDictEntry> _entries = new();
    private readonly Dictionary<string, int> _index = new();

    /// <summary>Sets a key; false when the key is not hashable.</summary>
    public bool Set(PyValue key, PyValue value)
    {
        var k = PyOps.HashKey(key);
        if (k is null) return false;
        if (_index.TryGetValue(k, out int i))
        {
            // Python keeps the first key object and the last value.
            _entries[i] = new PyDictEntry(_entries[i].Key, value);
        }
        else
        {
            _index[k] = _entries.Count;
            _entries.Add(new PyDictEntry(key, value));
        }
        return true;
    }

    public PyDict Build() => new(_entries.ToEquatableArray());

    /// <summary><paramref name="d"/> with <paramref name="updates"/> applied in order, keeping its origin.</summary>
    public static PyDict Update(PyDict d, IEnumerable<PyDictEntry> updates)
    {
        var builder = new DictBuilder();
        foreach (var e in d.Entries) builder.Set(e.Key, e.Value);
        foreach (var e in updates) builder.Set(e.Key, e.Value);
        return builder.Build() with { Origin = d.Origin, DefinedAt = d.DefinedAt };
    }
}
