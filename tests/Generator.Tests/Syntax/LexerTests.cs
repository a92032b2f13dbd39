using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Syntax;

public class LexerTests
{
    private static (List<Token> Tokens, List<SettingsDiagnostic> Diagnostics) Lex(string text)
    {
        var diagnostics = new List<SettingsDiagnostic>();
        var tokens = Lexer.Tokenize(new SettingsSource("t.settings", text), diagnostics);
        return (tokens, diagnostics);
    }

    private static List<TokenKind> Kinds(string text) => Lex(text).Tokens.Select(t => t.Kind).ToList();

    [Fact]
    public void Indentation_produces_indent_and_dedent()
    {
        var kinds = Kinds("if X:\n    A = 1\n    if Y:\n        B = 2\nC = 3\n");
        Assert.Equal(2, kinds.Count(k => k == TokenKind.Indent));
        Assert.Equal(2, kinds.Count(k => k == TokenKind.Dedent));
        Assert.Equal(TokenKind.EndOfFile, kinds.Last());
    }

    [Fact]
    public void Blank_and_comment_lines_do_not_affect_indentation()
    {
        var kinds = Kinds("if X:\n    A = 1\n\n        # comment deeper\n  \n    B = 2\n");
        Assert.Equal(1, kinds.Count(k => k == TokenKind.Indent));
        Assert.DoesNotContain(TokenKind.Error, kinds);
    }

    [Fact]
    public void Newlines_inside_brackets_are_implicit_joins()
    {
        var kinds = Kinds("X = [\n    'a',  # c\n    'b',\n]\n");
        Assert.Equal(1, kinds.Count(k => k == TokenKind.Newline));
    }

    [Fact]
    public void Backslash_continues_a_line()
    {
        var kinds = Kinds("X = 1 + \\\n    2\n");
        Assert.Equal(1, kinds.Count(k => k == TokenKind.Newline));
        Assert.DoesNotContain(TokenKind.Indent, kinds);
    }

    [Fact]
    public void Inconsistent_dedent_is_an_indentation_error()
    {
        var (_, diagnostics) = Lex("if X:\n        A = 1\n    B = 2\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticDescriptors.InvalidIndentation.Id, d.Id);
        Assert.Equal(new SourcePosition(3, 5), d.Location.Start);
    }

    [Theory]
    [InlineData("'a'", (int)(StringPrefix.None), 1)]
    [InlineData("\"a\"", (int)(StringPrefix.None), 1)]
    [InlineData("'''a'''", (int)(StringPrefix.None), 3)]
    [InlineData("\"\"\"a\"\"\"", (int)(StringPrefix.None), 3)]
    [InlineData("r'a'", (int)(StringPrefix.Raw), 1)]
    [InlineData("R'a'", (int)(StringPrefix.Raw), 1)]
    [InlineData("b'a'", (int)(StringPrefix.Bytes), 1)]
    [InlineData("f'a'", (int)(StringPrefix.Format), 1)]
    [InlineData("u'a'", (int)(StringPrefix.Unicode), 1)]
    [InlineData("rb'a'", (int)(StringPrefix.Raw | StringPrefix.Bytes), 1)]
    [InlineData("BR'a'", (int)(StringPrefix.Raw | StringPrefix.Bytes), 1)]
    [InlineData("fr'a'", (int)(StringPrefix.Raw | StringPrefix.Format), 1)]
    [InlineData("Rf\"\"\"a\"\"\"", (int)(StringPrefix.Raw | StringPrefix.Format), 3)]
    public void Every_string_prefix_and_quote_form_is_one_token(string literal, int prefix, int quotes)
    {
        var (tokens, diagnostics) = Lex("X = " + literal + "\n");
        Assert.Empty(diagnostics);
        var s = Assert.Single(tokens, t => t.Kind == TokenKind.String);
        Assert.Equal((StringPrefix)prefix, s.String!.Prefix);
        Assert.Equal(quotes, s.String.QuoteLength);
        Assert.Equal(literal, s.Text);
    }

    [Fact]
    public void Invalid_prefix_is_a_name_then_a_string()
    {
        var (tokens, _) = Lex("X = bf'a'\n");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Name && t.Text == "bf");
    }

