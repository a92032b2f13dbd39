using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>One token with its exact span; string tokens carry their scanned structure.</summary>
internal readonly record struct Token(TokenKind Kind, SourceSpan Span, string Text, StringLiteralInfo? String = null)
{
    /// <summary>Whether this is the keyword or name <paramref name="name"/>.</summary>
    public bool Is(string name) => Kind == TokenKind.Name && Text == name;

    public override string ToString() => Kind switch
    {
        TokenKind.Newline => "end of line",
        TokenKind.Indent => "indent",
        TokenKind.Dedent => "dedent",
        TokenKind.EndOfFile => "end of file",
        TokenKind.String => "string",
        _ => "'" + Text + "'",
    };
}
