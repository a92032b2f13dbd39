using System;
using DjangoSettings.Generator.Collections;

namespace DjangoSettings.Generator.Evaluation.Values;

/// <summary>A Python <c>list</c>, <c>tuple</c> or <c>set</c>: the three differ only in name here.</summary>
internal abstract record PySequence(EquatableArray<PyValue> Items) : PyValue
{
    /// <inheritdoc />
    public override bool IsConstant
    {
        get
        {
            foreach (var item in Items) if (!item.IsConstant) return false;
            return true;
        }
    }
}

/// <summary>A Python <c>list</c>.</summary>
internal sealed record PyList(EquatableArray<PyValue> Items) : PySequence(Items)
{
    /// <inheritdoc />
    public override string TypeName => "list";
}

/// <summary>A Python <c>tuple</c>.</summary>
internal sealed record PyTuple(EquatableArray<PyValue> Items) : PySequence(Items)
{
    /// <inheritdoc />
    public override string TypeName => "tuple";
}

/// <summary>A Python <c>set</c> (insertion order kept; Python's is arbitrary).</summary>
internal sealed record PySet(EquatableArray<PyValue> Items) : PySequence(Items)
{
    /// <inheritdoc />
    public override string TypeName => "set";
}

/// <summary>One key/value pair of a dict, in insertion order.</summary>
internal sealed record PyDictEntry(PyValue Key, PyValue Value) : IEquatable<PyDictEntry>;

/// <summary>A Python <c>dict</c>, in insertion order (as Python 3.7+ keeps it).</summary>
internal sealed record PyDict(EquatableArray<PyDictEntry> Entries) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "dict";

    /// <inheritdoc />
    public override bool IsConstant
    {
        get
        {
            foreach (var e in Entries) if (!e.Key.IsConstant || !e.Value.IsConstant) return false;
            return true;
        }
    }
}
