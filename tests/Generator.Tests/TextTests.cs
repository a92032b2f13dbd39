using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests;

public class TextTests
{
    [Theory]
    [InlineData("a\nbc\r\nd", 0, 1, 1)]
    [InlineData("a\nbc\r\nd", 2, 2, 1)]
    [InlineData("a\nbc\r\nd", 3, 2, 2)]
    [InlineData("a\nbc\r\nd", 6, 3, 1)]
    [InlineData("a\rb", 2, 2, 1)]
    public void Offsets_map_to_one_based_line_and_column(string text, int offset, int line, int column)
    {
        var source = new SettingsSource("f.settings", text);
        Assert.Equal(new SourcePosition(line, column), source.GetPosition(offset));
    }

    [Fact]
    public void Line_text_excludes_the_line_break()
    {
        var source = new SettingsSource("f.settings", "x = 1\r\ny = 2\n");
        Assert.Equal("x = 1", source.GetLineText(1));
        Assert.Equal("y = 2", source.GetLineText(2));
        Assert.Equal(string.Empty, source.GetLineText(3));
    }
}
