using System.Collections.Generic;
using DjangoSettings.Jwt;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>Python json.dumps escaping and float repr (spec §2.1); the live differential check is in PythonJsonDifferentialTests.</summary>
public class PythonJsonWriterTests
{
    [Theory]
    [InlineData("Zoë <&>/", "\"Zo\\u00eb <&>/\"")]
    [InlineData("😀", "\"\\ud83d\\ude00\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u001f\u0000\u007f", "\"\\u001f\\u0000\\u007f\"")]
    [InlineData("'+/<>&", "\"'+/<>&\"")]
    [InlineData("\u2028€", "\"\\u2028\\u20ac\"")]
    public void Ensure_ascii_escaping_matches_python(string input, string expected)
    {
        Assert.Equal(expected, PythonJsonWriter.Serialize(input));
    }

    [Theory]
    [InlineData("Zoë 😀", "\"Zoë 😀\"")]
    [InlineData("\u007f\u001f", "\"\u007f\\u001f\"")]
    public void Drf_rendering_keeps_non_ascii_raw(string input, string expected)
    {
        Assert.Equal(expected, PythonJsonWriter.Serialize(input, ensureAscii: false));
    }

    [Fact]
    public void Drf_rendering_escapes_line_separators()
    {
        Assert.Equal("\"a\\u2028b\\u2029\"", PythonJsonWriter.Serialize("a\u2028b\u2029", ensureAscii: false, escapeLineSeparators: true));
    }

    [Theory]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1e100, "1e+100")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.5, "1.5")]
    [InlineData(100.0, "100.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(0.0, "0.0")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    public void Floats_use_python_repr(double value, string expected)
    {
        Assert.Equal(expected, PythonJsonWriter.FormatFloat(value));
    }

    [Fact]
    public void Containers_keep_insertion_order_with_compact_separators()
    {
        var claims = new TokenClaimsBuilder().Set("b", 1).Set("a", new object?[] { true, false, null, 2.0 }).Set("b", "x");
        Assert.Equal("{\"b\":\"x\",\"a\":[true,false,null,2.0]}", claims.ToString());
        Assert.Equal("{\"k\":{}}", PythonJsonWriter.Serialize(new Dictionary<string, object?> { ["k"] = new TokenClaimsBuilder() }));
    }

    [Fact]
    public void Unserializable_values_are_refused_like_python()
    {
        var ex = Assert.Throws<System.ArgumentException>(() => PythonJsonWriter.Serialize(new System.Guid()));
        Assert.Contains("not JSON serializable", ex.Message);
    }
}
