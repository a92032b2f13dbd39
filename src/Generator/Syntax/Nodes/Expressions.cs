using System.Collections.Immutable;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>Base of expression nodes.</summary>
internal abstract record Expr(SourceSpan Span) : PySyntaxNode(Span);

/// <summary>A name: <c>DEBUG</c>.</summary>
internal sealed record NameExpr(SourceSpan Span, string Name) : Expr(Span);

/// <summary><c>None</c>, <c>True</c>, <c>False</c> or <c>...</c>.</summary>
internal sealed record ConstantExpr(SourceSpan Span, ConstantKind Kind) : Expr(Span);

/// <summary>Which constant keyword.</summary>
internal enum ConstantKind { None, True, False, Ellipsis }

/// <summary>A number literal, kept as written; the evaluator converts it.</summary>
internal sealed record NumberExpr(SourceSpan Span, string Text) : Expr(Span);

/// <summary>
/// One or more adjacent string literals (implicit concatenation), decoded. Plain strings are one
/// literal segment; f-strings add field segments.
/// </summary>
internal sealed record StringExpr(SourceSpan Span, ImmutableArray<StringSegment> Segments, bool IsBytes, bool IsFormatted, ImmutableArray<SourceSpan> PieceSpans) : Expr(Span);

/// <summary>A literal run or an f-string replacement field.</summary>
internal sealed record StringSegment(SourceSpan Span, string? Literal, Expr? Field, char Conversion, StringExpr? FormatSpec, string? DebugText);

/// <summary><c>(x)</c>: kept so that <c>('Bearer')</c> can be told apart from a tuple.</summary>
internal sealed record ParenthesizedExpr(SourceSpan Span, Expr Inner) : Expr(Span);

/// <summary>Unary <c>-x</c>, <c>+x</c>, <c>~x</c>, <c>not x</c>.</summary>
internal sealed record UnaryExpr(SourceSpan Span, string Operator, Expr Operand) : Expr(Span);

/// <summary>Binary arithmetic/bitwise operator.</summary>
internal sealed record BinaryExpr(SourceSpan Span, Expr Left, string Operator, SourceSpan OperatorSpan, Expr Right) : Expr(Span);

/// <summary><c>a and b and c</c> / <c>a or b</c>.</summary>
internal sealed record BoolOpExpr(SourceSpan Span, string Operator, ImmutableArray<Expr> Values) : Expr(Span);

/// <summary>A (possibly chained) comparison: <c>a &lt; b &lt;= c</c>, <c>x not in y</c>.</summary>
internal sealed record CompareExpr(SourceSpan Span, Expr Left, ImmutableArray<string> Operators, ImmutableArray<Expr> Comparators) : Expr(Span);

/// <summary><c>body if test else orelse</c>.</summary>
internal sealed record TernaryExpr(SourceSpan Span, Expr Body, Expr Test, Expr OrElse) : Expr(Span);

/// <summary><c>lambda a, b=1: body</c>.</summary>
internal sealed record LambdaExpr(SourceSpan Span, ImmutableArray<Parameter> Parameters, Expr Body) : Expr(Span);

/// <summary>A function or lambda parameter.</summary>
internal sealed record Parameter(SourceSpan Span, string Name, Expr? Default, Expr? Annotation, ParameterKind Kind);

/// <summary>Plain, <c>*args</c>, <c>**kwargs</c>, or a bare <c>*</c> / <c>/</c> marker.</summary>
internal enum ParameterKind { Normal, VarPositional, VarKeyword, Marker }

/// <summary>Walrus: <c>name := value</c>.</summary>
internal sealed record NamedExpr(SourceSpan Span, NameExpr Target, Expr Value) : Expr(Span);

/// <summary>A call <c>f(a, k=v, *xs, **kw)</c>.</summary>
internal sealed record CallExpr(SourceSpan Span, Expr Function, ImmutableArray<Argument> Arguments) : Expr(Span);

/// <summary>A call argument: positional, keyword (<see cref="Name"/>), <c>*x</c> or <c>**x</c>.</summary>
internal sealed record Argument(SourceSpan Span, string? Name, SourceSpan NameSpan, Expr Value, CallArgumentKind Kind);

/// <summary>What kind of argument.</summary>
internal enum CallArgumentKind { Positional, Keyword, Star, DoubleStar }

/// <summary><c>obj.name</c>.</summary>
internal sealed record AttributeExpr(SourceSpan Span, Expr Object, string Name, SourceSpan NameSpan) : Expr(Span);

/// <summary><c>obj[index]</c>.</summary>
internal sealed record SubscriptExpr(SourceSpan Span, Expr Object, Expr Index) : Expr(Span);

/// <summary><c>lower:upper:step</c> inside a subscript.</summary>
internal sealed record SliceExpr(SourceSpan Span, Expr? Lower, Expr? Upper, Expr? Step) : Expr(Span);

/// <summary><c>*x</c> inside a display or a target.</summary>
internal sealed record StarredExpr(SourceSpan Span, Expr Value) : Expr(Span);

/// <summary>A list, tuple or set display.</summary>
internal sealed record SequenceExpr(SourceSpan Span, SequenceKind Kind, ImmutableArray<Expr> Elements, bool Parenthesized) : Expr(Span);

/// <summary>Which display.</summary>
internal enum SequenceKind { List, Tuple, Set }

/// <summary>A dict display; an entry without key is <c>**mapping</c>.</summary>
internal sealed record DictExpr(SourceSpan Span, ImmutableArray<DictItem> Items) : Expr(Span);

/// <summary>One <c>key: value</c> or <c>**mapping</c> entry.</summary>
internal sealed record DictItem(SourceSpan Span, Expr? Key, Expr Value);

/// <summary>A comprehension: list, set, dict or generator.</summary>
internal sealed record ComprehensionExpr(SourceSpan Span, ComprehensionKind Kind, Expr Element, Expr? Value, ImmutableArray<ComprehensionClause> Clauses) : Expr(Span);

/// <summary>Which comprehension.</summary>
internal enum ComprehensionKind { List, Set, Dict, Generator }

/// <summary><c>for target in iterable if cond...</c>.</summary>
internal sealed record ComprehensionClause(SourceSpan Span, Expr Target, Expr Iterable, ImmutableArray<Expr> Conditions);

/// <summary>Placeholder where an expression could not be parsed (the statement is reported and skipped).</summary>
internal sealed record ErrorExpr(SourceSpan Span) : Expr(Span);
