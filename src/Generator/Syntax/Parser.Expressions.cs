using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>The expression half of the parser, one method per precedence level of Python's grammar.</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// <c>a, *b, c</c>: one expression, or a tuple without parentheses when a comma follows
    /// (assignment values, expression statements, <c>for ... in</c> iterables).
    /// </summary>
    private Expr ParseStarExpressions(bool allowNamed)
    {
        int start = Peek().Span.Start;
        var first = ParseStarOrTest(allowNamed);
        if (!At(TokenKind.Comma)) return first;
        var items = ImmutableArray.CreateBuilder<Expr>();
        items.Add(first);
        while (At(TokenKind.Comma))
        {
            Next();
            if (!StartsExpression(Peek())) break;
            items.Add(ParseStarOrTest(allowNamed));
        }
        return new SequenceExpr(SpanFrom(start), SequenceKind.Tuple, items.ToImmutable(), false);
    }

    private Expr ParseStarOrTest(bool allowNamed)
    {
        if (At(TokenKind.Star))
        {
            var star = Next();
            var value = ParseBitOr();
            return new StarredExpr(SpanFrom(star.Span.Start), value);
        }
        return allowNamed ? ParseNamedTest() : ParseTest();
    }

    /// <summary>Targets of <c>for</c> and <c>with ... as</c>: <c>k, v</c>, <c>(a, b)</c>, <c>*rest</c>.</summary>
    private Expr ParseTargetList()
    {
        int start = Peek().Span.Start;
        Expr One()
        {
            if (At(TokenKind.Star))
            {
                var star = Next();
                return new StarredExpr(SpanFrom(star.Span.Start), ParseBitOr());
            }
            return ParseBitOr();
        }
        var first = One();
        if (!At(TokenKind.Comma))
        {
            CheckTarget(first, "assign to");
            return first;
        }
        var items = ImmutableArray.CreateBuilder<Expr>();
        items.Add(first);
        while (At(TokenKind.Comma))
        {
            Next();
            if (AtKeyword("in") || At(TokenKind.Colon) || At(TokenKind.Equal)) break;
            items.Add(One());
        }
        var tuple = new SequenceExpr(SpanFrom(start), SequenceKind.Tuple, items.ToImmutable(), false);
        CheckTarget(tuple, "assign to");
        return tuple;
    }

    private bool StartsExpression(Token t)
    {
        switch (t.Kind)
        {
            case TokenKind.Name:
                return !Keywords.Contains(t.Text) || t.Text is "None" or "True" or "False" or "not" or "lambda" or "await";
            case TokenKind.Number:
            case TokenKind.String:
            case TokenKind.LParen:
            case TokenKind.LBracket:
            case TokenKind.LBrace:
            case TokenKind.Minus:
            case TokenKind.Plus:
            case TokenKind.Tilde:
            case TokenKind.Star:
            case TokenKind.Ellipsis:
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>name := value</c> or a plain test.</summary>
    private Expr ParseNamedTest()
    {
        if (At(TokenKind.Name) && Peek(1).Kind == TokenKind.ColonEqual && !Keywords.Contains(Peek().Text))
        {
            var name = Next();
            Next();
            var value = ParseTest();
            return new NamedExpr(SpanFrom(name.Span.Start), new NameExpr(name.Span, name.Text), value);
        }
        return ParseTest();
    }

    private Expr ParseTest()
    {
        var t = Peek();
        if (t.Is("lambda")) return ParseLambda();
        Enter(t);
        var body = ParseOrTest();
        if (AtKeyword("if"))
        {
            Next();
            var test = ParseOrTest();
            ExpectKeyword("else");
            var orElse = ParseTest();
            body = new TernaryExpr(SpanFrom(body.Span.Start), body, test, orElse);
        }
        Exit();
        return body;
    }

    private Expr ParseLambda()
    {
        var kw = Next();
        Enter(kw);
        var parameters = ParseParameters(TokenKind.Colon, allowAnnotations: false);
        Expect(TokenKind.Colon, "':'");
        var body = ParseTest();
        Exit();
        return new LambdaExpr(SpanFrom(kw.Span.Start), parameters, body);
    }

    private ImmutableArray<Parameter> ParseParameters(TokenKind end, bool allowAnnotations)
    {
        var list = ImmutableArray.CreateBuilder<Parameter>();
        while (!At(end))
        {
            int start = Peek().Span.Start;
            if (At(TokenKind.Slash))
            {
                Next();
                list.Add(new Parameter(SpanFrom(start), "/", null, null, ParameterKind.Marker));
            }
            else if (At(TokenKind.Star) || At(TokenKind.DoubleStar))
            {
                bool dbl = Next().Kind == TokenKind.DoubleStar;
                if (!dbl && (At(TokenKind.Comma) || At(end)))
                {
                    list.Add(new Parameter(SpanFrom(start), "*", null, null, ParameterKind.Marker));
                }
                else
                {
                    var n = ExpectName();
                    Expr? ann = null;
                    if (allowAnnotations && At(TokenKind.Colon))
                    {
                        Next();
                        ann = ParseTest();
                    }
                    list.Add(new Parameter(SpanFrom(start), n.Text, null, ann, dbl ? ParameterKind.VarKeyword : ParameterKind.VarPositional));
                }
            }
            else
            {
                var n = ExpectName();
                Expr? ann = null, def = null;
                if (allowAnnotations && At(TokenKind.Colon))
                {
                    Next();
                    ann = ParseTest();
                }
                if (At(TokenKind.Equal))
                {
                    Next();
                    def = ParseTest();
                }
                list.Add(new Parameter(SpanFrom(start), n.Text, def, ann, ParameterKind.Normal));
            }
            if (!At(TokenKind.Comma)) break;
            Next();
        }
        return list.ToImmutable();
    }

    private Expr ParseOrTest()
    {
        var first = ParseAndTest();
        if (!AtKeyword("or")) return first;
        var values = ImmutableArray.CreateBuilder<Expr>();
        values.Add(first);
        while (AtKeyword("or"))
        {
            Next();
            values.Add(ParseAndTest());
        }
        return new BoolOpExpr(SpanFrom(first.Span.Start), "or", values.ToImmutable());
    }

    private Expr ParseAndTest()
    {
        var first = ParseNotTest();
        if (!AtKeyword("and")) return first;
        var values = ImmutableArray.CreateBuilder<Expr>();
        values.Add(first);
        while (AtKeyword("and"))
        {
            Next();
            values.Add(ParseNotTest());
        }
        return new BoolOpExpr(SpanFrom(first.Span.Start), "and", values.ToImmutable());
    }

    private Expr ParseNotTest()
    {
        if (AtKeyword("not"))
        {
            var not = Next();
            Enter(not);
            var operand = ParseNotTest();
            Exit();
            return new UnaryExpr(SpanFrom(not.Span.Start), "not", operand);
        }
        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParseBitOr();
        ImmutableArray<string>.Builder? ops = null;
        ImmutableArray<Expr>.Builder? rights = null;
        while (true)
        {
            string? op = null;
            var t = Peek();
            switch (t.Kind)
            {
                case TokenKind.Less: op = "<"; break;
                case TokenKind.Greater: op = ">"; break;
                case TokenKind.EqEqual: op = "=="; break;
                case TokenKind.NotEqual: op = "!="; break;
                case TokenKind.LessEqual: op = "<="; break;
                case TokenKind.GreaterEqual: op = ">="; break;
                case TokenKind.Name when t.Text == "in": op = "in"; break;
                case TokenKind.Name when t.Text == "is": op = Peek(1).Is("not") ? "is not" : "is"; break;
                case TokenKind.Name when t.Text == "not" && Peek(1).Is("in"): op = "not in"; break;
            }
            if (op is null) break;
            Next();
            if (op is "is not" or "not in") Next();
            ops ??= ImmutableArray.CreateBuilder<string>();
            rights ??= ImmutableArray.CreateBuilder<Expr>();
            ops.Add(op);
            rights.Add(ParseBitOr());
        }
        if (ops is null) return left;
        return new CompareExpr(SpanFrom(left.Span.Start), left, ops.ToImmutable(), rights!.ToImmutable());
    }

    /// <summary>The binary operator levels, loosest first: | ^ &amp; shifts arithmetic terms.</summary>
    private static readonly TokenKind[][] BinaryLevels =
    {
        new[] { TokenKind.VBar },
        new[] { TokenKind.Caret },
        new[] { TokenKind.Amp },
        new[] { TokenKind.LeftShift, TokenKind.RightShift },
        new[] { TokenKind.Plus, TokenKind.Minus },
        new[] { TokenKind.Star, TokenKind.Slash, TokenKind.DoubleSlash, TokenKind.Percent, TokenKind.At },
    };

    private Expr ParseBitOr() => ParseBinaryLevel(0);

    /// <summary>A left-associative chain; its length counts towards the nesting cap (the tree is that deep).</summary>
    private Expr ParseBinaryLevel(int level)
    {
        if (level == BinaryLevels.Length) return ParseFactor();
        var left = ParseBinaryLevel(level + 1);
        var kinds = BinaryLevels[level];
        int count = 0;
        while (Array.IndexOf(kinds, Peek().Kind) >= 0)
        {
            var op = Next();
            count++;
            Enter(op);
            var right = ParseBinaryLevel(level + 1);
            left = new BinaryExpr(SourceSpan.FromBounds(left.Span.Start, right.Span.End), left, op.Text, op.Span, right);
        }
        _depth -= count;
        return left;
    }

    private Expr ParseFactor()
    {
        var t = Peek();
        if (t.Kind is TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde)
        {
            Next();
            Enter(t);
            var operand = ParseFactor();
            Exit();
            return new UnaryExpr(SpanFrom(t.Span.Start), t.Text, operand);
        }
        return ParsePower();
    }

    private Expr ParsePower()
    {
        var t = Peek();
        if (t.Is("await"))
        {
            // Only valid inside async functions, which are skipped anyway; parse it as a prefix.
            Next();
            Enter(t);
            var awaited = ParsePrimary();
            Exit();
            return new UnaryExpr(SpanFrom(t.Span.Start), "await", awaited);
        }
        var primary = ParsePrimary();
        if (At(TokenKind.DoubleStar))
        {
            var op = Next();
            Enter(op);
            var exponent = ParseFactor();
            Exit();
            return new BinaryExpr(SourceSpan.FromBounds(primary.Span.Start, exponent.Span.End), primary, "**", op.Span, exponent);
        }
        return primary;
    }

    private Expr ParsePrimary()
    {
        var expr = ParseAtom();
        int trailers = 0;
        while (true)
        {
            var t = Peek();
            if (t.Kind == TokenKind.Dot)
            {
                Next();
                var name = Peek();
                if (name.Kind != TokenKind.Name) Fail(name, "expected an attribute name after '.'");
                Next();
                expr = new AttributeExpr(SourceSpan.FromBounds(expr.Span.Start, name.Span.End), expr, name.Text, name.Span);
            }
            else if (t.Kind == TokenKind.LParen)
            {
                Next();
                Enter(t);
                var args = ParseArguments();
                Exit();
                Expect(TokenKind.RParen, "')'");
                expr = new CallExpr(SpanFrom(expr.Span.Start), expr, args);
            }
            else if (t.Kind == TokenKind.LBracket)
            {
                Next();
                Enter(t);
                var index = ParseSubscriptList();
                Exit();
                Expect(TokenKind.RBracket, "']'");
                expr = new SubscriptExpr(SpanFrom(expr.Span.Start), expr, index);
            }
            else
            {
                break;
            }
            // Each trailer deepens the tree (a.b.c.d is nested), so long chains count too.
            trailers++;
            Enter(t);
        }
        _depth -= trailers;
        return expr;
    }

    private ImmutableArray<Argument> ParseArguments()
    {
        var args = ImmutableArray.CreateBuilder<Argument>();
        while (!At(TokenKind.RParen))
        {
            var t = Peek();
            int start = t.Span.Start;
            if (t.Kind == TokenKind.Star || t.Kind == TokenKind.DoubleStar)
            {
                Next();
                var value = ParseTest();
                args.Add(new Argument(SpanFrom(start), null, default, value, t.Kind == TokenKind.Star ? CallArgumentKind.Star : CallArgumentKind.DoubleStar));
            }
            else if (t.Kind == TokenKind.Name && Peek(1).Kind == TokenKind.Equal && !Keywords.Contains(t.Text))
            {
                Next();
                Next();
                var value = ParseTest();
                args.Add(new Argument(SpanFrom(start), t.Text, t.Span, value, CallArgumentKind.Keyword));
            }
            else
            {
                var value = ParseNamedTest();
                if (AtKeyword("for") || (AtKeyword("async") && Peek(1).Is("for")))
                {
                    var clauses = ParseComprehensionClauses();
                    value = new ComprehensionExpr(SpanFrom(start), ComprehensionKind.Generator, value, null, clauses);
                }
                else if (At(TokenKind.Equal))
                {
                    Fail(Peek(), "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                args.Add(new Argument(SpanFrom(start), null, default, value, CallArgumentKind.Positional));
            }
            if (!At(TokenKind.Comma)) break;
            Next();
        }
        return args.ToImmutable();
    }

    private Expr ParseSubscriptList()
    {
        int start = Peek().Span.Start;
        var first = ParseSubscript();
        if (!At(TokenKind.Comma)) return first;
        var items = ImmutableArray.CreateBuilder<Expr>();
        items.Add(first);
        while (At(TokenKind.Comma))
        {
            Next();
            if (At(TokenKind.RBracket)) break;
            items.Add(ParseSubscript());
        }
        return new SequenceExpr(SpanFrom(start), SequenceKind.Tuple, items.ToImmutable(), false);
    }

    private Expr ParseSubscript()
    {
        int start = Peek().Span.Start;
        Expr? lower = null, upper = null, step = null;
        if (!At(TokenKind.Colon))
        {
            if (At(TokenKind.Star)) return ParseStarOrTest(false);
            lower = ParseNamedTest();
            if (!At(TokenKind.Colon)) return lower;
        }
        Next();
        if (!At(TokenKind.Colon) && !At(TokenKind.RBracket) && !At(TokenKind.Comma)) upper = ParseTest();
        if (At(TokenKind.Colon))
        {
            Next();
            if (!At(TokenKind.RBracket) && !At(TokenKind.Comma)) step = ParseTest();
        }
        return new SliceExpr(SpanFrom(start), lower, upper, step);
    }

    private ImmutableArray<ComprehensionClause> ParseComprehensionClauses()
    {
        var clauses = ImmutableArray.CreateBuilder<ComprehensionClause>();
        while (AtKeyword("for") || (AtKeyword("async") && Peek(1).Is("for")))
        {
            int start = Peek().Span.Start;
            if (AtKeyword("async")) Next();
            Next();
            var target = ParseTargetList();
            ExpectKeyword("in");
            var iterable = ParseOrTest();
            var conditions = ImmutableArray.CreateBuilder<Expr>();
            while (AtKeyword("if"))
            {
                Next();
                conditions.Add(ParseOrTestOrNamed());
            }
            clauses.Add(new ComprehensionClause(SpanFrom(start), target, iterable, conditions.ToImmutable()));
        }
        return clauses.ToImmutable();
    }

    private Expr ParseOrTestOrNamed()
    {
        if (At(TokenKind.Name) && Peek(1).Kind == TokenKind.ColonEqual) return ParseNamedTest();
        return ParseOrTest();
    }

    private Expr ParseAtom()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case TokenKind.Name:
                switch (t.Text)
                {
                    case "None": Next(); return new ConstantExpr(t.Span, ConstantKind.None);
                    case "True": Next(); return new ConstantExpr(t.Span, ConstantKind.True);
                    case "False": Next(); return new ConstantExpr(t.Span, ConstantKind.False);
                }
                if (Keywords.Contains(t.Text))
                {
                    Fail(t, t.Text == "yield" ? "'yield' outside function" : "invalid syntax");
                }
                Next();
                return new NameExpr(t.Span, t.Text);
            case TokenKind.Number:
                Next();
                return new NumberExpr(t.Span, t.Text);
            case TokenKind.String:
                return ParseStrings();
            case TokenKind.Ellipsis:
                Next();
                return new ConstantExpr(t.Span, ConstantKind.Ellipsis);
            case TokenKind.LParen:
                return ParseParenthesized();
            case TokenKind.LBracket:
                return ParseListDisplay();
            case TokenKind.LBrace:
                return ParseBraceDisplay();
        }
        Fail(t, t.Kind is TokenKind.Newline or TokenKind.EndOfFile ? "expected an expression" : "invalid syntax");
        return null!;
    }

    private Expr ParseParenthesized()
    {
        var open = Next();
        Enter(open);
        if (At(TokenKind.RParen))
        {
            Next();
            Exit();
            return new SequenceExpr(SpanFrom(open.Span.Start), SequenceKind.Tuple, ImmutableArray<Expr>.Empty, true);
        }
        if (AtKeyword("yield")) Fail(Peek(), "'yield' outside function");
        var first = ParseStarOrTest(allowNamed: true);
        if (AtKeyword("for") || (AtKeyword("async") && Peek(1).Is("for")))
        {
            var clauses = ParseComprehensionClauses();
            ExpectClosing(TokenKind.RParen, open);
            Exit();
            return new ComprehensionExpr(SpanFrom(open.Span.Start), ComprehensionKind.Generator, first, null, clauses);
        }
        if (At(TokenKind.Comma))
        {
            var items = ImmutableArray.CreateBuilder<Expr>();
            items.Add(first);
            while (At(TokenKind.Comma))
            {
                Next();
                if (At(TokenKind.RParen)) break;
                items.Add(ParseStarOrTest(allowNamed: true));
            }
            ExpectClosing(TokenKind.RParen, open);
            Exit();
            return new SequenceExpr(SpanFrom(open.Span.Start), SequenceKind.Tuple, items.ToImmutable(), true);
        }
        ExpectClosing(TokenKind.RParen, open);
        Exit();
        if (first is StarredExpr) FailAt(first.Span, "cannot use starred expression here");
        return new ParenthesizedExpr(SpanFrom(open.Span.Start), first);
    }

    private Expr ParseListDisplay()
    {
        var open = Next();
        Enter(open);
        var items = ImmutableArray.CreateBuilder<Expr>();
        if (!At(TokenKind.RBracket))
        {
            var first = ParseStarOrTest(allowNamed: true);
            if (AtKeyword("for") || (AtKeyword("async") && Peek(1).Is("for")))
            {
                var clauses = ParseComprehensionClauses();
                ExpectClosing(TokenKind.RBracket, open);
                Exit();
                return new ComprehensionExpr(SpanFrom(open.Span.Start), ComprehensionKind.List, first, null, clauses);
            }
            items.Add(first);
            while (At(TokenKind.Comma))
            {
                Next();
                if (At(TokenKind.RBracket)) break;
                items.Add(ParseStarOrTest(allowNamed: true));
            }
        }
        ExpectClosing(TokenKind.RBracket, open);
        Exit();
        return new SequenceExpr(SpanFrom(open.Span.Start), SequenceKind.List, items.ToImmutable(), false);
    }

    private Expr ParseBraceDisplay()
    {
        var open = Next();
        Enter(open);
        if (At(TokenKind.RBrace))
        {
            Next();
            Exit();
            return new DictExpr(SpanFrom(open.Span.Start), ImmutableArray<DictItem>.Empty);
        }
        // Dict if the first item is **x or key: value; set otherwise. The first element is parsed
        // once and the next token decides (a trial parse would be exponential in nesting).
        int firstStart = Peek().Span.Start;
        DictItem? firstItem = null;
        Expr? firstElement = null;
        if (At(TokenKind.DoubleStar))
        {
            firstItem = ParseDictItem();
        }
        else
        {
            firstElement = ParseStarOrTest(allowNamed: true);
            if (At(TokenKind.Colon))
            {
                if (firstElement is StarredExpr or NamedExpr) FailAt(firstElement.Span, "invalid syntax");
                Next();
                var value = ParseTest();
                firstItem = new DictItem(SpanFrom(firstStart), firstElement, value);
            }
        }
        if (firstItem is not null)
        {
            var items = ImmutableArray.CreateBuilder<DictItem>();
            if (firstItem.Key is not null && (AtKeyword("for") || (AtKeyword("async") && Peek(1).Is("for"))))
            {
                var clauses = ParseComprehensionClauses();
                ExpectClosing(TokenKind.RBrace, open);
                Exit();
                return new ComprehensionExpr(SpanFrom(open.Span.Start), ComprehensionKind.Dict, firstItem.Key, firstItem.Value, clauses);
            }
            items.Add(firstItem);
            while (At(TokenKind.Comma))
            {
                Next();
                if (At(TokenKind.RBrace)) break;
                items.Add(ParseDictItem());
            }
            ExpectClosing(TokenKind.RBrace, open);
            Exit();
            return new DictExpr(SpanFrom(open.Span.Start), items.ToImmutable());
        }
        var elements = ImmutableArray.CreateBuilder<Expr>();
        if (AtKeyword("for") || (AtKeyword("async") && Peek(1).Is("for")))
        {
            var clauses = ParseComprehensionClauses();
            ExpectClosing(TokenKind.RBrace, open);
            Exit();
            return new ComprehensionExpr(SpanFrom(open.Span.Start), ComprehensionKind.Set, firstElement!, null, clauses);
        }
        elements.Add(firstElement!);
        while (At(TokenKind.Comma))
        {
            Next();
            if (At(TokenKind.RBrace)) break;
            elements.Add(ParseStarOrTest(allowNamed: true));
        }
        ExpectClosing(TokenKind.RBrace, open);
        Exit();
        return new SequenceExpr(SpanFrom(open.Span.Start), SequenceKind.Set, elements.ToImmutable(), false);
    }

    private DictItem ParseDictItem()
    {
        int start = Peek().Span.Start;
        if (At(TokenKind.DoubleStar))
        {
            Next();
            var mapping = ParseBitOr();
            return new DictItem(SpanFrom(start), null, mapping);
        }
        var key = ParseTest();
        Expect(TokenKind.Colon, "':'");
        var value = ParseTest();
        return new DictItem(SpanFrom(start), key, value);
    }

    private void ExpectClosing(TokenKind kind, Token open)
    {
        if (At(kind))
        {
            Next();
            return;
        }
        var t = Peek();
        if (t.Kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace)
        {
            Fail(t, "closing parenthesis '" + t.Text + "' does not match opening parenthesis '" + open.Text + "'");
        }
        if (t.Kind is TokenKind.Newline or TokenKind.EndOfFile)
        {
            if (LexerReportedErrorBefore(t.Span.Start)) throw new SyntaxErrorException();
            FailAt(open.Span, "'" + open.Text + "' was never closed");
        }
        Fail(t, "invalid syntax. Perhaps you forgot a comma?");
    }

    /// <summary>Adjacent string literals, concatenated; f-string fields parsed in place.</summary>
    private Expr ParseStrings()
    {
        int start = Peek().Span.Start;
        var segments = ImmutableArray.CreateBuilder<StringSegment>();
        var pieces = ImmutableArray.CreateBuilder<SourceSpan>();
        bool? isBytes = null;
        bool formatted = false;
        while (At(TokenKind.String))
        {
            var t = Next();
            var info = t.String!;
            pieces.Add(t.Span);
            if (isBytes is bool b && b != info.IsBytes)
            {
                FailAt(t.Span, "cannot mix bytes and nonbytes literals");
            }
            isBytes = info.IsBytes;
            if (info.IsFormat)
            {
                formatted = true;
                AddFormatParts(info.Parts, info.IsRaw, segments);
            }
            else
            {
                var literal = info.Parts[0].Span;
                segments.Add(new StringSegment(literal, StringDecoder.Decode(_source, literal, info.IsRaw, info.IsBytes, false, _diagnostics), null, '\0', null, null));
            }
        }
        return new StringExpr(SpanFrom(start), segments.ToImmutable(), isBytes == true, formatted, pieces.ToImmutable());
    }

    private void AddFormatParts(IReadOnlyList<FStringPart> parts, bool raw, ImmutableArray<StringSegment>.Builder segments)
    {
        foreach (var part in parts)
        {
            if (!part.IsField)
            {
                segments.Add(new StringSegment(part.Span, StringDecoder.Decode(_source, part.Span, raw, false, true, _diagnostics), null, '\0', null, null));
                continue;
            }
            Expr field;
            if (_depth + 1 > MaxDepth)
            {
                Report(Diagnostics.DiagnosticDescriptors.NestingTooDeep, part.Span, MaxDepth);
                field = new ErrorExpr(part.Expression);
            }
            else
            {
                field = ParseEmbedded(part.Expression);
            }
            StringExpr? spec = null;
            if (part.FormatSpec is not null)
            {
                var specSegments = ImmutableArray.CreateBuilder<StringSegment>();
                _depth++;
                AddFormatParts(part.FormatSpec, raw, specSegments);
                _depth--;
                var specSpan = part.FormatSpec.Count > 0 ? SourceSpan.FromBounds(part.FormatSpec[0].Span.Start, part.FormatSpec[part.FormatSpec.Count - 1].Span.End) : new SourceSpan(part.Span.End - 1, 0);
                spec = new StringExpr(specSpan, specSegments.ToImmutable(), false, true, ImmutableArray.Create(specSpan));
            }
            string? debug = null;
            if (part.Debug)
            {
                // "{x = }" prints the expression text, the '=' and the spaces as written.
                int eq = _source.Text.IndexOf('=', part.Expression.End);
                int after = eq + 1;
                while (after < part.Span.End && _source.Text[after] == ' ') after++;
                debug = _source.Text.Substring(part.Expression.Start, after - part.Expression.Start);
            }
            segments.Add(new StringSegment(part.Span, null, field, part.Conversion, spec, debug));
        }
    }
}
