using System;
using System.Linq;
using System.Text;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Library;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// Python's unary, binary and comparison operators on values, with Python's results and errors
/// (floor division and modulo, int/float/bool mixing, overflow checks, sequence repetition,
/// timedelta arithmetic, <c>/</c> on paths, <c>%</c> formatting, set and dict operators).
/// </summary>
internal static class Operators
{
    /// <summary><c>left op right</c>, deferred when an operand is (the result type is inferred where it is certain).</summary>
    public static PyValue Binary(Site site, string op, PyValue left, PyValue right)
    {
        string? type = null;
        string? lt = PyOps.TypeOf(left), rt = PyOps.TypeOf(right);
        if (lt is not null && rt is not null)
        {
            if (op is "+" && lt == rt && lt is "str" or "list" or "tuple" or "int" or "timedelta") type = lt;
            else if (op is "/" && lt is "int" or "float" && rt is "int" or "float") type = "float";
        }
        return site.Lift(new[] { left, right }, (s, vs) => BinaryOp(s, op, vs[0], vs[1]), type, deep: op == "%");
    }

    /// <summary><c>a op b</c> on known values.</summary>
    public static PyValue BinaryOp(Site site, string op, PyValue a, PyValue b)
    {
        try
        {
            // Numbers.
            if (PyOps.IsNumber(a) && PyOps.IsNumber(b))
            {
                bool ints = PyOps.IsInteger(a) && PyOps.IsInteger(b);
                if (ints)
                {
                    long x = PyOps.AsLong(a), y = PyOps.AsLong(b);
                    switch (op)
                    {
                        case "+": return new PyInt(checked(x + y));
                        case "-": return new PyInt(checked(x - y));
                        case "*": return new PyInt(checked(x * y));
                        case "/": return y == 0 ? site.Error("ZeroDivisionError: division by zero") : new PyFloat((double)x / y);
                        case "//": return y == 0 ? site.Error("ZeroDivisionError: integer division or modulo by zero") : new PyInt(PyOps.FloorDiv(x, y));
                        case "%": return y == 0 ? site.Error("ZeroDivisionError: integer division or modulo by zero") : new PyInt(PyOps.FloorMod(x, y));
                        case "**": return y < 0 ? (x == 0 ? site.Error("ZeroDivisionError: 0.0 cannot be raised to a negative power") : new PyFloat(Math.Pow(x, y))) : IntPow(site, x, y);
                        case "<<": return y < 0 ? site.Error("ValueError: negative shift count") : y >= 63 || (x != 0 && (Math.Abs(x) >> (int)(63 - y)) != 0) ? site.Overflow(x + " << " + y) : new PyInt(x << (int)y);
                        case ">>": return y < 0 ? site.Error("ValueError: negative shift count") : new PyInt(y >= 64 ? (x < 0 ? -1 : 0) : x >> (int)y);
                        case "&": return a is PyBool && b is PyBool ? new PyBool((x & y) != 0) : new PyInt(x & y);
                        case "|": return a is PyBool && b is PyBool ? new PyBool((x | y) != 0) : new PyInt(x | y);
                        case "^": return a is PyBool && b is PyBool ? new PyBool((x ^ y) != 0) : new PyInt(x ^ y);
                    }
                }
                else
                {
                    double x = PyOps.AsDouble(a), y = PyOps.AsDouble(b);
                    switch (op)
                    {
                        case "+": return new PyFloat(x + y);
                        case "-": return new PyFloat(x - y);
                        case "*": return new PyFloat(x * y);
                        case "/": return y == 0 ? site.Error("ZeroDivisionError: float division by zero") : new PyFloat(x / y);
                        case "//": return y == 0 ? site.Error("ZeroDivisionError: float floor division by zero") : new PyFloat(Math.Floor(x / y));
                        case "%": return y == 0 ? site.Error("ZeroDivisionError: float modulo") : new PyFloat(PyOps.FloorMod(x, y));
                        case "**":
                        {
                            var r = Math.Pow(x, y);
                            return double.IsInfinity(r) ? site.Error("OverflowError: (34, 'Numerical result out of range')") : new PyFloat(r);
                        }
                    }
                }
            }

            if (a is PyTimeDelta || b is PyTimeDelta)
            {
                var result = TimeDeltas.Binary(site, op, a, b);
                if (result is not null) return result;
            }

            // Sequences, strings, paths, sets and dicts.
            switch (op)
            {
                case "+":
                    if (a is PyStr sa && b is PyStr sb)
                    {
                        return (long)sa.Value.Length + sb.Value.Length > EvaluationSession.MaxStringLength ? site.TooLarge("string") : new PyStr(sa.Value + sb.Value);
                    }
                    if (a is PyBytes ba && b is PyBytes bb) return new PyBytes(ba.Latin1 + bb.Latin1);
                    if (a is PyList la && b is PyList lb) return (PyValue?)CheckSize(site, la.Items.Count + lb.Items.Count) ?? PyOps.List(la.Items.Concat(lb.Items));
                    if (a is PyTuple ta && b is PyTuple tb) return (PyValue?)CheckSize(site, ta.Items.Count + tb.Items.Count) ?? PyOps.Tuple(ta.Items.Concat(tb.Items));
                    break;
                case "-":
                    if (a is PySet sa2 && b is PySet sb2) return new PySet(sa2.Items.Where(x => !sb2.Items.Any(y => PyOps.ValueEquals(x, y))).ToEquatableArray());
                    break;
                case "*":
                    if ((a is PyStr || a is PyList || a is PyTuple || a is PyBytes) && PyOps.IsInteger(b)) return Repeat(site, a, PyOps.AsLong(b));
                    if ((b is PyStr || b is PyList || b is PyTuple || b is PyBytes) && PyOps.IsInteger(a)) return Repeat(site, b, PyOps.AsLong(a));
                    break;
                case "/":
                    if (a is PyPath p && b is PyStr or PyPath) return PathLib.Join(p, b);
                    if (a is PyStr left && b is PyPath pb) return PathLib.Join(new PyPath(left.Value, PathAnchor.WorkingDirectory), pb);
                    break;
                case "%":
                    if (a is PyStr fmt)
                    {
                        var text = PyFormat.Percent(fmt.Value, b, out var error);
                        return text is null ? site.Error("TypeError: " + error) : new PyStr(text);
                    }
                    break;
                case "|":
                    if (a is PyDict da9 && b is PyDict db9) return DictBuilder.Update(da9, db9.Entries);
                    if (a is PySet sa9 && b is PySet sb9) return new PySet(ModuleEvaluator.Dedupe(sa9.Items.Concat(sb9.Items)).ToEquatableArray());
                    break;
                case "&":
                    if (a is PySet sa10 && b is PySet sb10) return new PySet(sa10.Items.Where(x => sb10.Items.Any(y => PyOps.ValueEquals(x, y))).ToEquatableArray());
                    break;
            }
        }
        catch (OverflowException)
        {
            return site.Overflow("result of '" + op + "'");
        }
        return site.Error("TypeError: unsupported operand type(s) for " + op + ": '" + a.TypeName + "' and '" + b.TypeName + "'");
    }

