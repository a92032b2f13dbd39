using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Cors.Support;
using DjangoSettings.Shared;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// Issue 16.5: origin and URL regexes run on .NET's linear-time engine wherever the translated
/// pattern allows it, and that engine answers Python's <c>re.match</c> question exactly as the
/// backtracking engine does (checked against CPython's recorded answers).
/// </summary>
public sealed class RegexEngineTests
{
    private const string Hostile = @"^https://(a+)+\.example\.com$";

    private sealed record PythonRecord(string Pattern, string? Error, string[]? Inputs, bool[]? Matches);

    private sealed record PythonCorpus(string Python, PythonRecord[] Records);

    private static PythonCorpus Recorded() => JsonSerializer.Deserialize<PythonCorpus>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "regex", "python_match.json")),
        new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    // Where the translation (not the engine) answers otherwise than CPython 3.11, both engines alike:
    // CPython before 3.14 never matches \B in an empty string (3.14 does, as .NET does). An Origin
    // or a path_info is never empty when matched, so no CORS decision can meet it.
    private static readonly HashSet<(string Pattern, string Input)> KnownTranslationDifferences = new() { (@"^\B", "") };

    [Fact]
    public void Both_engines_answer_re_match_like_cpython_on_the_recorded_corpus()
    {
        var corpus = Recorded();
        int linear = 0, compared = 0;
        var failures = new List<string>();
        foreach (var record in corpus.Records.Where(r => r.Error is null))
        {
            var t = PythonRegex.Translate(record.Pattern);
            Assert.True(t.Success, record.Pattern + ": " + t.Error);
            var backtracking = new Regex(t.AnchoredPattern!, t.Options & ~RegexOptions.NonBacktracking, TimeSpan.FromSeconds(10));
            var nonBacktracking = t.LinearTime ? new Regex(t.AnchoredPattern!, t.Options, TimeSpan.FromSeconds(10)) : null;
            if (nonBacktracking is not null) linear++;
            for (int i = 0; i < record.Inputs!.Length; i++)
            {
                string input = record.Inputs[i];
                bool python = record.Matches![i];
                compared++;
                if (KnownTranslationDifferences.Contains((record.Pattern, input)))
                {
                    Assert.NotEqual(python, backtracking.IsMatch(input));
                    Assert.Equal(backtracking.IsMatch(input), nonBacktracking?.IsMatch(input) ?? backtracking.IsMatch(input));
                    continue;
                }
                if (backtracking.IsMatch(input) != python) failures.Add($"backtracking {record.Pattern} on {JsonSerializer.Serialize(input)}: python {python}");
                if (nonBacktracking is not null && nonBacktracking.IsMatch(input) != python) failures.Add($"NonBacktracking {record.Pattern} on {JsonSerializer.Serialize(input)}: python {python}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared} answers differ from CPython {corpus.Python}:\n" + string.Join("\n", failures.Take(40)));
        // The corpus must exercise both engines, most patterns on the linear one.
        Assert.InRange(linear, 55, corpus.Records.Length - 6);
    }

    [Fact]
    public void The_nested_quantifier_of_the_report_runs_on_the_linear_time_engine()
    {
        var t = PythonRegex.Translate(Hostile);
        Assert.True(t.LinearTime, t.BacktrackingReason);
        Assert.True((t.Options & RegexOptions.NonBacktracking) != 0);
        var regex = PythonRegex.CompileForMatch(Hostile, out var error, TimeSpan.FromSeconds(1));
        Assert.Null(error);
        Assert.True((regex!.Options & RegexOptions.NonBacktracking) != 0);
        // The backtracking engine needs 2^n steps here and would throw at its timeout; this one answers.
        Assert.DoesNotMatch(regex, "https://" + new string('a', 5000) + "!");
        Assert.Matches(regex, "https://aaaa.example.com");
    }

    [Theory]
    [InlineData(@"^https://(?!admin\.)\w+\.example\.com$", "a lookahead (?!...)", 9)]
    [InlineData(@"^https://(?=\w)\w+\.t$", "a lookahead (?=...)", 9)]
    [InlineData(@"^https://\w+(?<!-)\.t$", "a lookbehind (?<!...)", 12)]
    [InlineData(@"^https://(?P<w>\w)(?P=w)\.t$", "a backreference (?P=w)", 18)]
    [InlineData(@"^(a)\1$", @"a backreference \1", 4)]
    [InlineData(@"^https://(?>a+)\.t$", "an atomic group (?>...)", 9)]
    [InlineData(@"^(a)?(?(1)b|c)$", "a conditional (?(1)...)", 5)]
    [InlineData(@"^a{1000}$", "counted repetitions too large", 0)]
    public void Patterns_that_need_backtracking_keep_it_and_say_why(string pattern, string reason, int position)
    {
        var t = PythonRegex.Translate(pattern);
        Assert.True(t.Success, t.Error);
        Assert.False(t.LinearTime);
        Assert.StartsWith(reason, t.BacktrackingReason, StringComparison.Ordinal);
        Assert.Equal(position, t.BacktrackingPosition);
        Assert.Equal(RegexOptions.None, t.Options & RegexOptions.NonBacktracking);
        var regex = PythonRegex.CompileForMatch(pattern, out _);
        Assert.Equal(RegexOptions.None, regex!.Options & RegexOptions.NonBacktracking);
    }

    // Counted repetitions up to the translator's limit (half of .NET's) must construct on the
    // linear-time engine; past it they stay on the backtracking one instead of throwing.
    public static TheoryData<string> CountedPatterns()
    {
        var data = new TheoryData<string>();
        foreach (string p in new[]
        {
            "^a{999}$", "^a{1000}$", "^(?:ab){499}$", "^(?:ab){500}$", "^[a-z]{1,998}x$", "^(?:a{10}){99}$", "^(?:a{10}){100}$",
            "^(?:a|b|c){333}$", "^(?:a|b|c){334}$", "^a{0,999}$", "^a{998,}$", "^a{999,}$", "^(?:(?:ab){5}c){90}$",
            @"^\U0001F600{499}$", @"^\U0001F600{500}$", "(?i)^[a-z]{999}$", "^(?:x{30}|y{30}){16}$", "^(?:x{30}|y{30}){17}$",
        })
        {
            data.Add(p);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CountedPatterns))]
    public void Counted_repetitions_below_the_limit_construct_on_the_linear_time_engine(string pattern)
    {
        var t = PythonRegex.Translate(pattern);
        Assert.True(t.Success, t.Error);
        if (t.LinearTime)
        {
            var regex = new Regex(t.AnchoredPattern!, t.Options);
            Assert.True((regex.Options & RegexOptions.NonBacktracking) != 0);
        }
        else
        {
            Assert.StartsWith("counted repetitions too large", t.BacktrackingReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_limit_sits_where_the_estimate_crosses_half_of_dotnets()
    {
        Assert.True(PythonRegex.Translate("^a{999}$").LinearTime);
        Assert.False(PythonRegex.Translate("^a{1000}$").LinearTime);
        Assert.True(PythonRegex.Translate("^(?:a{10}){99}$").LinearTime);
        Assert.False(PythonRegex.Translate("^(?:a{10}){100}$").LinearTime);
        Assert.True(PythonRegex.Translate(@"^\U0001F600{499}$").LinearTime);
        Assert.False(PythonRegex.Translate(@"^\U0001F600{500}$").LinearTime);
    }

    [Fact]
    public void The_generated_wiring_hands_the_policy_the_engine_the_translator_chose()
    {
        var wiring = GeneratedWiring.Compile("""
            CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://(a+)+\.example\.com$", r"^https://(?!admin\.)\w+\.example\.org$"]
            CORS_URLS_REGEX = r"^/(api|auth)/"
            """);
        var policy = wiring.CreateCorsPolicy();
        Assert.True((policy.OriginRegexes[0].Options & RegexOptions.NonBacktracking) != 0);
        Assert.True((policy.OriginRegexes[1].Options & RegexOptions.NonBacktracking) == 0);
        Assert.True((policy.UrlsRegex.Options & RegexOptions.NonBacktracking) != 0);
        Assert.Equal(PythonRegex.DefaultMatchTimeout, policy.OriginRegexes[0].MatchTimeout);
        Assert.DoesNotMatch(policy.OriginRegexArray[0], "https://" + new string('a', 5000) + "!");
        Assert.Matches(policy.OriginRegexArray[1], "https://app.example.org");
        Assert.DoesNotMatch(policy.OriginRegexArray[1], "https://admin.example.org");
    }

    [Fact]
    public async Task A_hostile_origin_is_refused_by_the_policy_without_a_timeout()
    {
        var policy = DjangoCorsPolicy.Create(new() { AllowedOriginRegexes = new[] { Hostile }, UrlsRegex = @"^/(api|auth)/" }, regexMatchTimeout: TimeSpan.FromSeconds(1));
        Assert.All(policy.OriginRegexArray, r => Assert.True((r.Options & RegexOptions.NonBacktracking) != 0));
        Assert.True((policy.UrlsRegex.Options & RegexOptions.NonBacktracking) != 0);
        await using var server = await CorsTestServer.StartAsync(policy, UpstreamStyleApp.Configure);
        string hostile = "https://" + new string('a', 4000) + "!";
        var r = await server.SendAsync("GET", "/api/x", new Dictionary<string, string> { ["Origin"] = hostile });
        Assert.Null(r["access-control-allow-origin"]);
        Assert.Empty(server.Logs.Messages(3)); // no "timed out" warning
        r = await server.SendAsync("GET", "/api/x", new Dictionary<string, string> { ["Origin"] = "https://aaa.example.com" });
        Assert.Equal("https://aaa.example.com", r["access-control-allow-origin"]);
    }
}
