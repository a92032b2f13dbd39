using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Syntax;

public class ParserTests
{
    private static PySyntaxTree Parse(string text) => PySyntaxTree.Parse(new SettingsSource("t.settings", text));

    private static PySyntaxTree ParseClean(string text)
    {
        var tree = Parse(text);
        Assert.True(tree.Diagnostics.IsEmpty, string.Join("; ", tree.Diagnostics));
        return tree;
    }

    private static Expr Value(string expression) => ((AssignStmt)ParseClean("X = " + expression + "\n").Statements.Single()).Value;

    private static string SpanText(PySyntaxTree tree, SourceSpan span) => tree.Source.Text.Substring(span.Start, span.Length);

    [Fact]
    public void Chained_and_tuple_assignment()
    {
        var tree = ParseClean("a = b = 1\nx, *y = 1, 2, 3\n");
        var chained = (AssignStmt)tree.Statements[0];
        Assert.Equal(2, chained.Targets.Length);
        var unpack = (AssignStmt)tree.Statements[1];
        var target = Assert.IsType<SequenceExpr>(unpack.Targets[0]);
        Assert.IsType<StarredExpr>(target.Elements[1]);
        Assert.Equal(SequenceKind.Tuple, Assert.IsType<SequenceExpr>(unpack.Value).Kind);
    }

    [Fact]
    public void Annotated_assignment_with_and_without_value()
    {
        var tree = ParseClean("CORS_ALLOW_ALL_ORIGINS: True\nX: int = 1\n");
        var bare = (AnnAssignStmt)tree.Statements[0];
        Assert.Null(bare.Value);
        Assert.Equal(":", SpanText(tree, bare.ColonSpan));
        Assert.Equal(22, bare.ColonSpan.Start);
        Assert.NotNull(((AnnAssignStmt)tree.Statements[1]).Value);
    }

    [Theory]
    [InlineData("+=")]
    [InlineData("-=")]
    [InlineData("*=")]
    [InlineData("|=")]
    [InlineData("**=")]
    [InlineData("//=")]
    public void Augmented_assignment(string op)
    {
        var stmt = (AugAssignStmt)ParseClean("X " + op + " [1]\n").Statements.Single();
        Assert.Equal(op.TrimEnd('='), stmt.Operator);
    }

    [Fact]
    public void Subscript_assignment_and_method_calls()
    {
        var tree = ParseClean("SIMPLE_JWT['K'] = v\nSIMPLE_JWT.update({'A': 1})\nX.append(1)\nX.extend([2])\n");
        Assert.IsType<SubscriptExpr>(((AssignStmt)tree.Statements[0]).Targets[0]);
        Assert.All(tree.Statements.Skip(1), s => Assert.IsType<CallExpr>(((ExprStmt)s).Value));
    }

    [Fact]
    public void Imports_including_relative_and_star()
    {
        var tree = ParseClean("import os, os.path as p\nfrom .base import *  # noqa\nfrom ..a.b import (c as d,\n    e,)\nfrom datetime import timedelta\n");
        var import = (ImportStmt)tree.Statements[0];
        Assert.Equal("os.path", import.Names[1].Name);
        Assert.Equal("p", import.Names[1].AsName);
        var star = (FromImportStmt)tree.Statements[1];
        Assert.True(star.IsStar);
        Assert.Equal(1, star.Level);
        Assert.Equal("base", star.Module);
        var rel = (FromImportStmt)tree.Statements[2];
        Assert.Equal(2, rel.Level);
        Assert.Equal(2, rel.Names.Length);
    }

