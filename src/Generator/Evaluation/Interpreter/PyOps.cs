using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>Python semantics on plain values: truth, equality, hashing keys, str() and repr().</summary>
internal static class PyOps
{
    public static readonly PyNone None = new();

    public static PyList List(IEnumerable<PyValue> items) => new(items.ToEquatableArray());

    public static PyTuple Tuple(IEnumerable<PyValue> items) => new(items.ToEquatableArray());

    /// <summary>Python truthiness; null when the value is not known (deferred or unknown).</summary>
    public static bool? Truth(PyValue v) => v switch
    {
        PyNone => false,
        PyBool b => b.Value,
        PyInt i => i.Value != 0,
        PyFloat f => f.Value != 0,
        PyStr s => s.Value.Length > 0,
        PyBytes b => b.Latin1.Length > 0,
        PySequence s => s.Items.Count > 0,
        PyDict d => d.Entries.Count > 0,
        PyTimeDelta t => t.Microseconds != 0,
        PyDeferred or PyUnknown => null,
        _ => true,
    };

    public static bool IsNumber(PyValue v) => v is PyInt or PyBool or PyFloat;

    public static double AsDouble(PyValue v) => v switch
    {
        PyInt i => i.Value,
        PyBool b => b.Value ? 1 : 0,
        PyFloat f => f.Value,
        _ => double.NaN,
    };

    public static bool IsInteger(PyValue v) => v is PyInt or PyBool;

    public static long AsLong(PyValue v) => v switch
    {
        PyInt i => i.Value,
        PyBool b => b.Value ? 1 : 0,
        _ => 0,
    };

