using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// Lifting operations over deferred values: an operation on a value known only at startup gives
/// a <see cref="PyDeferred"/> that records the keys, the source text and the default (the same
/// operation applied, quietly, to the operands' defaults).
/// </summary>
internal sealed partial class ModuleEvaluator
{
    /// <summary>
    /// Applies <paramref name="compute"/> to known operands. An unknown operand makes the result
    /// unknown; a deferred operand makes it deferred: keys are the union, the description is the
    /// source text, and the default is the operation applied to the operands' defaults.
    /// </summary>
    internal PyValue Lift(Site site, IReadOnlyList<PyValue> operands, Func<Site, IReadOnlyList<PyValue>, PyValue> compute, string? knownType, bool deep = true)
    {
        bool deferred = false;
        foreach (var o in operands)
        {
            if (o is PyUnknown u) return u;
            if (o is PyDeferred || (deep && _session.Metrics.HasDeferred(o))) deferred = true;
        }
        if (!deferred) return compute(site, operands);
        return Defer(site, operands, compute, knownType);
    }

    private PyDeferred Defer(Site site, IReadOnlyList<PyValue> operands, Func<Site, IReadOnlyList<PyValue>, PyValue> compute, string? knownType)
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
            var r = compute(site.Quiet(), substituted);
            if (r is not PyUnknown && r.IsConstant) def = r;
        }
        string? type = knownType;
        if (type is null && def is not null)
        {
            // The default's type is the value's type when every deferred input's type is known and
            // its default has that type (the operation then sees the same types either way).
            bool typed = operands.All(o => o is not PyDeferred d || (d.ExpectedType is not null && (d.Default is null || d.Default.TypeName == d.ExpectedType)));
            if (typed) type = def.TypeName;
        }
        return new PyDeferred(Text(site.Span), keys.ToEquatableArray(), def is null ? null : def with { Origin = null, DefinedAt = null }, type) { Origin = Loc(site.Span) };
    }

    /// <summary>The value of "<paramref name="whenTrue"/> if condition else <paramref name="whenFalse"/>" for an undecided condition (null: unbound).</summary>
    private PyValue MergeConditional(PyValue condition, Expr conditionSyntax, PyValue? whenTrue, PyValue? whenFalse, SourceLocation origin)
    {
        if (condition is PyUnknown u)
        {
            return new PyUnknown("depends on `" + Text(conditionSyntax.Span) + "`, which cannot be evaluated (" + u.Reason + ")") { Origin = origin, Cause = u.Cause, MissingModule = u.MissingModule };
        }
        var unknown = (whenTrue as PyUnknown) ?? (whenFalse as PyUnknown);
        if (unknown is not null) return unknown;
        var keys = new List<string>();
        PyOps.CollectKeys(condition, keys);
        PyOps.CollectKeys(whenTrue, keys);
        PyOps.CollectKeys(whenFalse, keys);
        PyValue? conditionDefault = condition is PyDeferred d ? (d.Default is null ? null : PyOps.SubstituteDefaults(d.Default)) : PyOps.SubstituteDefaults(condition);
        bool? defaultTruth = conditionDefault is null ? null : PyOps.Truth(conditionDefault);
        PyValue? chosen = defaultTruth switch
        {
            true => whenTrue,
            false => whenFalse,
            _ => null,
        };
        PyValue? def = chosen is null ? null : PyOps.SubstituteDefaults(chosen);
        if (def is PyUnknown || (def is not null && !def.IsConstant)) def = null;
        string? type = PyOps.TypeOf(whenTrue) is string tt && tt == PyOps.TypeOf(whenFalse) ? tt : null;
        string description = DescribeValue(whenTrue) + " if " + Text(conditionSyntax.Span) + " else " + DescribeValue(whenFalse);
        return new PyDeferred(Shorten(description), keys.ToEquatableArray(), def, type) { Origin = origin };
    }

    private static string DescribeValue(PyValue? v) => v switch
    {
        null => "<unset>",
        PyDeferred d => d.Description,
        _ => Shorten(PyOps.Repr(v), 80),
    };

    /// <summary>The environment keys a value depends on.</summary>
    internal static EquatableArray<string> KeysOf(PyValue v)
    {
        var keys = new List<string>();
        PyOps.CollectKeys(v, keys);
        return keys.ToEquatableArray();
    }
}
