using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

internal sealed partial class ModuleEvaluator
{
    /// <summary>Evaluation recursion allowed (the parser caps nesting well below this).</summary>
    private const int MaxEvalDepth = 300;

    private PyValue Eval(Expr expr)
    {
        if (++_session.EvalDepth > MaxEvalDepth || !Syntax.Parser.StackAvailable())
        {
            _session.EvalDepth--;
            return new PyUnknown("expression nested too deeply") { Origin = Loc(expr.Span) };
        }
        try
        {
            var value = EvalCore(expr);
            if (_session.Metrics.Excess(value) is string excess)
            {
                return TooLarge(expr.Span, excess);
            }
            return value.Origin is null ? value with { Origin = Loc(expr.Span) } : value;
        }
        finally
        {
            _session.EvalDepth--;
        }
    }

    private PyValue EvalCore(Expr expr)
    {
        switch (expr)
        {
            case ConstantExpr c:
                return c.Kind switch
                {
                    ConstantKind.None => new PyNone(),
                    ConstantKind.True => new PyBool(true),
                    ConstantKind.False => new PyBool(false),
                    _ => new PyOpaque("ellipsis", "Ellipsis"),
                };
            case NumberExpr n:
                return EvalNumber(n);
            case StringExpr s:
                return EvalString(s);
            case ParenthesizedExpr p:
            {
                var inner = Eval(p.Inner);
                return inner with { Origin = Loc(p.Span) };
            }
            case NameExpr n:
                return Lookup(n);
            case UnaryExpr u:
                return EvalUnary(u);
            case BinaryExpr b:
            {
                var left = Eval(b.Left);
                var right = Eval(b.Right);
                return Binary(b, b.Operator, left, right);
            }
            case BoolOpExpr b:
                return EvalBoolOp(b);
            case CompareExpr c:
                return EvalCompare(c);
            case TernaryExpr t:
                return EvalTernary(t);
            case LambdaExpr l:
            {
                string id = _session.NewId("lambda");
                _session.Lambdas[id] = new LambdaClosure(l, _locals, this);
                return new PyOpaque("function", id);
            }
            case NamedExpr n:
            {
                var value = Eval(n.Value);
                if (_defaultsMode) return value;
                if (_locals is not null) _locals.Vars[n.Target.Name] = value;
                else Scope.Set(n.Target.Name, new Binding(value, Loc(n.Target.Span), Loc(n.Span), false));
                return value;
            }
            case CallExpr c:
                return EvalCall(c);
            case AttributeExpr a:
                return GetAttribute(a, Eval(a.Object), a.Name);
            case SubscriptExpr s:
                return EvalSubscript(s);
            case SequenceExpr s:
                return EvalSequence(s);
            case DictExpr d:
                return EvalDict(d);
            case ComprehensionExpr c:
                return EvalComprehension(c);
            case StarredExpr s:
                return Error(s.Span, "SyntaxError: can't use starred expression here");
            case SliceExpr s:
                return Error(s.Span, "SyntaxError: a slice is only valid inside []");
            default:
                return new PyUnknown("not evaluated");
        }
    }

    private PyValue EvalNumber(NumberExpr n)
    {
        string text = n.Text.Replace("_", string.Empty);
        if (text.EndsWith("j", StringComparison.OrdinalIgnoreCase)) return new PyUnknown("complex numbers are not evaluated");
        try
        {
            if (text.Length > 2 && text[0] == '0' && char.IsLetter(text[1]))
            {
                int radix = char.ToLowerInvariant(text[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
                ulong value = 0;
                foreach (char c in text.Substring(2))
                {
                    int digit = c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a' + 10);
                    if (digit < 0 || digit >= radix) return new PyUnknown("invalid number");
                    value = checked(value * (ulong)radix + (ulong)digit);
                }
                if (value > long.MaxValue) throw new OverflowException();
                return new PyInt((long)value);
            }
            if (text.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0)
            {
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? new PyFloat(d) : new PyUnknown("invalid number");
            }
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l)) return new PyInt(l);
            if (text.Length > 0 && text.All(char.IsDigit)) throw new OverflowException();
            return new PyUnknown("invalid number");
        }
        catch (OverflowException)
        {
            Report(DiagnosticDescriptors.IntegerOverflow, n.Span, StringDecoder.Excerpt(n.Text, 40));
            return new PyUnknown("integer does not fit in 64 bits");
        }
    }

    private PyValue EvalString(StringExpr s)
    {
        if (!s.IsFormatted)
        {
            if (s.Segments.Length == 1) return s.IsBytes ? new PyBytes(s.Segments[0].Literal!) : new PyStr(s.Segments[0].Literal!);
            var sb = new StringBuilder();
            foreach (var seg in s.Segments) sb.Append(seg.Literal);
            return s.IsBytes ? new PyBytes(sb.ToString()) : new PyStr(sb.ToString());
        }
        // f-string: evaluate the fields, then format; deferred fields defer the whole string.
        var values = new List<PyValue>();
        var specs = new List<PyValue?>();
        foreach (var seg in s.Segments)
        {
            if (seg.Field is null) continue;
            values.Add(Eval(seg.Field));
            specs.Add(seg.FormatSpec is null ? null : EvalString(seg.FormatSpec));
        }
        var all = new List<PyValue>(values);
        foreach (var spec in specs) if (spec is not null) all.Add(spec);
        return Lift(s, all, vs => FormatFString(s, vs, values.Count), "str");
    }

