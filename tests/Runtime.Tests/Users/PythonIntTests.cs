using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Users;

/// <summary>
/// <see cref="PythonInt"/> against what real Python/Django did (Fixtures/pyint/pyint.json, recorded
/// by record_pyint.py through Django's AutoField.get_prep_value, i.e. Python's int()).
/// </summary>
public sealed class PythonIntTests
{
    private static readonly Lazy<JsonDocument> Recorded = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pyint", "pyint.json"))));

    private static JsonElement Root => Recorded.Value.RootElement;

    [Fact]
    public void Every_recorded_text_is_read_as_python_reads_it()
    {
        var failures = new List<string>();
        int cases = 0, valid = 0, outOfRange = 0;
        foreach (JsonElement pair in Root.GetProperty("cases").EnumerateArray())
        {
            cases++;
            string text = pair[0].GetString()!;
            string? expected = pair[1].ValueKind == JsonValueKind.Null ? null : pair[1].GetString();
            PythonIntSyntax actual = PythonInt.TryParse(text, out long value);
            string? problem = (expected, actual) switch
            {
                (null, PythonIntSyntax.Invalid) => null,
                (null, _) => $"Python raises, we read {actual} {value}",
                (_, PythonIntSyntax.Invalid) => $"Python reads {Short(expected)}, we refuse it",
                (_, PythonIntSyntax.Int64) => value.ToString(CultureInfo.InvariantCulture) == expected ? null : $"Python reads {Short(expected)}, we read {value}",
                (_, _) => BigInteger.Parse(expected, CultureInfo.InvariantCulture) is var big && (big > long.MaxValue || big < long.MinValue) ? null : $"Python reads {expected}, we say out of range",
            };
            if (actual == PythonIntSyntax.Int64) valid++;
            if (actual == PythonIntSyntax.OutOfRange) outOfRange++;
            if (problem is not null) failures.Add($"{Escape(text)}: {problem}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} differ from Python {Root.GetProperty("python").GetString()}:\n" + string.Join("\n", failures.Take(40)));
        // The recording covers all three outcomes (a fixture of only refusals would prove little).
        Assert.True(cases > 3000 && valid > 500 && outOfRange >= 5, $"{cases} cases, {valid} valid, {outOfRange} out of range");
    }

    [Fact]
    public void Every_code_point_is_a_digit_or_space_exactly_when_python_says_so()
    {
        var digits = Root.GetProperty("digits").EnumerateArray().ToDictionary(d => d[0].GetInt32(), d => d[1].GetInt32());
        var spaces = Root.GetProperty("spaces").EnumerateArray().Select(s => s.GetInt32()).ToHashSet();
        var unassigned = Root.GetProperty("unassigned").EnumerateArray().Select(r => (First: r[0].GetInt32(), Last: r[1].GetInt32())).ToArray();
        bool UnassignedInPython(int cp) => unassigned.Any(r => r.First <= cp && cp <= r.Last);

        var failures = new List<string>();
        int newerDigits = 0;
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF) continue;
            string ch = char.ConvertFromUtf32(cp);
            bool isDigit = PythonInt.TryParse(ch, out long value) == PythonIntSyntax.Int64;
            bool isSpace = PythonInt.TryParse(ch + "7" + ch, out long seven) == PythonIntSyntax.Int64 && seven == 7 && !isDigit;
            bool pythonDigit = digits.TryGetValue(cp, out int pythonValue);
            if (isDigit != pythonDigit || (isDigit && value != pythonValue))
            {
                // A digit Unicode added after the recording Python's database (e.g. Kawi, U+11F50) is
                // read as a digit here; anything else is a difference.
                if (isDigit && !pythonDigit && UnassignedInPython(cp)) newerDigits++;
                else failures.Add($"U+{cp:X4}: digit here {isDigit} ({value}), in Python {pythonDigit} ({pythonValue})");
            }
            if (isSpace != spaces.Contains(cp)) failures.Add($"U+{cp:X4}: space here {isSpace}, in Python {spaces.Contains(cp)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        Assert.True(digits.Count >= 600, $"only {digits.Count} digits recorded");
        Assert.True(newerDigits < 200, $"{newerDigits} digits unknown to Python's Unicode {Root.GetProperty("unicode").GetString()}");
    }

    [Theory]
    [InlineData("1\u0000")]
    [InlineData("\u00001")]
    [InlineData("1 2")]
    [InlineData("1__0")]
    [InlineData("\u001c1")]
    [InlineData("")]
    public void Texts_that_long_TryParse_or_str_strip_would_accept_are_refused(string text)
    {
        Assert.Equal(PythonIntSyntax.Invalid, PythonInt.TryParse(text, out _));
        Assert.False(PythonInt.TryParseInt64(text, out _));
    }

    [Theory]
    [InlineData(" +1_000\u3000", 1000)]
    [InlineData("\u0661\u0662", 12)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Python_forms_are_read(string text, long expected)
    {
        Assert.True(PythonInt.TryParseInt64(text, out long value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Values_beyond_long_are_valid_python_but_out_of_range()
    {
        Assert.Equal(PythonIntSyntax.OutOfRange, PythonInt.TryParse("9223372036854775808", out _));
        Assert.Equal(PythonIntSyntax.OutOfRange, PythonInt.TryParse("-" + new string('9', 4300), out _));
        Assert.Equal(PythonIntSyntax.Invalid, PythonInt.TryParse(new string('9', 4301), out _));
    }

    private static string Short(string text) => text.Length > 30 ? text[..30] + "…" : text;

    private static string Escape(string text)
    {
        var b = new StringBuilder("\"");
        foreach (char c in text.Length > 40 ? text[..40] : text)
        {
            if (c < 0x20 || c > 0x7E) b.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else b.Append(c);
        }
        return b.Append(text.Length > 40 ? "…\"" : "\"").ToString();
    }
}
