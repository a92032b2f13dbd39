using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>The prefix letters of a string literal.</summary>
[Flags]
internal enum StringPrefix
{
    None = 0,
    Raw = 1,
    Bytes = 2,
    Format = 4,
    Unicode = 8,
}

/// <summary>
/// The structure of one string token: prefix, quotes, where the content is, and for f-strings
/// where each literal run and each replacement field is (absolute offsets into the file).
/// </summary>
internal sealed class StringLiteralInfo
{
    public StringLiteralInfo(StringPrefix prefix, int quoteLength, SourceSpan content, bool terminated, IReadOnlyList<FStringPart> parts)
    {
        Prefix = prefix;
        QuoteLength = quoteLength;
        Content = content;
        Terminated = terminated;
        Parts = parts;
    }

    public StringPrefix Prefix { get; }

    public int QuoteLength { get; }

    /// <summary>The characters between the quotes.</summary>
    public SourceSpan Content { get; }

    public bool Terminated { get; }

    /// <summary>For f-strings: literal runs and fields in order; for other strings one literal run.</summary>
    public IReadOnlyList<FStringPart> Parts { get; }

    public bool IsRaw => (Prefix & StringPrefix.Raw) != 0;

    public bool IsBytes => (Prefix & StringPrefix.Bytes) != 0;

    public bool IsFormat => (Prefix & StringPrefix.Format) != 0;
}

/// <summary>A literal run or a <c>{expression!r:spec}</c> field of an f-string.</summary>
internal sealed class FStringPart
{
    private FStringPart(bool isField, SourceSpan span, SourceSpan expression, char conversion, bool debug, IReadOnlyList<FStringPart>? formatSpec)
    {
        IsField = isField;
        Span = span;
        Expression = expression;
        Conversion = conversion;
        Debug = debug;
        FormatSpec = formatSpec;
    }

    public static FStringPart Literal(SourceSpan span) => new(false, span, default, '\0', false, null);

    public static FStringPart Field(SourceSpan span, SourceSpan expression, char conversion, bool debug, IReadOnlyList<FStringPart>? formatSpec)
        => new(true, span, expression, conversion, debug, formatSpec);

    public bool IsField { get; }

    /// <summary>The raw text of a literal run, or the whole field including braces.</summary>
    public SourceSpan Span { get; }

    /// <summary>The expression text of a field (without a trailing <c>=</c>).</summary>
    public SourceSpan Expression { get; }

    /// <summary><c>r</c>, <c>s</c>, <c>a</c> or NUL.</summary>
    public char Conversion { get; }

    /// <summary>Whether the field is the self-documenting form <c>{x=}</c>.</summary>
    public bool Debug { get; }

    public IReadOnlyList<FStringPart>? FormatSpec { get; }
}
