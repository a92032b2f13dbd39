using DjangoSettings.Generator.Emit;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DjangoSettings.Generator.Tests.Emit;

public class CSharpLiteralTests
{
    public static TheoryData<string> Strings => new()
    {
        string.Empty,
        "plain",
        "quote \" backslash \\ both \\\"",
        "line\nbreak\r\nand\ttab",
        "nul \0 bell \a vt \v ff \f del \u007f c1 \u0085",
        "separators \u2028 \u2029",
        "bom \uFEFF zero-width \u200B rtl \u202E",
        "lone high \ud800 x",
        "lone low \udc00 x",
        "trailing high \ud83d",
        "pair \U0001F600 é 中文",
        "braces {0} {{ }} and @\"verbatim\"",
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_literals_round_trip_through_the_CSharp_parser(string value)
    {
        Assert.Equal(value, Parse(CSharpLiteral.String(value)));
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Verbatim_literals_round_trip_or_fall_back(string value)
    {
        Assert.Equal(value, Parse(CSharpLiteral.Verbatim(value)));
    }

    [Fact]
    public void Multi_line_text_stays_verbatim()
    {
        string literal = CSharpLiteral.Verbatim("a = \"x\"\nb = 1\n");
        Assert.Equal("@\"a = \"\"x\"\"\nb = 1\n\"", literal);
    }

    [Fact]
    public void Literals_do_not_depend_on_the_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // fi-FI formats negative numbers with U+2212.
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fi-FI");
            Assert.Equal("-5L", CSharpLiteral.Long(-5));
            Assert.Equal("-7", CSharpLiteral.Int(-7));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    private static string Parse(string literal)
    {
        var expression = SyntaxFactory.ParseExpression(literal);
        Assert.False(expression.ContainsDiagnostics, literal);
        var token = Assert.IsType<LiteralExpressionSyntax>(expression).Token;
        return Assert.IsType<string>(token.Value);
    }
}
