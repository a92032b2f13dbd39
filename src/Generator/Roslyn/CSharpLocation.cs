using DjangoSettings.Generator.Text;
using Microsoft.CodeAnalysis;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>A place in a C# file as plain numbers (a Roslyn <see cref="Location"/> is not equatable across runs).</summary>
internal sealed record CSharpLocation(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>Captures a Roslyn location (lines and columns become 1-based, as in the core).</summary>
    public static CSharpLocation? From(Location? location)
    {
        if (location is null || !location.IsInSource) return null;
        var lines = location.GetLineSpan();
        return new CSharpLocation(lines.Path, location.SourceSpan.Start, location.SourceSpan.Length,
            lines.StartLinePosition.Line + 1, lines.StartLinePosition.Character + 1, lines.EndLinePosition.Line + 1, lines.EndLinePosition.Character + 1);
    }

    /// <summary>The same place as a core location, so planning diagnostics travel like the compiler's.</summary>
    public SourceLocation ToSourceLocation()
        => new(Path, new SourceSpan(Start, Length), new SourcePosition(StartLine, StartColumn), new SourcePosition(EndLine, EndColumn));
}
