using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DjangoSettings.Generator.Syntax;

namespace DjangoSettings.Generator.Project;

/// <summary>
/// Reads literal values out of the project's source without evaluating it: str (gettext-wrapped
/// too, as <c>verbose_name=_("e-mail")</c> is), int, bool, None, and lists/tuples of them; a bare
/// name is followed to a constant the module assigns at top level.
/// </summary>
internal static class PyLiteral
{
    // The translation helpers a verbose name is commonly wrapped in (they return the text itself here).
    private static readonly HashSet<string> Gettext = new(StringComparer.Ordinal) { "_", "gettext", "gettext_lazy", "ugettext", "ugettext_lazy", "pgettext_lazy" };

    /// <summary>A str literal (implicit concatenation included; f-strings and bytes excluded), or null.</summary>
    public static string? Str(Expr expression, PythonModule? module = null, int depth = 0)
    {
        switch (expression)
        {
            case StringExpr { IsFormatted: false, IsBytes: false } s:
                return string.Concat(s.Segments.Select(g => g.Literal));
            case ParenthesizedExpr p:
                return Str(p.Inner, module, depth);
            case CallExpr { Function: NameExpr f } call when Gettext.Contains(f.Name) && call.Arguments.Length >= 1 && call.Arguments[call.Arguments.Length - 1].Kind == CallArgumentKind.Positional:
                return Str(call.Arguments[call.Arguments.Length - 1].Value, module, depth);
            case NameExpr n when module is not null && depth < 8 && module.Constant(n.Name) is { } value:
                return Str(value, module, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>An int literal (a leading minus included), or null.</summary>
    public static long? Int(Expr expression, PythonModule? module = null, int depth = 0)
    {
        switch (expression)
        {
            case NumberExpr n:
                string text = n.Text.Replace("_", string.Empty);
                if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                    return long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex) ? hex : null;
                return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
            case UnaryExpr { Operator: "-" } u:
                return Int(u.Operand, module, depth) is { } v ? -v : null;
            case ParenthesizedExpr p:
                return Int(p.Inner, module, depth);
            case NameExpr n when module is not null && depth < 8 && module.Constant(n.Name) is { } value:
                return Int(value, module, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>True/False, or null.</summary>
    public static bool? Bool(Expr expression, PythonModule? module = null, int depth = 0) => expression switch
    {
        ConstantExpr { Kind: ConstantKind.True } => true,
        ConstantExpr { Kind: ConstantKind.False } => false,
        ParenthesizedExpr p => Bool(p.Inner, module, depth),
        NameExpr n when module is not null && depth < 8 && module.Constant(n.Name) is { } value => Bool(value, module, depth + 1),
        _ => null,
    };

    /// <summary>Whether the expression is <c>None</c>.</summary>
    public static bool IsNone(Expr expression) => expression is ConstantExpr { Kind: ConstantKind.None } || expression is ParenthesizedExpr { Inner: var inner } && IsNone(inner);

    /// <summary>The str items of a list or tuple display (null when it is not one, or an item is not a str).</summary>
    public static IReadOnlyList<string>? Strings(Expr expression, PythonModule? module = null, int depth = 0)
    {
        switch (expression)
        {
            case SequenceExpr { Kind: SequenceKind.List or SequenceKind.Tuple } seq:
                var items = new List<string>();
                foreach (var element in seq.Elements)
                {
                    if (Str(element, module) is not { } s) return null;
                    items.Add(s);
                }
                return items;
            case ParenthesizedExpr p:
                return Strings(p.Inner, module, depth);
            case NameExpr n when module is not null && depth < 8 && module.Constant(n.Name) is { } value:
                return Strings(value, module, depth + 1);
            default:
                return null;
        }
    }
}