    [Fact]
    public void If_elif_else_for_while_and_skipped_blocks()
    {
        var text = "if a:\n    X = 1\nelif b:\n    X = 2\nelse:\n    X = 3\nfor k, v in d.items():\n    pass\nelse:\n    pass\nwhile x: break\n"
            + "@decorator(1)\ndef f(a, b=1, *args, c, **kw) -> int:\n    return a\nclass C(B, metaclass=M):\n    X = 1\n"
            + "try:\n    import local\nexcept (ImportError, KeyError) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"
            + "with open('f') as fh, x:\n    K = fh.read()\nasync def g():\n    await x\ndel a, b['k']\nassert x, 'm'\nglobal q\nraise ValueError('x') from None\n...\npass\n";
        var tree = ParseClean(text);
        var iff = (IfStmt)tree.Statements[0];
        Assert.IsType<IfStmt>(iff.OrElse.Single());
        Assert.IsType<ForStmt>(tree.Statements[1]);
        Assert.IsType<WhileStmt>(tree.Statements[2]);
        var def = (FunctionDefStmt)tree.Statements[3];
        Assert.Equal(5, def.Parameters.Length);
        Assert.Single(def.Decorators);
        Assert.IsType<ClassDefStmt>(tree.Statements[4]);
        var tryStmt = (TryStmt)tree.Statements[5];
        Assert.Single(tryStmt.Handlers);
        Assert.Equal("e", tryStmt.Handlers[0].Name);
        Assert.IsType<WithStmt>(tree.Statements[6]);
        Assert.True(((FunctionDefStmt)tree.Statements[7]).IsAsync);
        Assert.IsType<DelStmt>(tree.Statements[8]);
        Assert.IsType<AssertStmt>(tree.Statements[9]);
        Assert.IsType<GlobalStmt>(tree.Statements[10]);
        Assert.IsType<RaiseStmt>(tree.Statements[11]);
        Assert.IsType<ConstantExpr>(((ExprStmt)tree.Statements[12]).Value);
    }

    [Fact]
    public void Operator_precedence()
    {
        var e = Assert.IsType<BinaryExpr>(Value("1 + 2 * 3 ** 2"));
        Assert.Equal("+", e.Operator);
        var right = Assert.IsType<BinaryExpr>(e.Right);
        Assert.Equal("*", right.Operator);
        Assert.Equal("**", Assert.IsType<BinaryExpr>(right.Right).Operator);
        var power = Assert.IsType<BinaryExpr>(Value("2 ** 3 ** 2"));
        Assert.IsType<BinaryExpr>(power.Right);
        var unary = Assert.IsType<UnaryExpr>(Value("-2 ** 2"));
        Assert.Equal("-", unary.Operator);
    }

    [Fact]
    public void Boolean_comparison_and_ternary_forms()
    {
        Assert.IsType<TernaryExpr>(Value("a if b else c"));
        var or = Assert.IsType<BoolOpExpr>(Value("a or b and not c"));
        Assert.Equal("or", or.Operator);
        var cmp = Assert.IsType<CompareExpr>(Value("1 < x <= 3 != y in z not in w is None is not q"));
        Assert.Equal(new[] { "<", "<=", "!=", "in", "not in", "is", "is not" }, cmp.Operators.ToArray());
        Assert.Equal("|", Assert.IsType<BinaryExpr>(Value("a | b ^ c & d << 1")).Operator);
    }

    [Fact]
    public void Displays_with_trailing_commas_star_unpacking_and_comprehensions()
    {
        Assert.Equal(SequenceKind.Tuple, Assert.IsType<SequenceExpr>(Value("(*default_headers, 'x',)")).Kind);
        Assert.IsType<ParenthesizedExpr>(Value("('Bearer')"));
        Assert.Single(Assert.IsType<SequenceExpr>(Value("('Bearer',)")).Elements);
        Assert.Empty(Assert.IsType<SequenceExpr>(Value("()")).Elements);
        var dict = Assert.IsType<DictExpr>(Value("{**a, 'k': v,}"));
        Assert.Null(dict.Items[0].Key);
        Assert.Equal(SequenceKind.Set, Assert.IsType<SequenceExpr>(Value("{1, 2}")).Kind);
        Assert.Equal(ComprehensionKind.List, Assert.IsType<ComprehensionExpr>(Value("[o.strip() for o in s.split(',') if o.strip()]")).Kind);
        Assert.Equal(ComprehensionKind.Dict, Assert.IsType<ComprehensionExpr>(Value("{k: v for k, v in x}")).Kind);
        Assert.Equal(ComprehensionKind.Set, Assert.IsType<ComprehensionExpr>(Value("{x for x in y for z in x if z}")).Kind);
        Assert.Equal(2, Assert.IsType<ComprehensionExpr>(Value("(x for x in y for z in x)")).Clauses.Length);
        Assert.Equal(ComprehensionKind.Generator, Assert.IsType<ComprehensionExpr>(((CallExpr)Value("any(x for x in y)")).Arguments[0].Value).Kind);
    }

