using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>The evaluated arguments of one call: positional values, then keyword values in call order.</summary>
internal sealed class Args
{
    public List<PyValue> Positional { get; } = new();

    public List<KeyValuePair<string, PyValue>> Keywords { get; } = new();

    /// <summary>The argument passed by <paramref name="name"/>, else at <paramref name="position"/> (-1: keyword only); null when absent.</summary>
    public PyValue? Get(int position, string name)
    {
        foreach (var kv in Keywords) if (kv.Key == name) return kv.Value;
        return position >= 0 && position < Positional.Count ? Positional[position] : null;
    }

    public bool Has(string name) => Keywords.Any(k => k.Key == name);

    /// <summary>Every value, positional first (the operands a deferred call is lifted over).</summary>
    public List<PyValue> All()
    {
        var all = new List<PyValue>(Positional);
        all.AddRange(Keywords.Select(k => k.Value));
        return all;
    }

    /// <summary>The same shape with the values replaced, in <see cref="All"/> order.</summary>
    public Args Rebuild(IReadOnlyList<PyValue> values)
    {
        var a = new Args();
        int i = 0;
        foreach (var _ in Positional) a.Positional.Add(values[i++]);
        foreach (var kv in Keywords) a.Keywords.Add(new KeyValuePair<string, PyValue>(kv.Key, values[i++]));
        return a;
    }

    /// <summary>Arguments of the given positional values.</summary>
    public static Args Of(params PyValue[] positional)
    {
        var a = new Args();
        a.Positional.AddRange(positional);
        return a;
    }
}
