using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Library;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>Expressions: literals, names, operators, conditionals and subscripts (calls and displays have their own files).</summary>
internal sealed partial class ModuleEvaluator
{
    /// <summary>Evaluation recursion allowed (the parser caps nesting well below this).</summary>
    private const int MaxEvalDepth = 300;

    /// <summary>The Django setting a fragment may use undefined: configuration supplies it at startup.</summary>
    private const string ConfigurationProvidedName = "SECRET_KEY";

    /// <summary>Evaluates an expression; the result's origin is the expression unless it already has one.</summary>
    internal PyValue Eval(Expr expr, EvalContext ctx)
    {
        if (++_session.EvalDepth > MaxEvalDepth || !Syntax.Parser.StackAvailable())
        {
            _session.EvalDepth--;
            return new PyUnknown("expression nested too deeply") { Origin = Loc(expr.Span) };
        }
        try
        {
            var value = EvalCore(expr, ctx);
            if (_session.Metrics.Excess(value) is string excess)
            {
                return TooLarge(ctx, expr.Span, excess);
            }
            return value.Origin is null ? value with { Origin = Loc(expr.Span) } : value;
        }
        finally
        {
            _session.EvalDepth--;
        }
    }

    private PyValue EvalCore(Expr expr, EvalContext ctx)
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
                return EvalNumber(n, ctx);
            case StringExpr s:
                return EvalString(s, ctx);
            case ParenthesizedExpr p:
            {
                var inner = Eval(p.Inner, ctx);
                return inner with { Origin = Loc(p.Span) };
            }
            case NameExpr n:
                return Lookup(n, ctx);
            case UnaryExpr u:
                return EvalUnary(u, ctx);
            case BinaryExpr b:
            {
                var left = Eval(b.Left, ctx);
                var right = Eval(b.Right, ctx);
                return Operators.Binary(new Site(this, ctx, b), b.Operator, left, right);
            }
            case BoolOpExpr b:
                return EvalBoolOp(b, ctx);
            case CompareExpr c:
                return EvalCompare(c, ctx);
            case TernaryExpr t:
                return EvalTernary(t, ctx);
            case LambdaExpr l:
            {
                string id = _session.NewId("lambda");
                _session.Lambdas[id] = new LambdaClosure(l, ctx.Locals, this);
                return new PyOpaque("function", id);
            }
            case NamedExpr n:
            {
                var value = Eval(n.Value, ctx);
                if (ctx.DefaultsMode) return value;
                if (ctx.Locals is not null) ctx.Locals.Vars[n.Target.Name] = value;
                else Scope.Set(n.Target.Name, new Binding(value, Loc(n.Target.Span), Loc(n.Span), false));
                return value;
            }
            case CallExpr c:
                return EvalCall(c, ctx);
            case AttributeExpr a:
                return GetAttribute(new Site(this, ctx, a), Eval(a.Object, ctx), a.Name);
            case SubscriptExpr s:
                return EvalSubscript(s, ctx);
            case SequenceExpr s:
                return EvalSequence(s, ctx);
            case DictExpr d:
                return EvalDict(d, ctx);
            case ComprehensionExpr c:
                return EvalComprehension(c, ctx);
            case StarredExpr s:
                return Error(ctx, s.Span, "SyntaxError: can't use starred expression here");
            case SliceExpr s:
                return Error(ctx, s.Span, "SyntaxError: a slice is only valid inside []");
            default:
                return new PyUnknown("not evaluated");
        }
    }

    private PyValue EvalNumber(NumberExpr n, EvalContext ctx)
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
            Report(ctx, DiagnosticDescriptors.IntegerOverflow, n.Span, StringDecoder.Excerpt(n.Text, 40));
            return new PyUnknown("integer does not fit in 64 bits");
        }
    }

    private PyValue EvalString(StringExpr s, EvalContext ctx)
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
            values.Add(Eval(seg.Field, ctx));
            specs.Add(seg.FormatSpec is null ? null : EvalString(seg.FormatSpec, ctx));
        }
        var all = new List<PyValue>(values);
        foreach (var spec in specs) if (spec is not null) all.Add(spec);
        int fieldCount = values.Count;
        return Lift(new Site(this, ctx, s), all, (site, vs) => FormatFString(site, s, vs, fieldCount), "str");
    }

    private static PyValue FormatFString(Site site, StringExpr s, IReadOnlyList<PyValue> vs, int fieldCount)
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
            if (text is null) return site.Module.Error(site.Context, seg.Span, "ValueError: " + error);
            sb.Append(text);
            if (sb.Length > EvaluationSession.MaxStringLength) return site.TooLarge("string");
        }
        return new PyStr(sb.ToString());
    }

    private PyValue Lookup(NameExpr n, EvalContext ctx)
    {
        if (ctx.Locals is not null && ctx.Locals.TryGet(n.Name, out var local))
        {
            return ctx.DefaultsMode ? PyOps.SubstituteDefaults(local) ?? new PyUnknown("no default") : local;
        }
        if (Scope.TryGet(n.Name, out var binding))
        {
            var value = binding.Value;
            if (ctx.DefaultsMode) value = PyOps.SubstituteDefaults(value) ?? new PyUnknown("no default");
            return value with { Origin = Loc(n.Span), DefinedAt = binding.NameLocation };
        }
        var builtin = Modules.Builtin(n.Name, _source);
        if (builtin is not null) return builtin;
        if (_unknownNames is { } source)
        {
            return new PyUnknown("'" + n.Name + "' may come from " + source.Description + ", which is not evaluated")
            {
                Origin = Loc(n.Span),
                Cause = source.Cause,
                MissingModule = source.MissingModule,
            };
        }
        if (n.Name == ConfigurationProvidedName)
        {
            // A settings fragment that uses SECRET_KEY without defining it relies on the base
            // settings ("# noqa: F821 - defined by the base settings"): read it from configuration
            // at startup, as a deferred value, instead of failing the build.
            return EnvironmentReads.Read(new Site(this, ctx, n), new PyStr(ConfigurationProvidedName), null, "str", castDefault: false, cast: null);
        }
        Report(ctx, DiagnosticDescriptors.NameNotDefined, n.Span, n.Name, n.Name == "timedelta" ? " (add 'from datetime import timedelta')" : string.Empty);
        return new PyUnknown("name '" + n.Name + "' is not defined") { Origin = Loc(n.Span) };
    }

    /// <summary>The raw stored value of a place, without re-stamping its origin (for mutations).</summary>
    private PyValue EvalPlace(Expr place, EvalContext ctx)
    {
        if (place is NameExpr n)
        {
            if (ctx.Locals is not null && ctx.Locals.TryGet(n.Name, out var local)) return local;
            if (Scope.TryGet(n.Name, out var binding)) return binding.Value;
        }
        if (place is ParenthesizedExpr p) return EvalPlace(p.Inner, ctx);
        return Eval(place, ctx);
    }

    private static bool IsPlace(Expr e) => e switch
    {
        NameExpr => true,
        ParenthesizedExpr p => IsPlace(p.Inner),
        SubscriptExpr s => IsPlace(s.Object),
        _ => false,
    };

    private PyValue EvalUnary(UnaryExpr u, EvalContext ctx)
    {
        var operand = Eval(u.Operand, ctx);
        if (u.Operator == "await") return new PyUnknown("'await' is not evaluated");
        var site = new Site(this, ctx, u);
        if (u.Operator == "not")
        {
            return Lift(site, new[] { operand }, static (_, vs) => PyOps.Truth(vs[0]) is bool b ? new PyBool(!b) : Unknown("truth value unknown"), "bool", deep: false);
        }
        return Lift(site, new[] { operand }, static (s, vs) => Operators.Unary(s, ((UnaryExpr)s.Node).Operator, vs[0]), null);
    }

    private PyValue EvalBoolOp(BoolOpExpr b, EvalContext ctx)
    {
        var result = Eval(b.Values[0], ctx);
        bool isOr = b.Operator == "or";
        for (int i = 1; i < b.Values.Length; i++)
        {
            var truth = PyOps.Truth(result);
            if (truth is bool t)
            {
                if (isOr ? t : !t) return result;
                result = Eval(b.Values[i], ctx);
                continue;
            }
            if (result is PyUnknown) return result;
            var next = Eval(b.Values[i], ctx);
            string? type = PyOps.TypeOf(result) is string rt && rt == PyOps.TypeOf(next) ? rt : null;
            result = Lift(new Site(this, ctx, b), new[] { result, next }, (_, vs) => PyOps.Truth(vs[0]) is bool bt ? ((isOr ? bt : !bt) ? vs[0] : vs[1]) : Unknown("truth value unknown"), type, deep: false);
        }
        return result;
    }

    private PyValue EvalTernary(TernaryExpr t, EvalContext ctx)
    {
        var test = Eval(t.Test, ctx);
        var truth = PyOps.Truth(test);
        if (truth == true) return Eval(t.Body, ctx);
        if (truth == false) return Eval(t.OrElse, ctx);
        var body = Eval(t.Body, ctx);
        var orElse = Eval(t.OrElse, ctx);
        return MergeConditional(test, t.Test, body, orElse, Loc(t.Span));
    }

    private PyValue EvalCompare(CompareExpr c, EvalContext ctx)
    {
        var site = new Site(this, ctx, c);
        var left = Eval(c.Left, ctx);
        PyValue? result = null;
        for (int i = 0; i < c.Operators.Length; i++)
        {
            var op = c.Operators[i];
            var right = Eval(c.Comparators[i], ctx);
            PyValue step;
            // "X" in os.environ, and "X" in env (django-environ's Env.__contains__ reads os.environ).
            if ((op == "in" || op == "not in") && right is PyOpaque { Name: "os.environ" } or PyOpaque { Kind: "environ.Env" })
            {
                step = OsEnviron.Contains(site, left, negate: op == "not in");
            }
            else
            {
                step = Lift(site, new[] { left, right }, (s, vs) => Operators.Compare(s, op, vs[0], vs[1]), "bool", deep: op is "==" or "!=" or "in" or "not in");
            }
            if (result is null) result = step;
            else
            {
                var prev = result;
                result = Lift(site, new[] { prev, step }, static (_, vs) => PyOps.Truth(vs[0]) == true ? vs[1] : vs[0], "bool", deep: false);
            }
            if (PyOps.Truth(result) == false) return result;
            left = right;
        }
        return result ?? new PyBool(true);
    }

    private PyValue EvalSubscript(SubscriptExpr s, EvalContext ctx)
    {
        var site = new Site(this, ctx, s);
        var obj = Eval(s.Object, ctx);
        if (obj is PyOpaque { Name: "os.environ" })
        {
            return OsEnviron.Subscript(site, Eval(s.Index, ctx));
        }
        if (s.Index is SliceExpr slice)
        {
            var lower = slice.Lower is null ? new PyNone() : Eval(slice.Lower, ctx);
            var upper = slice.Upper is null ? new PyNone() : Eval(slice.Upper, ctx);
            var step = slice.Step is null ? new PyNone() : Eval(slice.Step, ctx);
            return Lift(site, new[] { obj, lower, upper, step }, static (si, vs) => Subscripts.Slice(si, vs[0], vs[1], vs[2], vs[3]), PyOps.TypeOf(obj), deep: false);
        }
        var index = Eval(s.Index, ctx);
        return Lift(site, new[] { obj, index }, static (si, vs) => Subscripts.GetItem(si, vs[0], vs[1]), null, deep: false);
    }
}