    private PyValue FormatFString(StringExpr s, IReadOnlyList<PyValue> vs, int fieldCount)
    {
        var sb = new StringBuilder();
        int field = 0;
        int specIndex = fieldCount;
        foreach (var seg in s.Segments)
        {
            if (seg.Field is null)
            {
                sb.Append(seg.Literal);
                continue;
            }
            var v = vs[field++];
            string spec = string.Empty;
            if (seg.FormatSpec is not null)
            {
                var specValue = vs[specIndex++];
                spec = specValue is PyStr ps ? ps.Value : PyOps.Str(specValue);
            }
            if (v is PyUnknown) return v;
            if (seg.DebugText is not null)
            {
                sb.Append(seg.DebugText);
                if (seg.Conversion == '\0' && spec.Length == 0) v = new PyStr(PyOps.Repr(v));
            }
            if (seg.Conversion is 'r' or 'a') v = new PyStr(PyOps.Repr(v));
            else if (seg.Conversion == 's') v = new PyStr(PyOps.Str(v));
            var text = PyFormat.Format(v, spec, out var error);
            if (text is null) return Error(seg.Span, "ValueError: " + error);
            sb.Append(text);
            if (sb.Length > EvaluationSession.MaxStringLength) return TooLarge(s.Span, "string");
        }
        return new PyStr(sb.ToString());
    }

    private PyUnknown TooLarge(SourceSpan span, string what)
    {
        string limit = what switch
        {
            "string" => EvaluationSession.MaxStringLength + " characters",
            "nesting of values" => EvaluationSession.MaxValueNesting + " levels",
            _ => EvaluationSession.MaxCollectionSize + " items",
        };
        Report(DiagnosticDescriptors.ValueTooLarge, span, "the " + what, limit);
        return new PyUnknown(what + " too large") { Origin = Loc(span) };
    }

    /// <summary>The Django setting a fragment may use undefined: configuration supplies it at startup.</summary>
    private const string ConfigurationProvidedName = "SECRET_KEY";

    private PyValue Lookup(NameExpr n)
    {
        if (_locals is not null && _locals.TryGet(n.Name, out var local))
        {
            return _defaultsMode ? PyOps.SubstituteDefaults(local) ?? new PyUnknown("no default") : local;
        }
        if (Scope.TryGet(n.Name, out var binding))
        {
            var value = binding.Value;
            if (_defaultsMode) value = PyOps.SubstituteDefaults(value) ?? new PyUnknown("no default");
            return value with { Origin = Loc(n.Span), DefinedAt = binding.NameLocation };
        }
        var builtin = Modules.Builtin(n.Name, _source);
        if (builtin is not null) return builtin;
        if (_unresolvedStarImport is not null)
        {
            return new PyUnknown("'" + n.Name + "' may come from 'from " + _unresolvedStarImport + " import *', which is not evaluated") { Origin = Loc(n.Span) };
        }
        if (n.Name == ConfigurationProvidedName)
        {
            // A settings fragment that uses SECRET_KEY without defining it relies on the base
            // settings ("# noqa: F821 - defined by the base settings"): read it from configuration
            // at startup, as a deferred value, instead of failing the build.
            return EnvRead(n, new PyStr(ConfigurationProvidedName), null, "str", false, null, "base settings");
        }
        Report(DiagnosticDescriptors.NameNotDefined, n.Span, n.Name, n.Name == "timedelta" ? " (add 'from datetime import timedelta')" : string.Empty);
        return new PyUnknown("name '" + n.Name + "' is not defined") { Origin = Loc(n.Span) };
    }

    /// <summary>The raw stored value of a place, without re-stamping its origin (for mutations).</summary>
    private PyValue EvalPlace(Expr place)
    {
        if (place is NameExpr n)
        {
            if (_locals is not null && _locals.TryGet(n.Name, out var local)) return local;
            if (Scope.TryGet(n.Name, out var binding)) return binding.Value;
        }
        if (place is ParenthesizedExpr p) return EvalPlace(p.Inner);
        return Eval(place);
    }

    private static bool IsPlace(Expr e) => e switch
    {
        NameExpr => true,
        ParenthesizedExpr p => IsPlace(p.Inner),
        SubscriptExpr s => IsPlace(s.Object),
        _ => false,
    };

    // ------------------------------------------------------------------------------------------
    // Lifting operations over deferred values
    // ------------------------------------------------------------------------------------------

    /// <summary>
    /// Applies <paramref name="compute"/> to known operands. An unknown operand makes the result
    /// unknown; a deferred operand makes it deferred: keys are the union, the description is the
    /// source text, and the default is the operation applied to the operands' defaults.
    /// </summary>
    private PyValue Lift(PySyntaxNode node, IReadOnlyList<PyValue> operands, Func<IReadOnlyList<PyValue>, PyValue> compute, string? knownType, bool deep = true)
    {
        bool deferred = false;
        foreach (var o in operands)
        {
            if (o is PyUnknown u) return u;
            if (o is PyDeferred || (deep && _session.Metrics.HasDeferred(o))) deferred = true;
        }
        if (!deferred) return compute(operands);
        return Defer(node, operands, compute, knownType);
    }

