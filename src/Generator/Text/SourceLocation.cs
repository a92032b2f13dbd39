namespace DjangoSettings.Generator.Text;

/// <summary>
/// Where something was written: the file, the character span, and the 1-based line/column of both
/// ends. Kept as plain data so diagnostics stay equatable in the incremental pipeline.
/// </summary>
internal sealed record SourceLocation(string Path, SourceSpan Span, SourcePosition Start, SourcePosition End)
{
    /// <summary>A location that points at nothing in particular (line 1, column 1).</summary>
    public static SourceLocation None(string path) => new(path, new SourceSpan(0, 0), new SourcePosition(1, 1), new SourcePosition(1, 1));

    /// <inheritdoc />
    public override string ToString() => $"{Path}({Start.Line},{Start.Column})";
}
