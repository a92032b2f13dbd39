using System.Collections.Generic;
using System.Collections.Immutable;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// The names a block of statements binds, found syntactically (assignment targets, mutated names,
/// loop targets): what code the evaluator skips or runs only over defaults would have assigned.
/// </summary>
internal static class AssignedNames
{
    /// <summary>Appends every name <paramref name="statements"/> bind, with the span of the target.</summary>
    public static void Collect(ImmutableArray<Stmt> statements, List<(string, SourceSpan)> into, bool includeDefinitions = true)
    {
        foreach (var s in statements)
        {
            switch (s)
            {
                case AssignStmt a:
                    foreach (var t in a.Targets) CollectTarget(t, into);
                    break;
                case AnnAssignStmt a when a.Value is not null:
                    CollectTarget(a.Target, into);
                    break;
                case AugAssignStmt a:
                    CollectTarget(a.Target, into);
                    break;
                case ExprStmt { Value: CallExpr { Function: AttributeExpr { Object: var obj } } }:
                    CollectTarget(obj, into);
                    break;
                case ForStmt f:
                    CollectTarget(f.Target, into);
                    Collect(f.Body, into, includeDefinitions);
                    Collect(f.OrElse, into, includeDefinitions);
                    break;
                case IfStmt i:
                    Collect(i.Body, into, includeDefinitions);
                    Collect(i.OrElse, into, includeDefinitions);
                    break;
                case WhileStmt w:
                    Collect(w.Body, into, includeDefinitions);
                    Collect(w.OrElse, into, includeDefinitions);
                    break;
                case TryStmt t:
                    Collect(t.Body, into, includeDefinitions);
                    foreach (var h in t.Handlers) Collect(h.Body, into, includeDefinitions);
                    Collect(t.OrElse, into, includeDefinitions);
                    Collect(t.Finally, into, includeDefinitions);
                    break;
                case WithStmt w:
                    foreach (var item in w.Items) if (item.Target is not null) CollectTarget(item.Target, into);
                    Collect(w.Body, into, includeDefinitions);
                    break;
                case FunctionDefStmt f:
                    Collect(f.Body, into, includeDefinitions);
                    break;
                case ClassDefStmt c:
                    Collect(c.Body, into, includeDefinitions);
                    break;
                case ErrorStmt e:
                    Collect(e.Body, into, includeDefinitions);
                    break;
            }
        }
    }

    private static void CollectTarget(Expr target, List<(string, SourceSpan)> into)
    {
        switch (target)
        {
            case NameExpr n:
                into.Add((n.Name, n.Span));
                break;
            case SubscriptExpr s:
                CollectTarget(s.Object, into);
                break;
            case AttributeExpr:
                break;
            case StarredExpr s:
                CollectTarget(s.Value, into);
                break;
            case ParenthesizedExpr p:
                CollectTarget(p.Inner, into);
                break;
            case SequenceExpr seq:
                foreach (var e in seq.Elements) CollectTarget(e, into);
                break;
        }
    }
}
