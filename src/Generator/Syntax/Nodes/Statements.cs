using System.Collections.Immutable;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>Base of statement nodes.</summary>
internal abstract record Stmt(SourceSpan Span) : PySyntaxNode(Span);

/// <summary>An expression used as a statement (calls like <c>X.append(...)</c>, docstrings).</summary>
internal sealed record ExprStmt(SourceSpan Span, Expr Value) : Stmt(Span);

/// <summary><c>a = b = value</c> (one or more targets).</summary>
internal sealed record AssignStmt(SourceSpan Span, ImmutableArray<Expr> Targets, Expr Value) : Stmt(Span);

/// <summary><c>NAME: annotation</c> or <c>NAME: annotation = value</c>.</summary>
internal sealed record AnnAssignStmt(SourceSpan Span, Expr Target, SourceSpan ColonSpan, Expr Annotation, Expr? Value) : Stmt(Span);

/// <summary><c>target op= value</c>.</summary>
internal sealed record AugAssignStmt(SourceSpan Span, Expr Target, string Operator, Expr Value) : Stmt(Span);

/// <summary><c>import a.b as c, d</c>.</summary>
internal sealed record ImportStmt(SourceSpan Span, ImmutableArray<ImportAlias> Names) : Stmt(Span);

/// <summary><c>from ..mod import a as b</c> or <c>from mod import *</c> (<see cref="Names"/> empty).</summary>
internal sealed record FromImportStmt(SourceSpan Span, int Level, string? Module, SourceSpan ModuleSpan, ImmutableArray<ImportAlias> Names, bool IsStar) : Stmt(Span);

/// <summary>One imported name with an optional alias.</summary>
internal sealed record ImportAlias(SourceSpan Span, string Name, string? AsName, SourceSpan BoundNameSpan);

/// <summary><c>if</c>/<c>elif</c>/<c>else</c>; an <c>elif</c> is a nested <see cref="IfStmt"/> in <see cref="OrElse"/>.</summary>
internal sealed record IfStmt(SourceSpan Span, Expr Test, ImmutableArray<Stmt> Body, ImmutableArray<Stmt> OrElse) : Stmt(Span);

/// <summary><c>for target in iterable:</c> with an optional <c>else</c>.</summary>
internal sealed record ForStmt(SourceSpan Span, Expr Target, Expr Iterable, ImmutableArray<Stmt> Body, ImmutableArray<Stmt> OrElse, bool IsAsync) : Stmt(Span);

/// <summary><c>while test:</c>.</summary>
internal sealed record WhileStmt(SourceSpan Span, Expr Test, ImmutableArray<Stmt> Body, ImmutableArray<Stmt> OrElse) : Stmt(Span);

/// <summary><c>def name(params):</c> (decorators included in the span).</summary>
internal sealed record FunctionDefStmt(SourceSpan Span, string Name, SourceSpan NameSpan, ImmutableArray<Parameter> Parameters, ImmutableArray<Expr> Decorators, ImmutableArray<Stmt> Body, bool IsAsync) : Stmt(Span);

/// <summary><c>class Name(bases):</c>.</summary>
internal sealed record ClassDefStmt(SourceSpan Span, string Name, SourceSpan NameSpan, ImmutableArray<Argument> Bases, ImmutableArray<Expr> Decorators, ImmutableArray<Stmt> Body) : Stmt(Span);

/// <summary><c>try:</c> with handlers, <c>else</c> and <c>finally</c>.</summary>
internal sealed record TryStmt(SourceSpan Span, ImmutableArray<Stmt> Body, ImmutableArray<ExceptHandler> Handlers, ImmutableArray<Stmt> OrElse, ImmutableArray<Stmt> Finally) : Stmt(Span);

/// <summary><c>except Type as name:</c>.</summary>
internal sealed record ExceptHandler(SourceSpan Span, Expr? Type, string? Name, ImmutableArray<Stmt> Body);

/// <summary><c>with a as b, c:</c>.</summary>
internal sealed record WithStmt(SourceSpan Span, ImmutableArray<WithItem> Items, ImmutableArray<Stmt> Body, bool IsAsync) : Stmt(Span);

/// <summary>One context manager of a <c>with</c>.</summary>
internal sealed record WithItem(SourceSpan Span, Expr Context, Expr? Target);

/// <summary><c>pass</c>, <c>break</c>, <c>continue</c>.</summary>
internal sealed record KeywordStmt(SourceSpan Span, string Keyword) : Stmt(Span);

/// <summary><c>return x</c>.</summary>
internal sealed record ReturnStmt(SourceSpan Span, Expr? Value) : Stmt(Span);

/// <summary><c>raise X from Y</c>.</summary>
internal sealed record RaiseStmt(SourceSpan Span, Expr? Exception, Expr? Cause) : Stmt(Span);

/// <summary><c>del a, b[k]</c>.</summary>
internal sealed record DelStmt(SourceSpan Span, ImmutableArray<Expr> Targets) : Stmt(Span);

/// <summary><c>assert test, message</c>.</summary>
internal sealed record AssertStmt(SourceSpan Span, Expr Test, Expr? Message) : Stmt(Span);

/// <summary><c>global a, b</c> / <c>nonlocal a</c>.</summary>
internal sealed record GlobalStmt(SourceSpan Span, string Keyword, ImmutableArray<string> Names) : Stmt(Span);

/// <summary>
/// A statement that could not be parsed: already reported. <see cref="Body"/> holds statements of
/// an indented block that followed a broken header, parsed so their assignments can be listed.
/// </summary>
internal sealed record ErrorStmt(SourceSpan Span, ImmutableArray<Stmt> Body) : Stmt(Span);
