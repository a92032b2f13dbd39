using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Shared;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// <see cref="PythonUrlSplit"/> and <see cref="PythonRegex"/> against the real CPython (Debian's
/// /usr/bin/python3, the interpreter the Django oracle runs on): hand-picked edge cases plus seeded
/// random inputs, every answer compared. Plus fixed cases that document each translation rule.
/// </summary>
public sealed class PythonCompatibilityTests
{
    private const string Python = "/usr/bin/python3";

    private const string SplitScript = """
import json, sys, urllib.parse
out = []
for s in json.load(sys.stdin):
    try:
        r = urllib.parse.urlsplit(s)
        out.append([r.scheme, r.netloc])
    except ValueError:
        out.append(None)
json.dump(out, sys.stdout)
""";

    private const string RegexScript = """
import json, re, sys
data = json.load(sys.stdin)
out = []
for p in data["patterns"]:
    try:
        rx = re.compile(p)
    except re.error:
        out.append(None)
        continue
    out.append([rx.match(s) is not None for s in data["inputs"]])
json.dump(out, sys.stdout)
""";

    private static readonly string[] SplitCases =
    {
        "https://example.com", "HTTPS://Example.COM:443/x?y#z", "null", "NULL", "foo", "file://", "file:///x", "file:",
        "localhost:3000", "https://u:p@host:1", "https://[::1]:8000", "https://[::1", "https://example.com]", "https://[v1.x]",
        "https://[1.2.3.4]", "https://[::ffff:1.2.3.4]", "https://[fe80::1%eth0]", "https://[fe80::1%]", "https://x[::1]",
        "https://[::1]x", "https://[::1]:80", "https://[:::1]", "https://[1::2::3]", "https://[01.2.3.4]", " \t https://a.com",
        "https://a\tb\r\nc.com", "\u0001https://a.com", "1http://a.com", "h+t-t.p://a", "ht_tp://a", "https:a.com", "https:/a.com",
        "https:///a", "//a.com", "https://a.com\u2100", "https://a\u00e4.com", "https://\uff0fa.com", "https://a.com,https://b.com",
        "", ":", "a:", "https://@", "https://a.com:", "https://a.com?#", "https://\u212a.com",
    };

    private static readonly string[] RegexPatterns =
    {
        @"^https://\w+\.example\.com$", @"^https://\w+\.example\.com", @"https://a\.com", @"(?i)^https://case\.example$",
        @"^https://(?P<sub>[a-z]+)\.t$", @"^https://(?P<w>\w)(?P=w)\.t$", @"^https://x\.t\Z", @"^https://x\.t$", @"^https://[a-z]{,3}\.t$",
        @"^https://[a-z]{2,}\.t$", @"^https://a{,}\.t", @"^null$", @"^(?x) https :// [a-z]+ \. t $  # comment", @"^https?://.*\.t$",
        @"^https://[[a]+\.t$", @"^https://[a-z-[aeiou]]+\.t$", @"^https://[]a]+\.t$", @"^\x68ttps://\u0061\.t$", @"^\150ttps://a\.t$",
        @"^https://(a|b)+\.t$", @"^https://(?:a|b)(?=\.)\.t$", @"^https://(?<!x)a\.t$", @"^https://a{", @"^https://a\{1\}",
        @"^https://(a)(?(1)b|c)\.t$", @"(?s)^https://.\.t$", @"(?m)^https://a\.t$", @"^https://a\.t(?i:X)$", @"^https://(?-i:a)\.t$",
        @"^https://(?>a+)\.t$", @"^https://a#b", @"^https://a b", @"^\d+$", @"^https://\S+$", @"^https://a\Z\n",
        // Python rejects these, so must we.
        @"^https://(a\.t$", @"^https://a)\.t$", @"^https://a**\.t$", @"^https://\p{L}\.t$", @"^https://\k<n>$", @"^https://(?<n>a)$",
        @"^https://a(?i)$", @"^https://[a-\.t$", @"^https://\q$", @"^https://a{3,1}$", "*a", @"^https://(?P<1>a)$",
    };

    // Constructs Python 3.11 accepts that have no faithful .NET translation: refused on purpose.
    private static readonly string[] RefusedOnPurpose = { "^https://a*+$", @"^\N{LATIN SMALL LETTER A}$", "(?a)^\\w$", @"^[\U0001F600]$" };

    private static readonly string[] RegexInputs =
    {
        "https://foo.example.com", "https://foo.example.com.evil", "https://a.com", "https://a.com.evil.net", "xhttps://a.com",
        "https://CASE.example", "https://case.example", "https://abc.t", "https://aa.t", "https://ab.t", "https://x.t", "https://x.t\n",
        "https://abcd.t", "https://a.t", "https://b.t", "https://ab.tX", "https://a.tx", "https://a.tX", "https://aaa.t", "null", "null\n",
        "NULL", "https://.t", "https://a{", "https://a{1}", "https://a#b", "https://a b", "12345", "12\n", "https://\n.t", "https://ba.t",
        "https://[a.t", "https://]a.t", "https://e.t", "https://ae.t", "https://-.t", "https://abc.t\n", "", "hTTps://a.t", "https://A.T",
    };