    /// <summary>Python <c>==</c> on known values (numbers across int/float/bool, containers by content).</summary>
    public static bool ValueEquals(PyValue a, PyValue b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            if (IsInteger(a) && IsInteger(b)) return AsLong(a) == AsLong(b);
            return AsDouble(a) == AsDouble(b);
        }
        switch (a)
        {
            case PyNone: return b is PyNone;
            case PyStr s1: return b is PyStr s2 && s1.Value == s2.Value;
            case PyBytes b1: return b is PyBytes b2 && b1.Latin1 == b2.Latin1;
            case PyTimeDelta t1: return b is PyTimeDelta t2 && t1.Microseconds == t2.Microseconds;
            case PyPath p1: return b is PyPath p2 && p1.Path == p2.Path && p1.Anchor == p2.Anchor;
            case PyPattern r1: return b is PyPattern r2 && r1.Pattern == r2.Pattern && r1.IgnoreCase == r2.IgnoreCase;
            case PyOpaque o1: return b is PyOpaque o2 && o1.Kind == o2.Kind && o1.Name == o2.Name;
            case PyList l1: return b is PyList l2 && SequenceEquals(l1.Items, l2.Items);
            case PyTuple u1: return b is PyTuple u2 && SequenceEquals(u1.Items, u2.Items);
            case PySet e1:
                if (b is not PySet e2 || e1.Items.Count != e2.Items.Count) return false;
                foreach (var x in e1.Items)
                {
                    if (!e2.Items.Any(y => ValueEquals(x, y))) return false;
                }
                return true;
            case PyDict d1:
                if (b is not PyDict d2 || d1.Entries.Count != d2.Entries.Count) return false;
                foreach (var entry in d1.Entries)
                {
                    var other = Lookup(d2, entry.Key);
                    if (other is null || !ValueEquals(entry.Value, other)) return false;
                }
                return true;
        }
        // Deferred and unknown values are never known to be equal to anything.
        return false;
    }

    private static bool SequenceEquals(EquatableArray<PyValue> a, EquatableArray<PyValue> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (!ValueEquals(a[i], b[i])) return false;
        }
        return true;
    }

    /// <summary>A string that identifies a hashable value for dict/set lookups; null when unhashable.</summary>
    public static string? HashKey(PyValue v)
    {
        switch (v)
        {
            case PyNone: return "N";
            case PyBool b: return "i" + (b.Value ? "1" : "0");
            case PyInt i: return "i" + i.Value.ToString(CultureInfo.InvariantCulture);
            case PyFloat f:
                if (f.Value == Math.Floor(f.Value) && Math.Abs(f.Value) < 9.2e18) return "i" + ((long)f.Value).ToString(CultureInfo.InvariantCulture);
                return "f" + f.Value.ToString("R", CultureInfo.InvariantCulture);
            case PyStr s: return "s" + s.Value;
            case PyBytes b: return "b" + b.Latin1;
            case PyTimeDelta t: return "t" + t.Microseconds.ToString(CultureInfo.InvariantCulture);
            case PyPath p: return "p" + (int)p.Anchor + p.Path;
            case PyOpaque o: return "o" + o.Kind + "\0" + o.Name;
            case PyPattern p: return "r" + (p.IgnoreCase ? "i" : "-") + p.Pattern;
            case PyTuple t:
            {
                var sb = new StringBuilder("(");
                foreach (var item in t.Items)
                {
                    var k = HashKey(item);
                    if (k is null) return null;
                    sb.Append(k.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(k);
                }
                return sb.Append(')').ToString();
            }
            default: return null;
        }
    }

    public static PyValue? Lookup(PyDict dict, PyValue key)
    {
        var k = HashKey(key);
        if (k is null) return null;
        foreach (var e in dict.Entries)
        {
            if (HashKey(e.Key) == k) return e.Value;
        }
        return null;
    }

    /// <summary>Python <c>str()</c>.</summary>
    public static string Str(PyValue v) => v switch
    {
        PyStr s => s.Value,
        PyPath p => p.Path,
        _ => Repr(v),
    };

    /// <summary>Python <c>repr()</c> (used for containers and <c>!r</c>).</summary>
    public static string Repr(PyValue v)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, v, 0);
        return sb.ToString();
    }

    private static void AppendRepr(StringBuilder sb, PyValue v, int depth)
    {
        if (depth > 64 || sb.Length > 1_000_000)
        {
            sb.Append("...");
            return;
        }
        switch (v)
        {
            case PyNone: sb.Append("None"); break;
            case PyBool b: sb.Append(b.Value ? "True" : "False"); break;
            case PyInt i: sb.Append(i.Value.ToString(CultureInfo.InvariantCulture)); break;
            case PyFloat f: sb.Append(FloatRepr(f.Value)); break;
            case PyStr s: sb.Append(StrRepr(s.Value)); break;
            case PyBytes b: sb.Append('b').Append(StrRepr(b.Latin1)); break;
            case PyTimeDelta t: sb.Append(TimeDeltaRepr(t.Microseconds)); break;
            case PyPath p: sb.Append("PosixPath(").Append(StrRepr(p.Path)).Append(')'); break;
            case PyPattern p: sb.Append("re.compile(").Append(StrRepr(p.Pattern)).Append(p.IgnoreCase ? ", re.IGNORECASE)" : ")"); break;
            case PyList l:
                sb.Append('[');
                AppendItems(sb, l.Items, depth);
                sb.Append(']');
                break;
            case PyTuple t:
                sb.Append('(');
                AppendItems(sb, t.Items, depth);
                if (t.Items.Count == 1) sb.Append(',');
                sb.Append(')');
                break;
            case PySet s:
                if (s.Items.Count == 0)
                {
                    sb.Append("set()");
                    break;
                }
                sb.Append('{');
                AppendItems(sb, s.Items, depth);
                sb.Append('}');
                break;
            case PyDict d:
                sb.Append('{');
                bool first = true;
                foreach (var e in d.Entries)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendRepr(sb, e.Key, depth + 1);
                    sb.Append(": ");
                    AppendRepr(sb, e.Value, depth + 1);
                }
                sb.Append('}');
                break;
            case PyOpaque o: sb.Append('<').Append(o.Kind).Append(' ').Append(o.Name).Append('>'); break;
            case PyDeferred d: sb.Append('<').Append(d.Description).Append('>'); break;
            case PyUnknown: sb.Append("<unknown>"); break;
            default: sb.Append('<').Append(v.TypeName).Append('>'); break;
        }
    }

    private static void AppendItems(StringBuilder sb, EquatableArray<PyValue> items, int depth)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            AppendRepr(sb, items[i], depth + 1);
        }
    }

    public static string StrRepr(string s)
    {
        char quote = s.IndexOf('\'') >= 0 && s.IndexOf('"') < 0 ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append(quote);
        return sb.ToString();
    }

    /// <summary>Python's float repr: shortest round-trip digits, <c>1.0</c>, <c>1e+16</c>, <c>1.5e-05</c>.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        if (d == Math.Floor(d) && Math.Abs(d) < 1e16)
        {
            if (d == 0 && BitConverter.DoubleToInt64Bits(d) < 0) return "-0.0";
            return ((long)d).ToString(CultureInfo.InvariantCulture) + ".0";
        }
        // Shortest round-trip digits, then Python's layout: fixed for 1e-4 <= |x| < 1e16, else exponent.
        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(new[] { 'E', 'e' });
        int exponent = 0;
        string mantissa = r;
        if (e >= 0)
        {
            exponent = int.Parse(r.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r.Substring(0, e);
        }
        int dot = mantissa.IndexOf('.');
        string digits = mantissa.Replace(".", string.Empty);
        int pointPosition = (dot < 0 ? mantissa.Length : dot) + exponent;
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
            pointPosition--;
        }
        digits = digits.Substring(leadingZeros).TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int decimalExponent = pointPosition - 1;
        string sign = d < 0 ? "-" : string.Empty;
        if (decimalExponent >= -4 && decimalExponent < 16)
        {
            string text;
            if (pointPosition <= 0) text = "0." + new string('0', -pointPosition) + digits;
            else if (pointPosition >= digits.Length) text = digits + new string('0', pointPosition - digits.Length) + ".0";
            else text = digits.Substring(0, pointPosition) + "." + digits.Substring(pointPosition);
            return sign + text;
        }
        string m = digits.Length == 1 ? digits : digits.Substring(0, 1) + "." + digits.Substring(1);
        return sign + m + "e" + (decimalExponent < 0 ? "-" : "+") + Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Python's <c>str(timedelta)</c>: <c>1 day, 0:05:00</c>, <c>0:00:00.500000</c>.</summary>
    public static string TimeDeltaRepr(long microseconds)
    {
        long days = FloorDiv(microseconds, 86_400_000_000L);
        long rest = microseconds - days * 86_400_000_000L;
        long seconds = rest / 1_000_000;
        long micros = rest % 1_000_000;
        var sb = new StringBuilder();
        if (days != 0)
        {
            sb.Append(days.ToString(CultureInfo.InvariantCulture)).Append(Math.Abs(days) == 1 ? " day, " : " days, ");
        }
        sb.Append((seconds / 3600).ToString(CultureInfo.InvariantCulture)).Append(':')
          .Append((seconds / 60 % 60).ToString("00", CultureInfo.InvariantCulture)).Append(':')
          .Append((seconds % 60).ToString("00", CultureInfo.InvariantCulture));
        if (micros != 0) sb.Append('.').Append(micros.ToString("000000", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    public static long FloorDiv(long a, long b)
    {
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return q;
    }

    public static long FloorMod(long a, long b) => a - FloorDiv(a, b) * b;

    /// <summary>Python's modulo for floats (sign of the divisor).</summary>
    public static double FloorMod(double a, double b)
    {
        double m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) m += b;
        return m;
    }

    /// <summary>Whether a value is, or contains, a deferred value (deep).</summary>
    public static bool ContainsDeferred(PyValue v, int depth = 0)
    {
        if (depth > 64) return false;
        switch (v)
        {
            case PyDeferred: return true;
            case PySequence s:
                foreach (var i in s.Items) if (ContainsDeferred(i, depth + 1)) return true;
                return false;
            case PyDict d:
                foreach (var e in d.Entries) if (ContainsDeferred(e.Key, depth + 1) || ContainsDeferred(e.Value, depth + 1)) return true;
                return false;
            default: return false;
        }
    }

    /// <summary>The first unknown value inside (deep), if any.</summary>
    public static PyUnknown? FindUnknown(PyValue v, int depth = 0)
    {
        if (depth > 64) return null;
        switch (v)
        {
            case PyUnknown u: return u;
            case PySequence s:
                foreach (var i in s.Items)
                {
                    var u = FindUnknown(i, depth + 1);
                    if (u is not null) return u;
                }
                return null;
            case PyDict d:
                foreach (var e in d.Entries)
                {
                    var u = FindUnknown(e.Key, depth + 1) ?? FindUnknown(e.Value, depth + 1);
                    if (u is not null) return u;
                }
                return null;
            default: return null;
        }
    }

    /// <summary>Adds the environment keys a value depends on (deep) to <paramref name="keys"/>.</summary>
    public static void CollectKeys(PyValue? v, List<string> keys, int depth = 0)
    {
        if (v is null || depth > 64) return;
        switch (v)
        {
            case PyDeferred d:
                foreach (var k in d.EnvironmentKeys) if (!keys.Contains(k)) keys.Add(k);
                break;
            case PySequence s:
                foreach (var i in s.Items) CollectKeys(i, keys, depth + 1);
                break;
            case PyDict dict:
                foreach (var e in dict.Entries)
                {
                    CollectKeys(e.Key, keys, depth + 1);
                    CollectKeys(e.Value, keys, depth + 1);
                }
                break;
        }
    }

    /// <summary>
    /// The value with every deferred part replaced by its default (what it is when the environment
    /// is empty); null when some part has no known default.
    /// </summary>
    public static PyValue? SubstituteDefaults(PyValue v, int depth = 0)
    {
        if (depth > 64) return null;
        switch (v)
        {
            case PyDeferred d:
                return d.Default is null ? null : SubstituteDefaults(d.Default, depth + 1);
            case PySequence s when ContainsDeferred(s):
            {
                var items = new List<PyValue>(s.Items.Count);
                foreach (var i in s.Items)
                {
                    var r = SubstituteDefaults(i, depth + 1);
                    if (r is null) return null;
                    items.Add(r);
                }
                var arr = items.ToEquatableArray();
                return s switch
                {
                    PyList => new PyList(arr) { Origin = s.Origin, DefinedAt = s.DefinedAt },
                    PyTuple => new PyTuple(arr) { Origin = s.Origin, DefinedAt = s.DefinedAt },
                    _ => new PySet(arr) { Origin = s.Origin, DefinedAt = s.DefinedAt },
                };
            }
            case PyDict dict when ContainsDeferred(dict):
            {
                var entries = new List<PyDictEntry>(dict.Entries.Count);
                foreach (var e in dict.Entries)
                {
                    var k = SubstituteDefaults(e.Key, depth + 1);
                    var val = SubstituteDefaults(e.Value, depth + 1);
                    if (k is null || val is null) return null;
                    entries.Add(new PyDictEntry(k, val));
                }
                return new PyDict(entries.ToEquatableArray()) { Origin = dict.Origin, DefinedAt = dict.DefinedAt };
            }
            default:
                return v;
        }
    }

    /// <summary>The Python type a value has or will have (deferred: its expected type), or null.</summary>
    public static string? TypeOf(PyValue? v) => v switch
    {
        null => null,
        PyDeferred d => d.ExpectedType,
        PyUnknown => null,
        _ => v.TypeName,
    };
}
