namespace DjangoSettings.Generator.Syntax;

/// <summary>The kinds of Python tokens the lexer produces. Keywords are <see cref="Name"/> tokens.</summary>
internal enum TokenKind
{
    EndOfFile,
    Newline,
    Indent,
    Dedent,
    Name,
    Number,
    String,
    LParen, RParen, LBracket, RBracket, LBrace, RBrace,
    Colon, Comma, Semicolon, Dot, Ellipsis, Arrow, ColonEqual, At,
    Plus, Minus, Star, DoubleStar, Slash, DoubleSlash, Percent, Tilde,
    VBar, Amp, Caret, LeftShift, RightShift,
    Less, Greater, EqEqual, NotEqual, LessEqual, GreaterEqual,
    Equal,
    PlusEqual, MinusEqual, StarEqual, DoubleStarEqual, SlashEqual, DoubleSlashEqual, PercentEqual,
    VBarEqual, AmpEqual, CaretEqual, LeftShiftEqual, RightShiftEqual, AtEqual,
    Exclamation,
    /// <summary>A character that starts no token; the lexer reported it.</summary>
    Error,
}