    [Fact]
    public void Calls_subscripts_slices_attributes_lambdas_and_walrus()
    {
        var call = Assert.IsType<CallExpr>(Value("f(a, k=v, *xs, **kw)"));
        Assert.Equal(new[] { CallArgumentKind.Positional, CallArgumentKind.Keyword, CallArgumentKind.Star, CallArgumentKind.DoubleStar }, call.Arguments.Select(a => a.Kind).ToArray());
        Assert.IsType<SliceExpr>(Assert.IsType<SubscriptExpr>(Value("x[1:2:3]")).Index);
        Assert.IsType<SliceExpr>(Assert.IsType<SubscriptExpr>(Value("x[::-1]")).Index);
        Assert.IsType<AttributeExpr>(Value("Path(__file__).resolve().parent.parent"));
        var lambda = Assert.IsType<LambdaExpr>(((CallExpr)Value("config('X', cast=lambda v: [s.strip() for s in v.split(',')])")).Arguments[1].Value);
        Assert.Single(lambda.Parameters);
        var tree = ParseClean("if cors := os.getenv('X'):\n    pass\n");
        Assert.IsType<NamedExpr>(((IfStmt)tree.Statements[0]).Test);
    }

    [Fact]
    public void Implicit_concatenation_across_lines_and_fstrings()
    {
        var s = Assert.IsType<StringExpr>(Value("(\n    r\"^https://\"   # scheme\n    r\"(?:[a-z]+\\.)?\"\n    'x'\n)".Replace("(\n", "(\n")) is ParenthesizedExpr p ? p.Inner : null);
        Assert.Equal(3, s.PieceSpans.Length);
        Assert.Equal("^https://(?:[a-z]+\\.)?x", string.Concat(s.Segments.Select(g => g.Literal)));
        var f = Assert.IsType<StringExpr>(Value("f\"https://{os.environ.get('X')}-3000.app\""));
        Assert.True(f.IsFormatted);
        Assert.IsType<CallExpr>(f.Segments.Single(g => g.Field is not null).Field);
    }

    [Theory]
    [InlineData("'a\\nb'", "a\nb")]
    [InlineData("'\\x41\\u00e9\\U0001F600'", "A\u00e9\U0001F600")]
    [InlineData("'\\101'", "A")]
    [InlineData("'\\'\\\"\\\\'", "'\"\\")]
    [InlineData("r'\\d+\\.'", "\\d+\\.")]
    [InlineData("'\\N{EM DASH}'", "\u2014")]
    [InlineData("'\\q'", "\\q")]
    [InlineData("'''a\nb'''", "a\nb")]
    [InlineData("'a' \"b\" '''c'''", "abc")]
    [InlineData("u'x'", "x")]
    public void String_values_are_decoded(string literal, string expected)
    {
        var s = Assert.IsType<StringExpr>(Value(literal));
        Assert.Equal(expected, string.Concat(s.Segments.Select(g => g.Literal)));
    }

    [Fact]
    public void Mixing_bytes_and_str_is_an_error()
    {
        var tree = Parse("X = b'a' 'b'\n");
        Assert.Equal(DiagnosticDescriptors.InvalidSyntax.Id, Assert.Single(tree.Diagnostics).Id);
    }

