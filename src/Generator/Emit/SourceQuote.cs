using System.Collections.Generic;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Emit;

/// <summary>The lines of a settings file a statement covers, for quoting in doc comments.</summary>
internal static class SourceQuote
{
    private const int MaxLines = 8;

    /// <summary>
    /// The source lines of <paramref name="location"/> (at most eight; a longer statement ends
    /// with "..."), without line breaks. Empty when the file is unknown.
    /// </summary>
    public static IReadOnlyList<string> Lines(BoundSettings settings, SourceLocation location)
    {
        var lines = new List<string>();
        var source = settings.FindSource(location.Path);
        if (source is null) return lines;
        int first = location.Start.Line;
        int last = location.End.Line;
        // A span ending at column 1 ends at the previous line's break; do not quote the next line.
        if (last > first && location.End.Column == 1) last--;
        for (int line = first; line <= last; line++)
        {
            if (lines.Count == MaxLines - 1 && line < last)
            {
                lines.Add("...");
                break;
            }
            lines.Add(source.GetLineText(line));
        }
        return lines;
    }
}
