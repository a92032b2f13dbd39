using System;
using System.Collections.Generic;

namespace DjangoSettings.Generator.Text;

/// <summary>
/// The text of one settings file and its line map, so that any offset can be turned into a
/// 1-based line and column. Columns count UTF-16 code units, as Roslyn and editors do.
/// </summary>
internal sealed class SettingsSource
{
    private readonly int[] _lineStarts;

    /// <summary>Creates a source from a path (as the user should see it) and the file's text.</summary>
    public SettingsSource(string path, string text)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Text = text ?? throw new ArgumentNullException(nameof(text));
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The path reported in diagnostics.</summary>
    public string Path { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>Number of lines (a trailing newline starts an empty last line).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The 1-based line and column of an offset (clamped into the text).</summary>
    public SourcePosition GetPosition(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > Text.Length) offset = Text.Length;
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return new SourcePosition(index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>A location for a span of this file.</summary>
    public SourceLocation GetLocation(SourceSpan span)
    {
        int start = Math.Max(0, Math.Min(span.Start, Text.Length));
        int end = Math.Max(start, Math.Min(span.End, Text.Length));
        return new SourceLocation(Path, SourceSpan.FromBounds(start, end), GetPosition(start), GetPosition(end));
    }

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string GetLineText(int line)
    {
        if (line < 1 || line > _lineStarts.Length) return string.Empty;
        int start = _lineStarts[line - 1];
        int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return Text.Substring(start, end - start);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }
}
