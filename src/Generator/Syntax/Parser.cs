using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>
/// Recursive-descent parser for the Python statement and expression grammar (3.8+ forms that
/// settings files use). A syntax error is reported at the offending token, the rest of that logical
/// line is skipped, and parsing resumes at the next statement, so one bad line loses nothing else.
/// Nesting (brackets, operators, blocks) is capped at <see cref="MaxDepth"/> so hostile input
/// cannot overflow the stack.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deepest nesting of expressions and blocks accepted (CPython's own parser stops near 200).</summary>
    public const int MaxDepth = 100;

    private static readonly HashSet<string> Keywords = new()
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield",
    };

    private readonly SettingsSource _source;
    private readonly List<Token> _tokens;
    private readonly List<SettingsDiagnostic> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly List<int> _lexerErrorOffsets;
    private int _index;
    private int _depth;
    private int _lastEnd;

    private Parser(SettingsSource source, List<Token> tokens, List<SettingsDiagnostic> diagnostics, int depth, CancellationToken cancellationToken)
    {
        _source = source;
        _tokens = tokens;
        _diagnostics = diagnostics;
        _depth = depth;
        _cancellationToken = cancellationToken;
        _lexerErrorOffsets = new List<int>();
        foreach (var d in diagnostics)
        {
            if (d.Location.Path == source.Path && d.Severity == SettingsSeverity.Error) _lexerErrorOffsets.Add(d.Location.Span.Start);
        }
        _lexerErrorOffsets.Sort();
    }

    /// <summary>Lexes and parses a whole file.</summary>
    public static PySyntaxTree ParseFile(SettingsSource source, CancellationToken cancellationToken)
    {
        var diagnostics = new List<SettingsDiagnostic>();
        var tokens = Lexer.Tokenize(source, diagnostics, cancellationToken);
        var parser = new Parser(source, tokens, diagnostics, 0, cancellationToken);
        var statements = parser.ParseModule();
        diagnostics.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
        return new PySyntaxTree(source, statements, diagnostics.ToImmutableArray());
    }

    /// <summary>Parses the expression of an f-string field (its own token stream, absolute spans).</summary>
    private Expr ParseEmbedded(SourceSpan span)
    {
        var tokens = Lexer.TokenizeExpression(_source, span, _diagnostics, _cancellationToken);
        var inner = new Parser(_source, tokens, _diagnostics, _depth + 1, _cancellationToken);
        if (inner._depth > MaxDepth)
        {
            Report(DiagnosticDescriptors.NestingTooDeep, span, MaxDepth);
            return new ErrorExpr(span);
        }
        try
        {
            if (inner.At(TokenKind.EndOfFile))
            {
                Report(DiagnosticDescriptors.InvalidSyntax, span, "f-string: empty expression not allowed");
                return new ErrorExpr(span);
            }
            var expr = inner.ParseStarExpressions(allowNamed: true);
            if (!inner.At(TokenKind.EndOfFile)) inner.Fail(inner.Peek(), "f-string: invalid syntax");
            return expr;
        }
        catch (SyntaxErrorException)
        {
            return new ErrorExpr(span);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Statements
    // ------------------------------------------------------------------------------------------

    private ImmutableArray<Stmt> ParseModule()
    {
        var statements = ImmutableArray.CreateBuilder<Stmt>();
        while (!At(TokenKind.EndOfFile))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (At(TokenKind.Newline) || At(TokenKind.Dedent))
            {
                Next();
                continue;
            }
            if (At(TokenKind.Indent))
            {
                statements.AddRange(ParseUnexpectedIndent());
                continue;
            }
            statements.AddRange(ParseStatement());
        }
        return statements.ToImmutable();
    }

    /// <summary>An indented block where none belongs: report it, then keep its statements.</summary>
    private ImmutableArray<Stmt> ParseUnexpectedIndent()
    {
        var indent = Next();
        Report(DiagnosticDescriptors.InvalidIndentation, indent.Span, "unexpected indent");
        return ParseBlockContents(lenient: true);
    }

    /// <summary>Statements up to the DEDENT that closes the current INDENT (already consumed).</summary>
    private ImmutableArray<Stmt> ParseBlockContents(bool lenient)
    {
        var statements = ImmutableArray.CreateBuilder<Stmt>();
        if (_depth + 1 > MaxDepth)
        {
            // Too deep to parse: skip the whole block structurally.
            if (lenient) SkipBlock();
            else
            {
                Report(DiagnosticDescriptors.NestingTooDeep, Peek().Span, MaxDepth);
                SkipBlock();
            }
            return statements.ToImmutable();
        }
        _depth++;
        while (!At(TokenKind.EndOfFile))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (At(TokenKind.Dedent))
            {
                Next();
                break;
            }
            if (At(TokenKind.Newline))
            {
                Next();
                continue;
            }
            if (At(TokenKind.Indent))
            {
                statements.AddRange(ParseUnexpectedIndent());
                continue;
            }
            statements.AddRange(ParseStatement());
        }
        _depth--;
        return statements.ToImmutable();
    }

    /// <summary>Skips tokens through the DEDENT matching an INDENT that was just consumed.</summary>
    private void SkipBlock()
    {
        int level = 1;
        while (!At(TokenKind.EndOfFile) && level > 0)
        {
            var t = Next();
            if (t.Kind == TokenKind.Indent) level++;
            else if (t.Kind == TokenKind.Dedent) level--;
        }
    }

    private ImmutableArray<Stmt> ParseStatement()
    {
        int startIndex = _index;
        int savedDepth = _depth;
        try
        {
            var first = Peek();
            if (first.Kind == TokenKind.Name)
            {
                switch (first.Text)
                {
                    case "if": return ImmutableArray.Create<Stmt>(ParseIf());
                    case "for": return ImmutableArray.Create<Stmt>(ParseFor(first.Span.Start, false));
                    case "while": return ImmutableArray.Create<Stmt>(ParseWhile());
                    case "def": return ImmutableArray.Create<Stmt>(ParseDef(first.Span.Start, ImmutableArray<Expr>.Empty, false));
                    case "class": return ImmutableArray.Create<Stmt>(ParseClass(first.Span.Start, ImmutableArray<Expr>.Empty));
                    case "try": return ImmutableArray.Create<Stmt>(ParseTry());
                    case "with": return ImmutableArray.Create<Stmt>(ParseWith(first.Span.Start, false));
                    case "async": return ImmutableArray.Create<Stmt>(ParseAsync(first.Span.Start, ImmutableArray<Expr>.Empty));
                }
            }
            else if (first.Kind == TokenKind.At)
            {
                return ImmutableArray.Create<Stmt>(ParseDecorated());
            }
            return ParseSimpleLine();
        }
        catch (SyntaxErrorException)
        {
            _depth = savedDepth;
            int start = _tokens[startIndex].Span.Start;
            if (_index == startIndex && !At(TokenKind.EndOfFile) && !At(TokenKind.Newline)) Next();
            while (!At(TokenKind.EndOfFile) && !At(TokenKind.Newline))
            {
                if (At(TokenKind.Indent) || At(TokenKind.Dedent))
                {
                    break;
                }
                Next();
            }
            int end = _lastEnd;
            if (At(TokenKind.Newline)) Next();
            var body = ImmutableArray<Stmt>.Empty;
            if (At(TokenKind.Indent))
            {
                // The header of a compound statement was broken; keep its block's statements so
                // their assignments can still be listed, but never run them.
                Next();
                body = ParseBlockContents(lenient: true);
            }
            return ImmutableArray.Create<Stmt>(new ErrorStmt(SourceSpan.FromBounds(start, Math.Max(start, end)), body));
        }
    }

    private ImmutableArray<Stmt> ParseSimpleLine()
    {
        var list = ImmutableArray.CreateBuilder<Stmt>();
        list.Add(ParseSimpleStatement());
        while (At(TokenKind.Semicolon))
        {
            Next();
            if (At(TokenKind.Newline) || At(TokenKind.EndOfFile)) break;
            list.Add(ParseSimpleStatement());
        }
        if (At(TokenKind.EndOfFile)) return list.ToImmutable();
        if (!At(TokenKind.Newline)) Fail(Peek(), "invalid syntax");
        Next();
        return list.ToImmutable();
    }

    private Stmt ParseSimpleStatement()
    {
        var first = Peek();
        int start = first.Span.Start;
        if (first.Kind == TokenKind.Name)
        {
            switch (first.Text)
            {
                case "pass":
                case "break":
                case "continue":
                    Next();
                    return new KeywordStmt(first.Span, first.Text);
                case "return":
                {
                    Next();
                    Expr? value = AtEndOfSimpleStatement() ? null : ParseStarExpressions(false);
                    return new ReturnStmt(SpanFrom(start), value);
                }
                case "raise":
                {
                    Next();
                    Expr? exc = null, cause = null;
                    if (!AtEndOfSimpleStatement())
                    {
                        exc = ParseTest();
                        if (AtKeyword("from"))
                        {
                            Next();
                            cause = ParseTest();
                        }
                    }
                    return new RaiseStmt(SpanFrom(start), exc, cause);
                }
                case "del":
                {
                    Next();
                    var targets = ImmutableArray.CreateBuilder<Expr>();
                    do
                    {
                        if (targets.Count > 0) Next();
                        if (AtEndOfSimpleStatement()) break;
                        var t = ParseBitOr();
                        CheckTarget(t, "delete");
                        targets.Add(t);
                    }
                    while (At(TokenKind.Comma));
                    return new DelStmt(SpanFrom(start), targets.ToImmutable());
                }
                case "assert":
                {
                    Next();
                    var test = ParseTest();
                    Expr? message = null;
                    if (At(TokenKind.Comma))
                    {
                        Next();
                        message = ParseTest();
                    }
                    return new AssertStmt(SpanFrom(start), test, message);
                }
                case "global":
                case "nonlocal":
                {
                    Next();
                    var names = ImmutableArray.CreateBuilder<string>();
                    names.Add(ExpectName().Text);
                    while (At(TokenKind.Comma))
                    {
                        Next();
                        names.Add(ExpectName().Text);
                    }
                    return new GlobalStmt(SpanFrom(start), first.Text, names.ToImmutable());
                }
                case "import":
                    return ParseImport();
                case "from":
                    return ParseFromImport();
            }
        }

        var expr = ParseStarExpressions(allowNamed: false);
        if (At(TokenKind.Colon))
        {
            var colon = Next();
            if (expr is not (NameExpr or AttributeExpr or SubscriptExpr))
            {
                Fail(colon, expr is SequenceExpr { Kind: SequenceKind.Tuple } ? "only single target (not tuple) can be annotated" : "illegal target for annotation");
            }
            var annotation = ParseTest();
            Expr? value = null;
            if (At(TokenKind.Equal))
            {
                Next();
                value = ParseStarExpressions(false);
            }
            return new AnnAssignStmt(SpanFrom(start), expr, colon.Span, annotation, value);
        }
        if (IsAugmentedAssign(Peek().Kind))
        {
            var op = Next();
            if (expr is not (NameExpr or AttributeExpr or SubscriptExpr)) Fail(op, "'" + Describe(expr) + "' is an illegal expression for augmented assignment");
            var value = ParseStarExpressions(false);
            return new AugAssignStmt(SpanFrom(start), expr, op.Text.Substring(0, op.Text.Length - 1), value);
        }
        if (At(TokenKind.Equal))
        {
            var targets = ImmutableArray.CreateBuilder<Expr>();
            var current = expr;
            while (At(TokenKind.Equal))
            {
                var eq = Next();
                CheckTarget(current, "assign to", eq);
                targets.Add(current);
                current = ParseStarExpressions(false);
            }
            return new AssignStmt(SpanFrom(start), targets.ToImmutable(), current);
        }
        return new ExprStmt(SpanFrom(start), expr);
    }

    private bool AtEndOfSimpleStatement() => At(TokenKind.Newline) || At(TokenKind.Semicolon) || At(TokenKind.EndOfFile);

    private static bool IsAugmentedAssign(TokenKind kind) => kind is TokenKind.PlusEqual or TokenKind.MinusEqual or TokenKind.StarEqual
        or TokenKind.DoubleStarEqual or TokenKind.SlashEqual or TokenKind.DoubleSlashEqual or TokenKind.PercentEqual or TokenKind.VBarEqual
        or TokenKind.AmpEqual or TokenKind.CaretEqual or TokenKind.LeftShiftEqual or TokenKind.RightShiftEqual or TokenKind.AtEqual;

    private void CheckTarget(Expr target, string verb, Token? at = null)
    {
        switch (target)
        {
            case NameExpr:
            case AttributeExpr:
            case SubscriptExpr:
                return;
            case StarredExpr s:
                CheckTarget(s.Value, verb, at);
                return;
            case ParenthesizedExpr p:
                CheckTarget(p.Inner, verb, at);
                return;
            case SequenceExpr { Kind: SequenceKind.List or SequenceKind.Tuple } seq:
                foreach (var e in seq.Elements) CheckTarget(e, verb, at);
                return;
        }
        FailAt(target.Span, "cannot " + verb + " " + Describe(target) + (at is { Kind: TokenKind.Equal } && target is CompareExpr ? "; maybe you meant '==' instead of '='?" : string.Empty));
    }

    private static string Describe(Expr e) => e switch
    {
        NumberExpr or StringExpr or ConstantExpr => "literal",
        CallExpr => "function call",
        CompareExpr => "comparison",
        BinaryExpr or UnaryExpr => "expression",
        BoolOpExpr => "expression",
        TernaryExpr => "conditional expression",
        LambdaExpr => "lambda",
        DictExpr => "dict literal",
        SequenceExpr { Kind: SequenceKind.Set } => "set display",
        ComprehensionExpr => "comprehension",
        NamedExpr => "named expression",
        _ => "expression",
    };

    private Stmt ParseImport()
    {
        int start = Next().Span.Start;
        var names = ImmutableArray.CreateBuilder<ImportAlias>();
        do
        {
            if (names.Count > 0) Next();
            var (dotted, span) = ParseDottedName();
            string? asName = null;
            var bound = span;
            if (AtKeyword("as"))
            {
                Next();
                var n = ExpectName();
                asName = n.Text;
                bound = n.Span;
            }
            else
            {
                // "import a.b" binds "a".
                int dot = dotted.IndexOf('.');
                if (dot >= 0) bound = new SourceSpan(span.Start, dot);
            }
            names.Add(new ImportAlias(SpanFrom(span.Start), dotted, asName, bound));
        }
        while (At(TokenKind.Comma));
        return new ImportStmt(SpanFrom(start), names.ToImmutable());
    }

    private Stmt ParseFromImport()
    {
        int start = Next().Span.Start;
        int level = 0;
        while (At(TokenKind.Dot) || At(TokenKind.Ellipsis))
        {
            level += Next().Kind == TokenKind.Ellipsis ? 3 : 1;
        }
        string? module = null;
        SourceSpan moduleSpan = new(Peek().Span.Start, 0);
        if (!AtKeyword("import"))
        {
            (module, moduleSpan) = ParseDottedName();
        }
        else if (level == 0)
        {
            Fail(Peek(), "invalid syntax");
        }
        ExpectKeyword("import");
        if (At(TokenKind.Star))
        {
            Next();
            return new FromImportStmt(SpanFrom(start), level, module, moduleSpan, ImmutableArray<ImportAlias>.Empty, true);
        }
        bool parenthesized = false;
        if (At(TokenKind.LParen))
        {
            Next();
            parenthesized = true;
        }
        var names = ImmutableArray.CreateBuilder<ImportAlias>();
        while (true)
        {
            var n = ExpectName();
            string? asName = null;
            var bound = n.Span;
            if (AtKeyword("as"))
            {
                Next();
                var a = ExpectName();
                asName = a.Text;
                bound = a.Span;
            }
            names.Add(new ImportAlias(SpanFrom(n.Span.Start), n.Text, asName, bound));
            if (!At(TokenKind.Comma)) break;
            Next();
            if (parenthesized && At(TokenKind.RParen)) break;
            if (!parenthesized && AtEndOfSimpleStatement()) Fail(Peek(), "trailing comma not allowed without surrounding parentheses");
        }
        if (parenthesized) Expect(TokenKind.RParen, "')'");
        return new FromImportStmt(SpanFrom(start), level, module, moduleSpan, names.ToImmutable(), false);
    }

    private (string Name, SourceSpan Span) ParseDottedName()
    {
        var first = ExpectName();
        var sb = new System.Text.StringBuilder(first.Text);
        while (At(TokenKind.Dot))
        {
            Next();
            sb.Append('.').Append(ExpectName().Text);
        }
        return (sb.ToString(), SourceSpan.FromBounds(first.Span.Start, _lastEnd));
    }

    private Stmt ParseIf()
    {
        int start = Next().Span.Start;
        var test = ParseNamedTest();
        var body = ParseSuite();
        var orElse = ImmutableArray<Stmt>.Empty;
        if (AtKeyword("elif"))
        {
            orElse = ImmutableArray.Create(ParseIf());
        }
        else if (AtKeyword("else"))
        {
            Next();
            orElse = ParseSuite();
        }
        return new IfStmt(SpanFrom(start), test, body, orElse);
    }

    private Stmt ParseFor(int start, bool isAsync)
    {
        Next();
        var target = ParseTargetList();
        ExpectKeyword("in");
        var iterable = ParseStarExpressions(false);
        var body = ParseSuite();
        var orElse = ImmutableArray<Stmt>.Empty;
        if (AtKeyword("else"))
        {
            Next();
            orElse = ParseSuite();
        }
        return new ForStmt(SpanFrom(start), target, iterable, body, orElse, isAsync);
    }

    private Stmt ParseWhile()
    {
        int start = Next().Span.Start;
        var test = ParseNamedTest();
        var body = ParseSuite();
        var orElse = ImmutableArray<Stmt>.Empty;
        if (AtKeyword("else"))
        {
            Next();
            orElse = ParseSuite();
        }
        return new WhileStmt(SpanFrom(start), test, body, orElse);
    }

    private Stmt ParseDecorated()
    {
        int start = Peek().Span.Start;
        var decorators = ImmutableArray.CreateBuilder<Expr>();
        while (At(TokenKind.At))
        {
            Next();
            decorators.Add(ParseNamedTest());
            Expect(TokenKind.Newline, "end of line");
        }
        if (AtKeyword("def")) return ParseDef(start, decorators.ToImmutable(), false);
        if (AtKeyword("class")) return ParseClass(start, decorators.ToImmutable());
        if (AtKeyword("async")) return ParseAsync(start, decorators.ToImmutable());
        Fail(Peek(), "expected 'def' or 'class' after a decorator");
        return null!;
    }

    private Stmt ParseAsync(int start, ImmutableArray<Expr> decorators)
    {
        Next();
        if (AtKeyword("def")) return ParseDef(start, decorators, true);
        if (decorators.IsEmpty && AtKeyword("for")) return ParseFor(start, true);
        if (decorators.IsEmpty && AtKeyword("with")) return ParseWith(start, true);
        Fail(Peek(), "invalid syntax");
        return null!;
    }

    private Stmt ParseDef(int start, ImmutableArray<Expr> decorators, bool isAsync)
    {
        Next();
        var name = ExpectName();
        Expect(TokenKind.LParen, "'('");
        var parameters = ParseParameters(TokenKind.RParen, allowAnnotations: true);
        Expect(TokenKind.RParen, "')'");
        if (At(TokenKind.Arrow))
        {
            Next();
            ParseTest();
        }
        var body = ParseSuite();
        return new FunctionDefStmt(SpanFrom(start), name.Text, name.Span, parameters, decorators, body, isAsync);
    }

    private Stmt ParseClass(int start, ImmutableArray<Expr> decorators)
    {
        Next();
        var name = ExpectName();
        var bases = ImmutableArray<Argument>.Empty;
        if (At(TokenKind.LParen))
        {
            Next();
            bases = ParseArguments();
            Expect(TokenKind.RParen, "')'");
        }
        var body = ParseSuite();
        return new ClassDefStmt(SpanFrom(start), name.Text, name.Span, bases, decorators, body);
    }

    private Stmt ParseTry()
    {
        int start = Next().Span.Start;
        var body = ParseSuite();
        var handlers = ImmutableArray.CreateBuilder<ExceptHandler>();
        while (AtKeyword("except"))
        {
            int hStart = Next().Span.Start;
            if (At(TokenKind.Star)) Next();
            Expr? type = null;
            string? name = null;
            if (!At(TokenKind.Colon))
            {
                type = ParseTest();
                if (At(TokenKind.Comma))
                {
                    // "except A, B:" is Python 2; Python 3 requires parentheses.
                    Fail(Peek(), "multiple exception types must be parenthesized");
                }
                if (AtKeyword("as"))
                {
                    Next();
                    name = ExpectName().Text;
                }
            }
            var hBody = ParseSuite();
            handlers.Add(new ExceptHandler(SpanFrom(hStart), type, name, hBody));
        }
        var orElse = ImmutableArray<Stmt>.Empty;
        var final = ImmutableArray<Stmt>.Empty;
        if (handlers.Count > 0 && AtKeyword("else"))
        {
            Next();
            orElse = ParseSuite();
        }
        bool sawFinally = false;
        if (AtKeyword("finally"))
        {
            Next();
            sawFinally = true;
            final = ParseSuite();
        }
        if (handlers.Count == 0 && !sawFinally)
        {
            Report(DiagnosticDescriptors.InvalidSyntax, new SourceSpan(Peek().Span.Start, 0), "expected 'except' or 'finally' block");
        }
        return new TryStmt(SpanFrom(start), body, handlers.ToImmutable(), orElse, final);
    }

    private Stmt ParseWith(int start, bool isAsync)
    {
        Next();
        var items = ImmutableArray.CreateBuilder<WithItem>();
        do
        {
            if (items.Count > 0) Next();
            int itemStart = Peek().Span.Start;
            var context = ParseTest();
            Expr? target = null;
            if (AtKeyword("as"))
            {
                Next();
                target = ParseTargetList();
            }
            items.Add(new WithItem(SpanFrom(itemStart), context, target));
        }
        while (At(TokenKind.Comma));
        var body = ParseSuite();
        return new WithStmt(SpanFrom(start), items.ToImmutable(), body, isAsync);
    }

    /// <summary><c>:</c> then either statements on the same line or an indented block.</summary>
    private ImmutableArray<Stmt> ParseSuite()
    {
        Expect(TokenKind.Colon, "':'");
        if (!At(TokenKind.Newline))
        {
            return ParseSimpleLine();
        }
        var newline = Next();
        if (!At(TokenKind.Indent))
        {
            FailWith(DiagnosticDescriptors.InvalidIndentation, new SourceSpan(Peek().Span.Start, 0), "expected an indented block");
        }
        Next();
        if (_depth + 1 > MaxDepth)
        {
            Report(DiagnosticDescriptors.NestingTooDeep, newline.Span, MaxDepth);
            SkipBlock();
            return ImmutableArray<Stmt>.Empty;
        }
        return ParseBlockContents(lenient: false);
    }

    // ------------------------------------------------------------------------------------------
    // Small helpers
    // ------------------------------------------------------------------------------------------

    private Token Peek(int offset = 0)
    {
        int i = _index + offset;
        return i < _tokens.Count ? _tokens[i] : _tokens[_tokens.Count - 1];
    }

    private bool At(TokenKind kind) => Peek().Kind == kind;

    private bool AtKeyword(string keyword) => Peek().Is(keyword);

    private Token Next()
    {
        var t = Peek();
        if (_index < _tokens.Count - 1) _index++;
        if (t.Kind is not (TokenKind.Dedent or TokenKind.Indent or TokenKind.Newline or TokenKind.EndOfFile)) _lastEnd = t.Span.End;
        return t;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (!At(kind)) Fail(Peek(), "expected " + what);
        return Next();
    }

    private void ExpectKeyword(string keyword)
    {
        if (!AtKeyword(keyword)) Fail(Peek(), "expected '" + keyword + "'");
        Next();
    }

    private Token ExpectName()
    {
        var t = Peek();
        if (t.Kind != TokenKind.Name || Keywords.Contains(t.Text)) Fail(t, "expected a name");
        return Next();
    }

    private SourceSpan SpanFrom(int start) => SourceSpan.FromBounds(start, Math.Max(start, _lastEnd));

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth || !StackAvailable())
        {
            FailWith(DiagnosticDescriptors.NestingTooDeep, at.Span, MaxDepth);
        }
    }

    /// <summary>A second guard behind the depth cap: a host thread with a small stack still gets a diagnostic.</summary>
    internal static bool StackAvailable()
    {
        try
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            return true;
        }
        catch (InsufficientExecutionStackException)
        {
            return false;
        }
    }

    private void Exit() => _depth--;

    private void Report(DjsDescriptor descriptor, SourceSpan span, params object?[] args)
        => _diagnostics.Add(SettingsDiagnostic.Create(descriptor, _source.GetLocation(span), args));

    private void Fail(Token at, string message)
    {
        if (at.Kind == TokenKind.Error) throw new SyntaxErrorException();
        if (at.Kind == TokenKind.RParen || at.Kind == TokenKind.RBracket || at.Kind == TokenKind.RBrace)
        {
            message = message == "invalid syntax" || message.StartsWith("expected an expression", StringComparison.Ordinal) ? "unmatched '" + at.Text + "'" : message;
        }
        if ((at.Kind is TokenKind.Newline or TokenKind.EndOfFile) && LexerReportedErrorBefore(at.Span.Start))
        {
            // An unterminated string or unclosed bracket already explains this.
            throw new SyntaxErrorException();
        }
        var span = at.Span;
        if (at.Kind is TokenKind.Newline or TokenKind.EndOfFile) span = new SourceSpan(span.Start, 0);
        FailWith(DiagnosticDescriptors.InvalidSyntax, span, message);
    }

    private void FailAt(SourceSpan span, string message) => FailWith(DiagnosticDescriptors.InvalidSyntax, span, message);

    private void FailWith(DjsDescriptor descriptor, SourceSpan span, params object?[] args)
    {
        Report(descriptor, span, args);
        throw new SyntaxErrorException();
    }

    private bool LexerReportedErrorBefore(int offset)
    {
        // Any lexer error on the current logical line (between the previous NEWLINE and here).
        int lineStart = 0;
        for (int i = Math.Min(_index, _tokens.Count - 1) - 1; i >= 0; i--)
        {
            if (_tokens[i].Kind == TokenKind.Newline)
            {
                lineStart = _tokens[i].Span.End;
                break;
            }
        }
        int idx = _lexerErrorOffsets.BinarySearch(lineStart);
        if (idx < 0) idx = ~idx;
        return idx < _lexerErrorOffsets.Count && _lexerErrorOffsets[idx] <= offset;
    }

    /// <summary>Unwinds the parser to the statement level; the diagnostic is already reported.</summary>
    private sealed class SyntaxErrorException : Exception
    {
    }
}