    private PyDeferred Defer(PySyntaxNode node, IReadOnlyList<PyValue> operands, Func<IReadOnlyList<PyValue>, PyValue> compute, string? knownType)
    {
        var keys = new List<string>();
        foreach (var o in operands) PyOps.CollectKeys(o, keys);
        PyValue? def = null;
        var substituted = new List<PyValue>(operands.Count);
        bool complete = true;
        foreach (var o in operands)
        {
            var s = PyOps.SubstituteDefaults(o);
            if (s is null)
            {
                complete = false;
                break;
            }
            substituted.Add(s);
        }
        if (complete)
        {
            _silent++;
            try
            {
                var r = compute(substituted);
                if (r is not PyUnknown && r.IsConstant) def = r;
            }
            finally
            {
                _silent--;
            }
        }
        string? type = knownType;
        if (type is null && def is not null)
        {
            // The default's type is the value's type when every deferred input's type is known and
            // its default has that type (the operation then sees the same types either way).
            bool typed = operands.All(o => o is not PyDeferred d || (d.ExpectedType is not null && (d.Default is null || d.Default.TypeName == d.ExpectedType)));
            if (typed) type = def.TypeName;
        }
        return new PyDeferred(Text(node.Span), keys.ToEquatableArray(), def is null ? null : def with { Origin = null, DefinedAt = null }, type) { Origin = Loc(node.Span) };
    }

    // ------------------------------------------------------------------------------------------
    // Operators
    // ------------------------------------------------------------------------------------------

    private PyValue EvalUnary(UnaryExpr u)
    {
        var operand = Eval(u.Operand);
        if (u.Operator == "await") return new PyUnknown("'await' is not evaluated");
        if (u.Operator == "not")
        {
            return Lift(u, new[] { operand }, vs => PyOps.Truth(vs[0]) is bool b ? new PyBool(!b) : Unknown("truth value unknown"), "bool", deep: false);
        }
        return Lift(u, new[] { operand }, vs => UnaryOp(u, vs[0]), null);
    }

    private PyValue UnaryOp(UnaryExpr u, PyValue v)
    {
        switch (u.Operator)
        {
            case "-":
                if (v is PyInt or PyBool)
                {
                    long l = PyOps.AsLong(v);
                    if (l == long.MinValue) return Overflow(u.Span, "-" + l);
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
        return Error(u.Span, "TypeError: bad operand type for unary " + u.Operator + ": '" + v.TypeName + "'");
    }

    private PyUnknown Overflow(SourceSpan span, string what)
    {
        Report(DiagnosticDescriptors.IntegerOverflow, span, what);
        return new PyUnknown("integer does not fit in 64 bits") { Origin = Loc(span) };
    }

    private PyValue Binary(PySyntaxNode node, string op, PyValue left, PyValue right)
    {
        string? type = null;
        string? lt = PyOps.TypeOf(left), rt = PyOps.TypeOf(right);
        if (lt is not null && rt is not null)
        {
            if (op is "+" && lt == rt && lt is "str" or "list" or "tuple" or "int" or "timedelta") type = lt;
            else if (op is "/" && lt is "int" or "float" && rt is "int" or "float") type = "float";
        }
        return Lift(node, new[] { left, right }, vs => BinaryOp(node, op, vs[0], vs[1]), type, deep: op == "%");
    }

    private PyValue BinaryOp(PySyntaxNode node, string op, PyValue a, PyValue b)
    {
        var span = node.Span;
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
                        case "/": return y == 0 ? Error(span, "ZeroDivisionError: division by zero") : new PyFloat((double)x / y);
                        case "//": return y == 0 ? Error(span, "ZeroDivisionError: integer division or modulo by zero") : new PyInt(PyOps.FloorDiv(x, y));
                        case "%": return y == 0 ? Error(span, "ZeroDivisionError: integer division or modulo by zero") : new PyInt(PyOps.FloorMod(x, y));
                        case "**": return y < 0 ? (x == 0 ? Error(span, "ZeroDivisionError: 0.0 cannot be raised to a negative power") : new PyFloat(Math.Pow(x, y))) : IntPow(span, x, y);
                        case "<<": return y < 0 ? Error(span, "ValueError: negative shift count") : y >= 63 || (x != 0 && (Math.Abs(x) >> (int)(63 - y)) != 0) ? Overflow(span, x + " << " + y) : new PyInt(x << (int)y);
                        case ">>": return y < 0 ? Error(span, "ValueError: negative shift count") : new PyInt(y >= 64 ? (x < 0 ? -1 : 0) : x >> (int)y);
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
                        case "/": return y == 0 ? Error(span, "ZeroDivisionError: float division by zero") : new PyFloat(x / y);
                        case "//": return y == 0 ? Error(span, "ZeroDivisionError: float floor division by zero") : new PyFloat(Math.Floor(x / y));
                        case "%": return y == 0 ? Error(span, "ZeroDivisionError: float modulo") : new PyFloat(PyOps.FloorMod(x, y));
                        case "**":
                        {
                            var r = Math.Pow(x, y);
                            return double.IsInfinity(r) ? Error(span, "OverflowError: (34, 'Numerical result out of range')") : new PyFloat(r);
                        }
                    }
                }
            }

