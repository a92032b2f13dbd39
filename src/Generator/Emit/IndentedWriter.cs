using System;
using System.Text;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// A small text writer that indents by four spaces per level and always writes <c>\n</c>, so the
/// generated source is identical on every OS (the cookbook's advice: a string writer, not SyntaxFactory).
/// </summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Writes one line at the current depth (an empty line has no trailing spaces).</summary>
    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _depth * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>Indents the following lines one level.</summary>
    public void Indent() => _depth++;

    /// <summary>Undoes one <see cref="Indent"/>.</summary>
    public void Outdent() => _depth--;

    /// <summary>Writes <paramref name="header"/> (if any), then <c>{</c>, and indents until the result is disposed (which writes <c>}</c>).</summary>
    public IDisposable Block(string? header)
    {
        if (header is not null) Line(header);
        Line("{");
        _depth++;
        return new Closer(this);
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    private sealed class Closer : IDisposable
    {
        private IndentedWriter? _writer;

        public Closer(IndentedWriter writer) => _writer = writer;

        public void Dispose()
        {
            if (_writer is null) return;
            _writer._depth--;
            _writer.Line("}");
            _writer = null;
        }
    }
}