    private static PyValue IntPow(Site site, long x, long y)
    {
        // Square-and-multiply with overflow checks: 10**10**10 stops after a few steps.
        long result = 1;
        long b = x;
        long e = y;
        try
        {
            while (e > 0)
            {
                if ((e & 1) != 0) result = checked(result * b);
                e >>= 1;
                if (e > 0) b = checked(b * b);
            }
        }
        catch (OverflowException)
        {
            return site.Overflow(x + " ** " + y);
        }
        return new PyInt(result);
    }

    private static PyUnknown? CheckSize(Site site, long count) => count > EvaluationSession.MaxCollectionSize ? site.TooLarge("list") : null;

    private static PyValue Repeat(Site site, PyValue seq, long times)
    {
        if (times <= 0) times = 0;
        switch (seq)
        {
            case PyStr s:
                if (s.Value.Length * (decimal)times > EvaluationSession.MaxStringLength) return site.TooLarge("string");
                return new PyStr(new StringBuilder(s.Value.Length * (int)times).Insert(0, s.Value, (int)times).ToString());
            case PyBytes b:
                if (b.Latin1.Length * (decimal)times > EvaluationSession.MaxStringLength) return site.TooLarge("string");
                return new PyBytes(new StringBuilder().Insert(0, b.Latin1, (int)times).ToString());
            case PySequence q:
                if (q.Items.Count * (decimal)times > EvaluationSession.MaxCollectionSize) return site.TooLarge("list");
                var items = new System.Collections.Generic.List<PyValue>();
                for (long i = 0; i < times; i++) items.AddRange(q.Items);
                return q is PyList ? PyOps.List(items) : PyOps.Tuple(items);
        }
        return new PyUnknown("cannot repeat");
    }