    [Fact]
    public void Every_node_has_its_exact_span()
    {
        var tree = ParseClean("# header\nSIMPLE_JWT = {\n    \"ACCESS_TOKEN_LIFETIME\": timedelta(minutes=5),\n}\n");
        var assign = (AssignStmt)tree.Statements.Single();
        Assert.Equal("SIMPLE_JWT", SpanText(tree, assign.Targets[0].Span));
        var dict = (DictExpr)assign.Value;
        Assert.Equal("{\n    \"ACCESS_TOKEN_LIFETIME\": timedelta(minutes=5),\n}", SpanText(tree, dict.Span));
        var call = (CallExpr)dict.Items[0].Value;
        Assert.Equal("timedelta(minutes=5)", SpanText(tree, call.Span));
        Assert.Equal(new SourcePosition(3, 30), tree.Source.GetLocation(call.Span).Start);
        Assert.Equal("minutes", SpanText(tree, call.Arguments[0].NameSpan));
        Assert.Equal("SIMPLE_JWT = {\n    \"ACCESS_TOKEN_LIFETIME\": timedelta(minutes=5),\n}", SpanText(tree, assign.Span));
    }

    [Fact]
    public void Syntax_error_points_at_the_token_and_the_parser_recovers()
    {
        var tree = Parse("A = 1\nB = = 2\nC = 3\nif x\n    D = 4\nE = 5\n");
        Assert.Equal(2, tree.Diagnostics.Length);
        Assert.Equal(new SourcePosition(2, 5), tree.Diagnostics[0].Location.Start);
        Assert.Equal(new SourcePosition(4, 5), tree.Diagnostics[1].Location.Start);
        var names = tree.Statements.OfType<AssignStmt>().Select(a => ((NameExpr)a.Targets[0]).Name).ToList();
        Assert.Equal(new[] { "A", "C", "E" }, names);
        var broken = tree.Statements.OfType<ErrorStmt>().Last();
        Assert.Single(broken.Body);
    }

    [Theory]
    [InlineData("X = (1, 2\nY = 3\n", "'(' was never closed", 1, 5)]
    [InlineData("X = [1, 2)\n", "closing parenthesis ')' does not match opening parenthesis '['", 1, 10)]
    [InlineData("X = 1)\n", "unmatched ')'", 1, 6)]
    [InlineData("1 = X\n", "cannot assign to literal", 1, 1)]
    [InlineData("f() = 1\n", "cannot assign to function call", 1, 1)]
    [InlineData("X = [1 2]\n", "invalid syntax. Perhaps you forgot a comma?", 1, 8)]
    [InlineData("X = f'{}'\n", "f-string: empty expression not allowed", 1, 8)]
    [InlineData("if x:\npass\n", "expected an indented block", 2, 1)]
    public void Syntax_error_messages(string text, string message, int line, int column)
    {
        var tree = Parse(text);
        var d = tree.Diagnostics.First();
        Assert.Contains(message, d.Message);
        Assert.Equal(new SourcePosition(line, column), d.Location.Start);
        Assert.Equal(SettingsSeverity.Error, d.Severity);
    }

    [Fact]
    public void Unexpected_indent_keeps_the_statements()
    {
        var tree = Parse("A = 1\n    B = 2\nC = 3\n");
        Assert.Equal(DiagnosticDescriptors.InvalidIndentation.Id, Assert.Single(tree.Diagnostics).Id);
        Assert.Equal(3, tree.Statements.OfType<AssignStmt>().Count());
    }

    [Fact]
    public void Deep_nesting_is_a_diagnostic_not_a_stack_overflow()
    {
        var deep = "X = " + new string('(', 2000) + "1" + new string(')', 2000) + "\nY = 1\n";
        var tree = Parse(deep);
        Assert.Equal(DiagnosticDescriptors.NestingTooDeep.Id, Assert.Single(tree.Diagnostics).Id);
        Assert.Contains(tree.Statements, s => s is AssignStmt { Targets: [NameExpr { Name: "Y" }] });

        var blocks = string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', i) + "if X:\n")) + new string(' ', 500) + "Y = 1\nZ = 2\n";
        var tree2 = Parse(blocks);
        Assert.Contains(tree2.Diagnostics, d => d.Id == DiagnosticDescriptors.NestingTooDeep.Id);
        Assert.Contains(tree2.Statements, s => s is AssignStmt { Targets: [NameExpr { Name: "Z" }] });
    }

    [Fact]
    public void Moderate_nesting_is_fine()
    {
        var tree = Parse("X = " + new string('[', 40) + new string(']', 40) + "\n");
        Assert.Empty(tree.Diagnostics);
    }
}