            // Sequences and strings.
            switch (op)
            {
                case "+":
                    if (a is PyStr sa && b is PyStr sb)
                    {
                        return (long)sa.Value.Length + sb.Value.Length > EvaluationSession.MaxStringLength ? TooLarge(span, "string") : new PyStr(sa.Value + sb.Value);
                    }
                    if (a is PyBytes ba && b is PyBytes bb) return new PyBytes(ba.Latin1 + bb.Latin1);
                    if (a is PyList la && b is PyList lb) return (PyValue?)CheckSize(span, la.Items.Count + lb.Items.Count) ?? PyOps.List(la.Items.Concat(lb.Items));
                    if (a is PyTuple ta && b is PyTuple tb) return (PyValue?)CheckSize(span, ta.Items.Count + tb.Items.Count) ?? PyOps.Tuple(ta.Items.Concat(tb.Items));
                    if (a is PyTimeDelta da && b is PyTimeDelta db) return TimeDeltaValue(span, (decimal)da.Microseconds + db.Microseconds);
                    break;
                case "-":
                    if (a is PyTimeDelta da2 && b is PyTimeDelta db2) return TimeDeltaValue(span, (decimal)da2.Microseconds - db2.Microseconds);
                    if (a is PySet sa2 && b is PySet sb2) return new PySet(sa2.Items.Where(x => !sb2.Items.Any(y => PyOps.ValueEquals(x, y))).ToEquatableArray());
                    break;
                case "*":
                    if ((a is PyStr || a is PyList || a is PyTuple || a is PyBytes) && PyOps.IsInteger(b)) return Repeat(span, a, PyOps.AsLong(b));
                    if ((b is PyStr || b is PyList || b is PyTuple || b is PyBytes) && PyOps.IsInteger(a)) return Repeat(span, b, PyOps.AsLong(a));
                    if (a is PyTimeDelta ta3 && PyOps.IsNumber(b)) return TimeDeltaValue(span, MultiplyMicros(ta3.Microseconds, b));
                    if (b is PyTimeDelta tb3 && PyOps.IsNumber(a)) return TimeDeltaValue(span, MultiplyMicros(tb3.Microseconds, a));
                    break;
                case "/":
                    if (a is PyTimeDelta t4 && b is PyTimeDelta u4) return u4.Microseconds == 0 ? Error(span, "ZeroDivisionError: division by zero") : new PyFloat((double)t4.Microseconds / u4.Microseconds);
                    if (a is PyTimeDelta t5 && PyOps.IsNumber(b))
                    {
                        double divisor = PyOps.AsDouble(b);
                        if (divisor == 0) return Error(span, "ZeroDivisionError: division by zero");
                        return TimeDeltaValue(span, PyOps.IsInteger(b) ? RoundHalfEven((decimal)t5.Microseconds / PyOps.AsLong(b)) : (decimal)Math.Round(t5.Microseconds / divisor, MidpointRounding.ToEven));
                    }
                    if (a is PyPath p && b is PyStr or PyPath) return PathJoin(p, b);
                    if (a is PyStr && b is PyPath pb) return PathJoin(new PyPath(((PyStr)a).Value, PathAnchor.WorkingDirectory), pb);
                    break;
                case "//":
                    if (a is PyTimeDelta t6 && b is PyTimeDelta u6) return u6.Microseconds == 0 ? Error(span, "ZeroDivisionError: integer division or modulo by zero") : new PyInt(PyOps.FloorDiv(t6.Microseconds, u6.Microseconds));
                    if (a is PyTimeDelta t7 && PyOps.IsInteger(b)) return PyOps.AsLong(b) == 0 ? Error(span, "ZeroDivisionError: integer division or modulo by zero") : new PyTimeDelta(PyOps.FloorDiv(t7.Microseconds, PyOps.AsLong(b)));
                    break;
                case "%":
                    if (a is PyStr fmt)
                    {
                        var text = PyFormat.Percent(fmt.Value, b, out var error);
                        return text is null ? Error(span, "TypeError: " + error) : new PyStr(text);
                    }
                    if (a is PyTimeDelta t8 && b is PyTimeDelta u8) return u8.Microseconds == 0 ? Error(span, "ZeroDivisionError: integer division or modulo by zero") : new PyTimeDelta(PyOps.FloorMod(t8.Microseconds, u8.Microseconds));
                    break;
                case "|":
                    if (a is PyDict da9 && b is PyDict db9) return DictUpdate(da9, db9.Entries);
                    if (a is PySet sa9 && b is PySet sb9) return new PySet(Dedupe(sa9.Items.Concat(sb9.Items)).ToEquatableArray());
                    break;
                case "&":
                    if (a is PySet sa10 && b is PySet sb10) return new PySet(sa10.Items.Where(x => sb10.Items.Any(y => PyOps.ValueEquals(x, y))).ToEquatableArray());
                    break;
            }
        }
        catch (OverflowException)
        {
            return Overflow(span, "result of '" + op + "'");
        }
        return Error(span, "TypeError: unsupported operand type(s) for " + op + ": '" + a.TypeName + "' and '" + b.TypeName + "'");
    }

    private PyValue IntPow(SourceSpan span, long x, long y)
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
            return Overflow(span, x + " ** " + y);
        }
        return new PyInt(result);
    }

    private PyUnknown? CheckSize(SourceSpan span, long count) => count > EvaluationSession.MaxCollectionSize ? TooLarge(span, "list") : null;

    private PyValue Repeat(SourceSpan span, PyValue seq, long times)
    {
        if (times <= 0) times = 0;
        switch (seq)
        {
            case PyStr s:
                if (s.Value.Length * (decimal)times > EvaluationSession.MaxStringLength) return TooLarge(span, "string");
                return new PyStr(new StringBuilder(s.Value.Length * (int)times).Insert(0, s.Value, (int)times).ToString());
            case PyBytes b:
                if (b.Latin1.Length * (decimal)times > EvaluationSession.MaxStringLength) return TooLarge(span, "string");
                return new PyBytes(new StringBuilder().Insert(0, b.Latin1, (int)times).ToString());
            case PySequence q:
                if (q.Items.Count * (decimal)times > EvaluationSession.MaxCollectionSize) return TooLarge(span, "list");
                var items = new List<PyValue>();
                for (long i = 0; i < times; i++) items.AddRange(q.Items);
                return q is PyList ? PyOps.List(items) : PyOps.Tuple(items);
        }
        return Unknown("cannot repeat");
    }

    private static IEnumerable<PyValue> Dedupe(IEnumerable<PyValue> items)
    {
        var seen = new HashSet<string>();
        foreach (var item in items)
        {
            var key = PyOps.HashKey(item);
            if (key is null || seen.Add(key)) yield return item;
        }
    }

    private PyValue EvalBoolOp(BoolOpExpr b)
    {
        var result = Eval(b.Values[0]);
        for (int i = 1; i < b.Values.Length; i++)
        {
            var truth = PyOps.Truth(result);
            if (truth is bool t)
            {
                if (b.Operator == "or" ? t : !t) return result;
                result = Eval(b.Values[i]);
                continue;
            }
            if (result is PyUnknown) return result;
            var next = Eval(b.Values[i]);
            string? type = PyOps.TypeOf(result) is string rt && rt == PyOps.TypeOf(next) ? rt : null;
            bool isOr = b.Operator == "or";
            result = Lift(b, new[] { result, next }, vs => PyOps.Truth(vs[0]) is bool bt ? ((isOr ? bt : !bt) ? vs[0] : vs[1]) : Unknown("truth value unknown"), type, deep: false);
        }
        return result;
    }

    private PyValue EvalTernary(TernaryExpr t)
    {
        var test = Eval(t.Test);
        var truth = PyOps.Truth(test);
        if (truth == true) return Eval(t.Body);
        if (truth == false) return Eval(t.OrElse);
        var body = Eval(t.Body);
        var orElse = Eval(t.OrElse);
        return MergeConditional(test, t.Test, body, orElse, Loc(t.Span));
    }

    private PyValue EvalCompare(CompareExpr c)
    {
        var left = Eval(c.Left);
        PyValue? result = null;
        for (int i = 0; i < c.Operators.Length; i++)
        {
            var op = c.Operators[i];
            var right = Eval(c.Comparators[i]);
            PyValue step;
            if ((op == "in" || op == "not in") && right is PyOpaque { Name: "os.environ" })
            {
                step = EnvContains(c, left, op == "not in");
            }
            else
            {
                step = Lift(c, new[] { left, right }, vs => Compare(c, op, vs[0], vs[1]), "bool", deep: op is "==" or "!=" or "in" or "not in");
            }
            if (result is null) result = step;
            else
            {
                var prev = result;
                result = Lift(c, new[] { prev, step }, vs => PyOps.Truth(vs[0]) == true ? vs[1] : vs[0], "bool", deep: false);
            }
            if (PyOps.Truth(result) == false) return result;
            left = right;
        }
        return result ?? new PyBool(true);
    }

    private PyValue Compare(PySyntaxNode node, string op, PyValue a, PyValue b)
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
                bool? contains = Contains(node, b, a);
                if (contains is null) return Unknown("containment unknown");
                return new PyBool(op == "in" ? contains.Value : !contains.Value);
            }
        }
        int? cmp = Order(a, b);
        if (cmp is null) return Error(node.Span, "TypeError: '" + op + "' not supported between instances of '" + a.TypeName + "' and '" + b.TypeName + "'");
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

    private bool? Contains(PySyntaxNode node, PyValue container, PyValue item)
    {
        switch (container)
        {
            case PyStr s:
                if (item is PyStr sub) return s.Value.IndexOf(sub.Value, StringComparison.Ordinal) >= 0;
                Error(node.Span, "TypeError: 'in <string>' requires string as left operand, not " + item.TypeName);
                return null;
            case PySequence q:
                return q.Items.Any(x => PyOps.ValueEquals(x, item));
            case PyDict d:
                return PyOps.Lookup(d, item) is not null;
        }
        Error(node.Span, "TypeError: argument of type '" + container.TypeName + "' is not iterable");
        return null;
    }

    /// <summary>Python ordering; null when the types cannot be compared.</summary>
    private static int? Order(PyValue a, PyValue b)
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

    // ------------------------------------------------------------------------------------------
    // Displays and comprehensions
    // ------------------------------------------------------------------------------------------

    private PyValue EvalSequence(SequenceExpr s)
    {
        var parts = new List<(bool Star, PyValue Value)>(s.Elements.Length);
        var starred = new List<PyValue>();
        foreach (var e in s.Elements)
        {
            if (e is StarredExpr st)
            {
                var v = Eval(st.Value);
                parts.Add((true, v));
                starred.Add(v);
            }
            else
            {
                parts.Add((false, Eval(e)));
            }
        }
        if (starred.Count == 0) return BuildSequence(s, parts);
        // Unpacking a deferred iterable defers the whole display.
        return Lift(s, starred, vs =>
        {
            int k = 0;
            var replaced = parts.Select(p => p.Star ? (true, vs[k++]) : p).ToList();
            return BuildSequence(s, replaced);
        }, s.Kind switch { SequenceKind.List => "list", SequenceKind.Tuple => "tuple", _ => "set" }, deep: false);
    }

    private PyValue BuildSequence(SequenceExpr s, IReadOnlyList<(bool Star, PyValue Value)> parts)
    {
        var items = new List<PyValue>(parts.Count);
        foreach (var (star, value) in parts)
        {
            if (!star)
            {
                items.Add(value);
                continue;
            }
            var expanded = Iterate(value, s);
            if (expanded is null) return Unknown("cannot unpack");
            items.AddRange(expanded);
            if (items.Count > EvaluationSession.MaxCollectionSize) return TooLarge(s.Span, "list");
        }
        return s.Kind switch
        {
            SequenceKind.List => PyOps.List(items),
            SequenceKind.Tuple => PyOps.Tuple(items),
            _ => new PySet(Dedupe(items).ToEquatableArray()),
        };
    }

    private PyValue EvalDict(DictExpr d)
    {
        var parts = new List<(PyValue? Key, PyValue Value)>(d.Items.Length);
        var splats = new List<PyValue>();
        foreach (var item in d.Items)
        {
            if (item.Key is null)
            {
                var m = Eval(item.Value);
                parts.Add((null, m));
                splats.Add(m);
            }
            else
            {
                var k = Eval(item.Key);
                parts.Add((k, Eval(item.Value)));
            }
        }
        if (splats.Count == 0) return BuildDict(d, parts);
        return Lift(d, splats, vs =>
        {
            int k = 0;
            var replaced = parts.Select(p => p.Key is null ? (null, vs[k++]) : p).ToList();
            return BuildDict(d, replaced);
        }, "dict", deep: false);
    }

    private PyValue BuildDict(PySyntaxNode node, IReadOnlyList<(PyValue? Key, PyValue Value)> parts)
    {
        var builder = new DictBuilder();
        foreach (var (key, value) in parts)
        {
            if (key is null)
            {
                if (value is not PyDict m) return Error(node.Span, "TypeError: '" + value.TypeName + "' object is not a mapping");
                foreach (var e in m.Entries) builder.Set(e.Key, e.Value);
                continue;
            }
            if (!builder.Set(key, value)) return key is PyDeferred or PyUnknown ? Unknown("a dict key is not known") : Error(node.Span, "TypeError: unhashable type: '" + key.TypeName + "'");
        }
        return builder.Build();
    }

    private PyValue EvalComprehension(ComprehensionExpr c)
    {
        var firstIterable = Eval(c.Clauses[0].Iterable);
        string type = c.Kind switch { ComprehensionKind.Dict => "dict", ComprehensionKind.Set => "set", _ => "list" };
        if (firstIterable is PyUnknown) return firstIterable;
        if (firstIterable is PyDeferred)
        {
            return Lift(c, new[] { firstIterable }, vs => RunComprehension(c, vs[0]), type, deep: false);
        }
        return RunComprehension(c, firstIterable);
    }

    private PyValue RunComprehension(ComprehensionExpr c, PyValue firstIterable)
    {
        var saved = _locals;
        _locals = new LocalScope(saved);
        var output = new List<PyValue>();
        var dict = c.Kind == ComprehensionKind.Dict ? new DictBuilder() : null;
        PyValue? indeterminate = null;
        var keys = new List<string>();
        try
        {
            void Run(int clauseIndex)
            {
                if (indeterminate is not null) return;
                var clause = c.Clauses[clauseIndex];
                var iterable = clauseIndex == 0 ? firstIterable : Eval(clause.Iterable);
                if (iterable is PyDeferred or PyUnknown)
                {
                    indeterminate = iterable;
                    PyOps.CollectKeys(iterable, keys);
                    return;
                }
                var items = Iterate(iterable, clause.Iterable);
                if (items is null)
                {
                    indeterminate = Unknown("not iterable");
                    return;
                }
                foreach (var item in items)
                {
                    _session.CancellationToken.ThrowIfCancellationRequested();
                    if (--_session.LoopBudget < 0)
                    {
                        Report(DiagnosticDescriptors.LoopLimitReached, c.Span, EvaluationSession.MaxLoopIterations);
                        indeterminate = Unknown("loop limit");
                        return;
                    }
                    Assign(clause.Target, item, clause.Span);
                    bool include = true;
                    foreach (var condition in clause.Conditions)
                    {
                        var cv = Eval(condition);
                        var truth = PyOps.Truth(cv);
                        if (truth is null)
                        {
                            // A filter that depends on the environment: the result does too.
                            PyOps.CollectKeys(cv, keys);
                            indeterminate ??= cv;
                            include = false;
                            break;
                        }
                        if (!truth.Value)
                        {
                            include = false;
                            break;
                        }
                    }
                    if (indeterminate is not null) return;
                    if (!include) continue;
                    if (clauseIndex + 1 < c.Clauses.Length)
                    {
                        Run(clauseIndex + 1);
                        continue;
                    }
                    if (dict is not null)
                    {
                        var k = Eval(c.Element);
                        if (!dict.Set(k, Eval(c.Value!)))
                        {
                            indeterminate = Unknown("dict key not known");
                            return;
                        }
                    }
                    else
                    {
                        output.Add(Eval(c.Element));
                        if (output.Count > EvaluationSession.MaxCollectionSize)
                        {
                            indeterminate = TooLarge(c.Span, "list");
                            return;
                        }
                    }
                }
            }
            Run(0);
        }
        finally
        {
            _locals = saved;
        }
        if (indeterminate is PyUnknown u) return u;
        if (indeterminate is not null)
        {
            // Re-run as if the environment were empty to learn the default.
            PyValue? def = null;
            if (!_defaultsMode)
            {
                _defaultsMode = true;
                _silent++;
                try
                {
                    var d = RunComprehension(c, PyOps.SubstituteDefaults(firstIterable) ?? Unknown("no default"));
                    if (d is not PyUnknown && d.IsConstant) def = d;
                }
                finally
                {
                    _silent--;
                    _defaultsMode = false;
                }
            }
            string type = c.Kind switch { ComprehensionKind.Dict => "dict", ComprehensionKind.Set => "set", _ => "list" };
            return new PyDeferred(Text(c.Span), keys.ToEquatableArray(), def, type) { Origin = Loc(c.Span) };
        }
        if (dict is not null) return dict.Build();
        return c.Kind switch
        {
            ComprehensionKind.Set => new PySet(Dedupe(output).ToEquatableArray()),
            _ => PyOps.List(output),
        };
    }

    /// <summary>The items of an iterable value; null (reported) when it is not iterable.</summary>
    private IReadOnlyList<PyValue>? Iterate(PyValue value, PySyntaxNode node)
    {
        switch (value)
        {
            case PySequence s: return s.Items;
            case PyDict d: return d.Entries.Select(e => e.Key).ToList();
            case PyStr s:
                if (s.Value.Length > EvaluationSession.MaxCollectionSize) return null;
                return s.Value.Select(ch => (PyValue)new PyStr(ch.ToString())).ToList();
            case PyBytes b: return b.Latin1.Select(ch => (PyValue)new PyInt(ch)).ToList();
            case PyDeferred or PyUnknown: return null;
        }
        Error(node.Span, "TypeError: '" + value.TypeName + "' object is not iterable");
        return null;
    }

    // ------------------------------------------------------------------------------------------
    // Subscripts
    // ------------------------------------------------------------------------------------------

    private PyValue EvalSubscript(SubscriptExpr s)
    {
        var obj = Eval(s.Object);
        if (obj is PyOpaque { Name: "os.environ" })
        {
            var key = Eval(s.Index);
            return EnvRead(s, key, null, "str", castDefault: false, cast: null, api: "os.environ[...]");
        }
        if (s.Index is SliceExpr slice)
        {
            var lower = slice.Lower is null ? new PyNone() : Eval(slice.Lower);
            var upper = slice.Upper is null ? new PyNone() : Eval(slice.Upper);
            var step = slice.Step is null ? new PyNone() : Eval(slice.Step);
            return Lift(s, new[] { obj, lower, upper, step }, vs => Slice(s, vs[0], vs[1], vs[2], vs[3]), PyOps.TypeOf(obj), deep: false);
        }
        var index = Eval(s.Index);
        return Lift(s, new[] { obj, index }, vs => GetItem(s, vs[0], vs[1]), null, deep: false);
    }

    private PyValue GetItem(PySyntaxNode node, PyValue obj, PyValue index)
    {
        switch (obj)
        {
            case PyDict d:
            {
                if (index is PyDeferred or PyUnknown) return Unknown("key not known");
                var v = PyOps.Lookup(d, index);
                return v ?? Error(node.Span, "KeyError: " + PyOps.Repr(index));
            }
            case PySequence q when q is not PySet:
                if (!PyOps.IsInteger(index)) return Error(node.Span, "TypeError: " + q.TypeName + " indices must be integers or slices, not " + index.TypeName);
                return IndexInto(node, q.Items, PyOps.AsLong(index), q.TypeName) ?? Unknown("index out of range");
            case PyStr s:
                if (!PyOps.IsInteger(index)) return Error(node.Span, "TypeError: string indices must be integers");
                long i = PyOps.AsLong(index);
                if (i < 0) i += s.Value.Length;
                if (i < 0 || i >= s.Value.Length) return Error(node.Span, "IndexError: string index out of range");
                return new PyStr(s.Value[(int)i].ToString());
        }
        return Error(node.Span, "TypeError: '" + obj.TypeName + "' object is not subscriptable");
    }

    private PyValue? IndexInto(PySyntaxNode node, EquatableArray<PyValue> items, long i, string typeName)
    {
        if (i < 0) i += items.Count;
        if (i < 0 || i >= items.Count)
        {
            Error(node.Span, "IndexError: " + typeName + " index out of range");
            return null;
        }
        return items[(int)i];
    }

    private PyValue Slice(PySyntaxNode node, PyValue obj, PyValue lower, PyValue upper, PyValue step)
    {
        long? Opt(PyValue v) => v is PyNone ? null : PyOps.IsInteger(v) ? PyOps.AsLong(v) : (long?)long.MinValue;
        long? lo = Opt(lower), hi = Opt(upper), st = Opt(step);
        if (lo == long.MinValue || hi == long.MinValue || st == long.MinValue) return Error(node.Span, "TypeError: slice indices must be integers or None");
        long stepValue = st ?? 1;
        if (stepValue == 0) return Error(node.Span, "ValueError: slice step cannot be zero");
        int length = obj switch { PyStr s => s.Value.Length, PySequence q => q.Items.Count, _ => -1 };
        if (length < 0) return Error(node.Span, "TypeError: '" + obj.TypeName + "' object is not subscriptable");
        long Clamp(long? v, long def, bool forUpper)
        {
            if (v is null) return def;
            long x = v.Value < 0 ? v.Value + length : v.Value;
            if (stepValue > 0) return Math.Max(0, Math.Min(length, x));
            return Math.Max(-1, Math.Min(length - 1, x));
        }
        long start = Clamp(lo, stepValue > 0 ? 0 : length - 1, false);
        long stop = Clamp(hi, stepValue > 0 ? length : -1, true);
        var indices = new List<int>();
        for (long k = start; stepValue > 0 ? k < stop : k > stop; k += stepValue) indices.Add((int)k);
        return obj switch
        {
            PyStr s => new PyStr(new string(indices.Select(k => s.Value[k]).ToArray())),
            PyList l => PyOps.List(indices.Select(k => l.Items[k])),
            PyTuple t => PyOps.Tuple(indices.Select(k => t.Items[k])),
            _ => Unknown("cannot slice"),
        };
    }

    /// <summary><c>container[key] = value</c> as a new container; null when it fails (reported).</summary>
    private PyValue? SetItem(PySyntaxNode node, PyValue container, PyValue key, PyValue value)
    {
        switch (container)
        {
            case PyDict d:
                if (key is PyDeferred or PyUnknown) return Unknown("a dict key is not known");
                if (PyOps.HashKey(key) is null)
                {
                    Error(node.Span, "TypeError: unhashable type: '" + key.TypeName + "'");
                    return null;
                }
                return DictUpdate(d, new[] { new PyDictEntry(key, value) });
            case PyList l:
            {
                if (!PyOps.IsInteger(key))
                {
                    if (key is PyDeferred or PyUnknown) return Unknown("an index is not known");
                    Error(node.Span, "TypeError: list indices must be integers or slices, not " + key.TypeName);
                    return null;
                }
                long i = PyOps.AsLong(key);
                if (i < 0) i += l.Items.Count;
                if (i < 0 || i >= l.Items.Count)
                {
                    Error(node.Span, "IndexError: list assignment index out of range");
                    return null;
                }
                var items = l.Items.ToList();
                items[(int)i] = value;
                return WithOrigin(PyOps.List(items), l.Origin, l.DefinedAt);
            }
            case PyDeferred deferred:
                // Writing into a container that comes from the environment: still deferred.
                return Lift(node, new[] { container, key, value }, vs => SetItem(node, vs[0], vs[1], vs[2]) ?? Unknown("failed"), deferred.ExpectedType, deep: false);
            case PyUnknown:
                return container;
        }
        Error(node.Span, "TypeError: '" + container.TypeName + "' object does not support item assignment");
        return null;
    }

    private static PyDict DictUpdate(PyDict d, IEnumerable<PyDictEntry> updates)
    {
        var builder = new DictBuilder();
        foreach (var e in d.Entries) builder.Set(e.Key, e.Value);
        foreach (var e in updates) builder.Set(e.Key, e.Value);
        return builder.Build() with { Origin = d.Origin, DefinedAt = d.DefinedAt };
    }

    /// <summary>Builds a dict in insertion order with hashed lookups (linear in the number of entries).</summary>
    private sealed class DictBuilder
    {
        private readonly List<PyDictEntry> _entries = new();
        private readonly Dictionary<string, int> _index = new();

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
    }
}