    /// <summary>Unary <c>- + ~</c> on a known value.</summary>
    public static PyValue Unary(Site site, string op, PyValue v)
    {
        switch (op)
        {
            case "-":
                if (v is PyInt or PyBool)
                {
                    long l = PyOps.AsLong(v);
                    if (l == long.MinValue) return site.Overflow("-" + l);
                    return new PyInt(-l);
                }
                if (v is PyFloat f) return new PyFloat(-f.Value);
                if (v is PyTimeDelta t) return new PyTimeDelta(-t.Microseconds);
                break;
            case "+":
                if (v is PyBool b) return new PyInt(b.Value ? 1 : 0);
                if (v is PyInt or PyFloat or PyTimeDelta) return v;
                break;
            case "~":
                if (v is PyInt or PyBool) return new PyInt(~PyOps.AsLong(v));
                break;
        }
        return site.Error("TypeError: bad operand type for unary " + op + ": '" + v.TypeName + "'");
    }

    /// <summary>One comparison of a chain on known values.</summary>
    public static PyValue Compare(Site site, string op, PyValue a, PyValue b)
    {
        switch (op)
        {
            case "==": return new PyBool(PyOps.ValueEquals(a, b));
            case "!=": return new PyBool(!PyOps.ValueEquals(a, b));
            case "is": return new PyBool(Identical(a, b));
            case "is not": return new PyBool(!Identical(a, b));
            case "in":
            case "not in":
            {
                bool? contains = Contains(site, b, a);
                if (contains is null) return new PyUnknown("containment unknown");
                return new PyBool(op == "in" ? contains.Value : !contains.Value);
            }
        }
        int? cmp = Order(a, b);
        if (cmp is null) return site.Error("TypeError: '" + op + "' not supported between instances of '" + a.TypeName + "' and '" + b.TypeName + "'");
        return new PyBool(op switch
        {
            "<" => cmp < 0,
            "<=" => cmp <= 0,
            ">" => cmp > 0,
            _ => cmp >= 0,
        });
    }

    private static bool Identical(PyValue a, PyValue b) => (a, b) switch
    {
        (PyNone, PyNone) => true,
        (PyBool x, PyBool y) => x.Value == y.Value,
        (PyOpaque x, PyOpaque y) => x.Kind == y.Kind && x.Name == y.Name,
        _ => ReferenceEquals(a, b),
    };

    private static bool? Contains(Site site, PyValue container, PyValue item)
    {
        switch (container)
        {
            case PyStr s:
                if (item is PyStr sub) return s.Value.IndexOf(sub.Value, StringComparison.Ordinal) >= 0;
                site.Error("TypeError: 'in <string>' requires string as left operand, not " + item.TypeName);
                return null;
            case PySequence q:
                return q.Items.Any(x => PyOps.ValueEquals(x, item));
            case PyDict d:
                return PyOps.Lookup(d, item) is not null;
        }
        site.Error("TypeError: argument of type '" + container.TypeName + "' is not iterable");
        return null;
    }

    /// <summary>Python ordering; null when the types cannot be compared.</summary>
    public static int? Order(PyValue a, PyValue b)
    {
        if (PyOps.IsNumber(a) && PyOps.IsNumber(b))
        {
            if (PyOps.IsInteger(a) && PyOps.IsInteger(b)) return PyOps.AsLong(a).CompareTo(PyOps.AsLong(b));
            return PyOps.AsDouble(a).CompareTo(PyOps.AsDouble(b));
        }
        if (a is PyStr s && b is PyStr t) return string.CompareOrdinal(s.Value, t.Value);
        if (a is PyTimeDelta x && b is PyTimeDelta y) return x.Microseconds.CompareTo(y.Microseconds);
        if ((a is PyList && b is PyList) || (a is PyTuple && b is PyTuple))
        {
            var l = ((PySequence)a).Items;
            var m = ((PySequence)b).Items;
            for (int i = 0; i < Math.Min(l.Count, m.Count); i++)
            {
                if (PyOps.ValueEquals(l[i], m[i])) continue;
                return Order(l[i], m[i]);
            }
            return l.Count.CompareTo(m.Count);
        }
        return null;
    }
}
