namespace DjangoSettings.Generator.Text;

/// <summary>A range of characters in a settings file: <paramref name="Start"/> is a 0-based offset.</summary>
internal readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>The offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Builds a span from a start and an end offset.</summary>
    public static SourceSpan FromBounds(int start, int end) => new(start, end < start ? 0 : end - start);

    /// <summary>The smallest span that covers both.</summary>
    public SourceSpan Cover(SourceSpan other) => FromBounds(System.Math.Min(Start, other.Start), System.Math.Max(End, other.End));
}
