namespace DjangoSettings.Generator.Text;

/// <summary>A 1-based line and column, as compilers print them: <c>file(line,col)</c>.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line},{Column}";
}