    private static T RunPython<T>(string script, object input)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(JsonSerializer.Serialize(input));
        p.StandardInput.Close();
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stderr);
        return JsonSerializer.Deserialize<T>(stdout)!;
    }

    private static void RequirePython() => Services.Require(File.Exists(Python), "Debian's /usr/bin/python3 (CPython 3.11)");

    private static IEnumerable<string> RandomUrls(int seed, int count)
    {
        var random = new Random(seed);
        string[] pieces = { "h", "t", "p", "s", "H", ":", "/", "//", "[", "]", "@", ".", "?", "#", "\t", "\n", " ", "a", "1", "::", "v1.", "%", "\u00e4", "-", "+", "null", "https://", "file:", "[::1]" };
        for (int i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            int n = random.Next(1, 9);
            for (int k = 0; k < n; k++) sb.Append(pieces[random.Next(pieces.Length)]);
            yield return sb.ToString();
        }
    }

    [SkippableFact]
    public void Urlsplit_scheme_and_netloc_match_cpython()
    {
        RequirePython();
        var inputs = SplitCases.Concat(RandomUrls(4242, 3000)).ToArray();
        var expected = RunPython<string[]?[]>(SplitScript, inputs);
        var failures = new List<string>();
        for (int i = 0; i < inputs.Length; i++)
        {
            bool ok = PythonUrlSplit.TrySplit(inputs[i], out var r);
            string ours = ok ? $"[{r.Scheme}|{r.Netloc}]" : "ValueError";
            string theirs = expected[i] is { } e ? $"[{e[0]}|{e[1]}]" : "ValueError";
            if (ours != theirs) failures.Add($"{JsonSerializer.Serialize(inputs[i])}: python {theirs}, ours {ours}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {inputs.Length} differ:\n" + string.Join("\n", failures.Take(30)));
    }

    [SkippableFact]
    public void Translated_regexes_compile_and_match_like_python_re_match()
    {
        RequirePython();
        var expected = RunPython<bool[]?[]>(RegexScript, new { patterns = RegexPatterns.Concat(RefusedOnPurpose).ToArray(), inputs = RegexInputs });
        var failures = new List<string>();
        for (int i = 0; i < RegexPatterns.Length; i++)
        {
            var rx = PythonRegex.CompileForMatch(RegexPatterns[i], out var error);
            if (expected[i] is null)
            {
                if (rx is not null) failures.Add($"{RegexPatterns[i]}: Python rejects it, we accept it");
                continue;
            }
            if (rx is null)
            {
                failures.Add($"{RegexPatterns[i]}: Python accepts it, we refuse it: {error}");
                continue;
            }
            for (int k = 0; k < RegexInputs.Length; k++)
            {
                bool ours = rx.IsMatch(RegexInputs[k]);
                if (ours != expected[i]![k]) failures.Add($"{RegexPatterns[i]} on {JsonSerializer.Serialize(RegexInputs[k])}: python {expected[i]![k]}, ours {ours} (.NET {rx})");
            }
        }
        for (int i = 0; i < RefusedOnPurpose.Length; i++)
        {
            Assert.NotNull(expected[RegexPatterns.Length + i]);
            Assert.Null(PythonRegex.CompileForMatch(RefusedOnPurpose[i], out _));
        }
        Assert.True(failures.Count == 0, $"{failures.Count} differ:\n" + string.Join("\n", failures.Take(30)));
    }

    [Theory]
    [InlineData(@"(?P<sub>a)(?P=sub)\Z", @"(?<sub>a)\k<sub>\z")]
    [InlineData(@"a{,3}", @"a{0,3}")]
    [InlineData(@"[[a]", @"[\[a]")]
    [InlineData(@"\101", @"\u0041")]
    [InlineData(@"a{", @"a\{")]
    [InlineData(@"(?i)abc", @"abc")]
    public void Translation_rules(string python, string dotnet)
    {
        var t = PythonRegex.Translate(python);
        Assert.True(t.Success, t.Error);
        Assert.Equal(dotnet, t.Pattern);
        Assert.Equal(@"\A(?:" + dotnet + ")", t.AnchoredPattern);
    }

    [Theory]
    [InlineData("^a*+$", 3, "possessive")]
    [InlineData(@"ab\N{DIGIT ONE}", 2, @"\N")]
    [InlineData("ab(?i)", 2, "global flags")]
    [InlineData("a)", 1, "unbalanced")]
    [InlineData(@"\p{L}", 0, "bad escape")]
    public void Refusals_carry_the_position(string python, int position, string reason)
    {
        var t = PythonRegex.Translate(python);
        Assert.False(t.Success);
        Assert.Equal(position, t.ErrorPosition);
        Assert.Contains(reason, t.Error, StringComparison.Ordinal);
        Assert.Null(PythonRegex.CompileForMatch(python, out var error));
        Assert.Contains("position " + position, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Leading_flags_become_options()
    {
        var t = PythonRegex.Translate("(?imsx)a b");
        Assert.Equal(RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.IgnorePatternWhitespace | RegexOptions.NonBacktracking, t.Options);
        Assert.EndsWith("\n)", t.AnchoredPattern, StringComparison.Ordinal);
    }
}