    [Fact]
    public void Fstring_with_nested_quotes_and_calls_is_one_token_with_a_field()
    {
        var text = "X = f\"https://{os.environ.get('X')}-3000.app\"\n";
        var (tokens, diagnostics) = Lex(text);
        Assert.Empty(diagnostics);
        var s = Assert.Single(tokens, t => t.Kind == TokenKind.String);
        var field = Assert.Single(s.String!.Parts, p => p.IsField);
        Assert.Equal("os.environ.get('X')", text.Substring(field.Expression.Start, field.Expression.Length));
    }

    [Fact]
    public void Fstring_conversion_spec_and_debug_are_located()
    {
        var text = "X = f'{a!r:>{w}} {b=}'\n";
        var (tokens, diagnostics) = Lex(text);
        Assert.Empty(diagnostics);
        var fields = tokens.Single(t => t.Kind == TokenKind.String).String!.Parts.Where(p => p.IsField).ToList();
        Assert.Equal(2, fields.Count);
        Assert.Equal('r', fields[0].Conversion);
        Assert.NotNull(fields[0].FormatSpec);
        Assert.Contains(fields[0].FormatSpec!, p => p.IsField);
        Assert.True(fields[1].Debug);
    }

    [Fact]
    public void Unterminated_string_is_reported_at_its_start()
    {
        var (_, diagnostics) = Lex("A = 1\nX = 'abc\nY = 2\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticDescriptors.UnterminatedString.Id, d.Id);
        Assert.Equal(new SourcePosition(2, 5), d.Location.Start);
    }

    [Theory]
    [InlineData("1_000", true)]
    [InlineData("0x_FF", true)]
    [InlineData("0o17", true)]
    [InlineData("0b1010", true)]
    [InlineData("1.5e-3", true)]
    [InlineData("1.", true)]
    [InlineData(".5", true)]
    [InlineData("1E10", true)]
    [InlineData("3j", true)]
    [InlineData("0", true)]
    [InlineData("00", true)]
    [InlineData("1__0", false)]
    [InlineData("1_", false)]
    [InlineData("012", false)]
    [InlineData("0x", false)]
    [InlineData("0o8", false)]
    [InlineData("1abc", false)]
    public void Number_literals(string literal, bool valid)
    {
        var (tokens, diagnostics) = Lex("X = " + literal + "\n");
        Assert.Equal(literal, tokens.Single(t => t.Kind == TokenKind.Number).Text);
        if (valid) Assert.Empty(diagnostics);
        else Assert.Equal(DiagnosticDescriptors.InvalidNumber.Id, Assert.Single(diagnostics).Id);
    }

    [Theory]
    [InlineData("**=", "DoubleStarEqual")]
    [InlineData("//", "DoubleSlash")]
    [InlineData(":=", "ColonEqual")]
    [InlineData("->", "Arrow")]
    [InlineData("...", "Ellipsis")]
    [InlineData("!=", "NotEqual")]
    [InlineData("<<=", "LeftShiftEqual")]
    [InlineData("@", "At")]
    public void Operators_are_matched_longest_first(string op, string kind)
    {
        var (tokens, _) = Lex("a " + op + " b\n");
        Assert.Equal(kind, tokens[1].Kind.ToString());
        Assert.Equal(op, tokens[1].Text);
    }

    [Fact]
    public void Invalid_character_is_reported_with_its_position()
    {
        var (tokens, diagnostics) = Lex("X = 1\nY = $\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticDescriptors.InvalidCharacter.Id, d.Id);
        Assert.Equal(new SourcePosition(2, 5), d.Location.Start);
        Assert.Contains(tokens, t => t.Kind == TokenKind.Error);
    }

    [Fact]
    public void Unclosed_bracket_resynchronises_at_the_next_statement()
    {
        var (tokens, diagnostics) = Lex("X = [\n    'a',\nY = 2\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticDescriptors.UnclosedBracket.Id, d.Id);
        Assert.Equal(new SourcePosition(1, 5), d.Location.Start);
        Assert.Equal(2, tokens.Count(t => t.Kind == TokenKind.Newline));
    }

    [Fact]
    public void Non_ascii_identifiers_and_comments_are_accepted()
    {
        var (tokens, diagnostics) = Lex("año = 'ñandú'  # ⚠️ solo\n");
        Assert.Empty(diagnostics);
        Assert.Equal("año", tokens[0].Text);
    }
}
