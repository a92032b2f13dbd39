using System;
using System.Runtime.CompilerServices;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// Measures containers as trees (element count including nested ones, and nesting depth), cached by
/// reference. Values share structure, so <c>Y += [Y]</c> in a loop builds a graph whose tree is
/// exponentially large; every consumer walks values as trees, so both numbers must stay bounded.
/// </summary>
internal sealed class ValueMetrics
{
    private const int RecursionGuard = 256;

    private readonly ConditionalWeakTable<PyValue, Measured> _cache = new();

    private sealed class Measured
    {
        public Measured(long size, int depth, bool hasDeferred, PyUnknown? unknown)
        {
            Size = size;
            Depth = depth;
            HasDeferred = hasDeferred;
            Unknown = unknown;
        }

        public long Size { get; }

        public int Depth { get; }

        public bool HasDeferred { get; }

        public PyUnknown? Unknown { get; }
    }

    /// <summary>Null when the value is within bounds, else what is too large ("list" or "nesting of values").</summary>
    public string? Excess(PyValue value)
    {
        if (value is not (PySequence or PyDict)) return null;
        var m = Measure(value, 0);
        if (m.Depth > EvaluationSession.MaxValueNesting) return "nesting of values";
        if (m.Size > EvaluationSession.MaxCollectionSize) return "list";
        return null;
    }

    /// <summary>Whether the value is, or contains, a deferred value (cached).</summary>
    public bool HasDeferred(PyValue value) => value is PyDeferred || (value is PySequence or PyDict && Measure(value, 0).HasDeferred);

    /// <summary>The value itself when unknown, or the first unknown value inside it (cached).</summary>
    public PyUnknown? FindUnknown(PyValue value) => value as PyUnknown ?? (value is PySequence or PyDict ? Measure(value, 0).Unknown : null);

    private Measured Measure(PyValue value, int guard)
    {
        if (value is PyDeferred) return DeferredLeaf;
        if (value is PyUnknown u) return new Measured(1, 0, false, u);
        if (value is not (PySequence or PyDict)) return Leaf;
        if (_cache.TryGetValue(value, out var cached)) return cached;
        if (guard > RecursionGuard) return Huge;
        long size = 1;
        int depth = 1;
        bool hasDeferred = false;
        PyUnknown? unknown = null;
        void Add(PyValue child)
        {
            var m = Measure(child, guard + 1);
            size = Math.Min(size + m.Size, long.MaxValue / 4);
            depth = Math.Max(depth, m.Depth + 1);
            hasDeferred |= m.HasDeferred;
            unknown ??= m.Unknown;
        }
        if (value is PySequence s)
        {
            foreach (var item in s.Items) Add(item);
        }
        else if (value is PyDict d)
        {
            foreach (var e in d.Entries)
            {
                Add(e.Key);
                Add(e.Value);
            }
        }
        var result = new Measured(size, depth, hasDeferred, unknown);
        _cache.Add(value, result);
        return result;
    }

    private static readonly Measured Leaf = new(1, 0, false, null);

    private static readonly Measured DeferredLeaf = new(1, 0, true, null);

    private static readonly Measured Huge = new(long.MaxValue / 4, int.MaxValue / 2, false, null);
}
