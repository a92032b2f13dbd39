using System.IO;
using System.Linq;
using System.Text.Json;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks.NestedRepetitionChecks;

/// <summary>
/// DJS0235 (issue 16.5's "(a+)+ gets a build warning"): the port runs such patterns on the
/// linear-time engine, but the Django service that reads the same settings runs them on Python's
/// re. Which patterns really stall CPython is recorded, not assumed: python_backtracking.json
/// (record_python_backtracking.py) times re.match on a hostile input per pattern.
/// </summary>
public sealed class NestedRepetitionTests
{
    private static string TablePath => Path.Combine(RepositoryRoot.TestProject, "Checks", "NestedRepetition", "python_backtracking.json");

    [Fact]
    public void The_check_finds_exactly_the_patterns_CPython_backtracks_on_exponentially_except_the_recorded_misses()
    {
        using var table = JsonDocument.Parse(File.ReadAllText(TablePath));
        var cases = table.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        Assert.True(cases.Length >= 15);
        foreach (var c in cases)
        {
            string pattern = c.GetProperty("pattern").GetString()!;
            string expected = c.GetProperty("expected").GetString()!;
            bool catastrophic = c.GetProperty("catastrophic").GetBoolean();
            int found = NestedRepetition.Find(pattern);
            switch (expected)
            {
                case "found":
                    Assert.True(catastrophic, pattern + ": recorded as finishing on CPython, so the case is wrong");
                    Assert.True(found >= 0, pattern + ": CPython stalls on it, the check does not find it");
                    Assert.Equal('(', pattern[found]);
                    break;
                case "safe":
                    Assert.False(catastrophic, pattern + ": CPython stalled on it");
                    Assert.True(found < 0, pattern + ": reported at " + found + " although CPython finishes at once");
                    break;
                default:
                    // A shape the check leaves alone on purpose (see NestedRepetition's summary).
                    Assert.Equal("known-miss", expected);
                    Assert.True(found < 0, pattern);
                    Assert.True(c.GetProperty("seconds").GetDouble() > 0.5, pattern + ": recorded as fast, so it is no miss");
                    break;
            }
        }
    }

    [Theory]
    [InlineData(@"^https://(a+)+\.example\.com$", 9)]
    [InlineData(@"^https://x(?:y|(?:z+))*$", 10)]
    [InlineData(@"(?i)^https://([a-z]+)*$", 13)]
    [InlineData(@"^https://(a+?)+?$", 9)]
    [InlineData(@"^https://[(]a+[)]+$", -1)]
    [InlineData(@"^https://\(a+\)+$", -1)]
    [InlineData(@"^https://(?=a+)+$", -1)]
    [InlineData(@"^https://(a+){2,5}$", -1)]
    [InlineData(@"^https://(a+)?$", -1)]
    [InlineData(@"^https://a{2,}(b+)c$", -1)]
    [InlineData(@"^https://(a+", -1)]
    public void Groups_classes_escapes_lookarounds_and_bounded_counts_are_read_as_Python_reads_them(string pattern, int expected)
    {
        Assert.Equal(expected, NestedRepetition.Find(pattern));
    }

    [Fact]
    public void The_warning_stands_at_the_pattern_and_says_the_port_is_safe_and_Django_is_not()
    {
        var result = Compile.Text("CORS_ALLOWED_ORIGIN_REGEXES = [\n    r'^https://(a+)+\\.example\\.com$',\n]\nCORS_URLS_REGEX = r'^/api/(\\w+/?)*$'\n");
        var origin = result.Diagnostics.Single(d => d.Id == "DJS0235" && d.Location.Start.Line == 2);
        Assert.Equal(5, origin.Location.Start.Column);
        Assert.Equal(SettingsSeverity.Warning, origin.Severity);
        Assert.StartsWith("CORS_ALLOWED_ORIGIN_REGEXES: the regular expression '^https://(a+)+\\\\.example\\\\.com$' repeats a group whose body is itself one repetition (the group at position 9); Python's re, which Django runs it on, backtracks exponentially", origin.Message);
        Assert.Contains("one hostile Origin header can hold a Django worker for minutes; this port runs it on the linear-time engine", origin.Message);
        var urls = result.Diagnostics.Single(d => d.Id == "DJS0235" && d.Location.Start.Line == 4);
        Assert.Contains("one hostile request path", urls.Message);
        // The port itself needs no backtracking for either: no DJS0234.
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "DJS0234");
    }
}
