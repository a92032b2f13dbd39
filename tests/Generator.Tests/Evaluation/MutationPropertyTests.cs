using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Evaluation;

/// <summary>
/// Property: for any mutation of a real settings file (deleted ranges, random tokens and bytes,
/// duplicated lines, unbalanced brackets, 2000-deep nesting, megabyte literals), lexing, parsing
/// and evaluation finish without an exception and without hanging. Each case has its own seed
/// (printed on failure) so it can be replayed with <see cref="Replay"/>.
/// </summary>
public class MutationPropertyTests
{
    private const int BaseSeed = 20261123;
    private const int Cases = 10_000;
    private const int Shards = 4;

    /// <summary>A hang check, not a timing test: a case normally takes well under a millisecond.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    private static readonly string[] Tokens =
    {
        "(", ")", "[", "]", "{", "}", ":", ",", "=", "==", ":=", "+=", "*", "**", ".", "...", "@", "\\", "\\\n", ";",
        "if ", " else ", "elif x:", "lambda: ", "lambda x, *a, **k: x", " for x in ", " in ", " not ", " and ", " or ", "is not",
        "import os", "from .base import *", "from . import x", "def f(a, b=1):\n    return a\n", "class C(B):\n    X = 1\n",
        "try:\n    import x\nexcept ImportError:\n    pass\n", "while True:\n    X = 1\n", "with open('f') as f:\n    K = f.read()\n",
        "'", "\"", "'''", "\"\"\"", "f'", "f\"{", "rb'", "u'", "'\\N{EM DASH}'", "'\\x4'", "'\\U0011FFFF'", "f'{x!r:>{w}}'", "f'{'", "f'{}'",
        "0x", "0o8", "1e", "1_", "1__0", "012", "1.5e-3", "10**10**10", "9" + new string('9', 40), "-0.0", "1j",
        "\n", "\r\n", "\r", "    ", "\t", "\n    ", "\n        ", "# comment", "\f",
        "X", "CORS_ALLOWED_ORIGINS", "SIMPLE_JWT", "default_headers", "timedelta(days=1)", "timedelta(weeks=1e300)",
        "os.environ['K']", "os.getenv('K', '')", "env.list('K')", "config('K', cast=bool)", "Path(__file__)",
        "[o.strip() for o in os.getenv('K', '').split(',') if o]", "(*default_headers, 'x')", "{**a, 'k': 1}",
        "x if os.getenv('D') else y", "del X", "assert X", "global X", "return", "yield", "await x", "async def f(): pass",
        "é", "€", "\u0000", "\uFEFF", "\uD800", "\u2028",
    };

    public static IEnumerable<object[]> ShardData() => Enumerable.Range(0, Shards).Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(ShardData))]
    public void Mutated_corpus_files_never_throw_or_hang(int shard)
    {
        var corpus = Directory.GetFiles(CorpusTests.CorpusDirectory, "*.settings").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        Assert.NotEmpty(corpus);
        int perShard = Cases / Shards;
        for (int i = shard * perShard; i < (shard + 1) * perShard; i++)
        {
            RunCase(corpus, BaseSeed + i);
        }
    }

    /// <summary>Replays one case by seed (set the seed from a failure message and run this test).</summary>
    [Fact]
    public void Replay()
    {
        var corpus = Directory.GetFiles(CorpusTests.CorpusDirectory, "*.settings").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        RunCase(corpus, BaseSeed);
    }

    private static void RunCase(string[] corpus, int seed)
    {
        var random = new Random(seed);
        var (text, description) = Mutate(corpus, random);
        bool withEnvironment = random.Next(4) == 0;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var environment = withEnvironment ? new DictionaryEnvironment(new Dictionary<string, string> { ["K"] = "a, b", ["D"] = "1" }) : null;
                var module = SettingsEvaluator.Evaluate(new[] { new SettingsSource("fuzz.settings", text) }, environment);
                // Touch the results so lazy parts are exercised too.
                foreach (var d in module.Diagnostics) _ = d.ToString();
                foreach (var b in module.Names.Values) _ = b.Value.IsConstant;
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, 1024 * 1024);
        thread.Start();
        bool finished = thread.Join(HangLimit);
        Assert.True(finished, "seed " + seed + " (" + description + ", " + text.Length + " chars) did not finish within " + HangLimit.TotalSeconds + " s");
        Assert.True(failure is null, "seed " + seed + " (" + description + ") threw " + failure);
    }

    private static (string Text, string Description) Mutate(string[] corpus, Random random)
    {
        string text = corpus[random.Next(corpus.Length)];
        var applied = new List<string>();
        int kind = random.Next(1000);
        if (kind < 5)
        {
            applied.Add("1 MB literal");
            return (HugeLiteral(random, text), string.Join(", ", applied));
        }
        if (kind < 25)
        {
            applied.Add("deep nesting");
            return (DeepNesting(random, text), string.Join(", ", applied));
        }
        int count = 1 + random.Next(3);
        for (int m = 0; m < count; m++)
        {
            switch (random.Next(6))
            {
                case 0:
                {
                    int start = random.Next(text.Length + 1);
                    int length = Math.Min(text.Length - start, random.Next(1, 80));
                    text = text.Remove(start, length);
                    applied.Add("delete " + start + "+" + length);
                    break;
                }
                case 1:
                {
                    var sb = new StringBuilder();
                    int n = 1 + random.Next(6);
                    for (int k = 0; k < n; k++) sb.Append(Tokens[random.Next(Tokens.Length)]);
                    int at = random.Next(text.Length + 1);
                    text = text.Insert(at, sb.ToString());
                    applied.Add("tokens at " + at);
                    break;
                }
                case 2:
                {
                    var sb = new StringBuilder();
                    int n = 1 + random.Next(8);
                    for (int k = 0; k < n; k++) sb.Append((char)random.Next(0, random.Next(2) == 0 ? 128 : 0xFFFF));
                    int at = random.Next(text.Length + 1);
                    text = text.Insert(at, sb.ToString());
                    applied.Add("bytes at " + at);
                    break;
                }
                case 3:
                {
                    var lines = text.Split('\n').ToList();
                    int from = random.Next(lines.Count);
                    int len = Math.Min(lines.Count - from, 1 + random.Next(5));
                    lines.InsertRange(random.Next(lines.Count + 1), lines.GetRange(from, len));
                    text = string.Join("\n", lines);
                    applied.Add("duplicate lines");
                    break;
                }
                case 4:
                {
                    string brackets = "([{)]}";
                    int at = random.Next(text.Length + 1);
                    text = text.Insert(at, new string(brackets[random.Next(brackets.Length)], 1 + random.Next(3)));
                    applied.Add("bracket at " + at);
                    break;
                }
                default:
                {
                    // Re-indent a random line.
                    var lines = text.Split('\n');
                    int line = random.Next(lines.Length);
                    lines[line] = new string(' ', random.Next(9)) + lines[line].TrimStart();
                    text = string.Join("\n", lines);
                    applied.Add("indent line " + line);
                    break;
                }
            }
        }
        return (text, string.Join(", ", applied));
    }

    private static string DeepNesting(Random random, string text)
    {
        const int Depth = 2000;
        string nested = random.Next(13) switch
        {
            10 => "Y = []\nfor i in range(100):\n    Y += [Y, Y]\nW = Y == Y\n",
            11 => "S = 'ab'\nfor i in range(80):\n    S = S + S\nL = [1]\nfor i in range(80):\n    L = L + L\n",
            12 => "D = {}\nfor i in range(100):\n    D = {'a': D, 'b': D}\nK = str(D)\n",
            0 => "X = " + new string('(', Depth) + "1" + new string(')', Depth),
            1 => "X = " + new string('[', Depth) + new string(']', Depth),
            2 => "X = " + string.Concat(Enumerable.Repeat("{'k': ", Depth)) + "1" + new string('}', Depth),
            3 => "X = " + string.Concat(Enumerable.Repeat("-", Depth)) + "1",
            4 => "X = " + string.Concat(Enumerable.Repeat("not ", Depth)) + "True",
            5 => "X = 1" + string.Concat(Enumerable.Repeat(" + 1", Depth * 5)),
            6 => "X = a" + string.Concat(Enumerable.Repeat(".b", Depth)) + string.Concat(Enumerable.Repeat("()", Depth)),
            7 => string.Concat(Enumerable.Range(0, Depth).Select(i => new string(' ', i) + "if X:\n")) + new string(' ', Depth) + "Y = 1\n",
            8 => "X = " + string.Concat(Enumerable.Repeat("lambda: ", Depth)) + "1\nY = X()",
            _ => "X = " + string.Concat(Enumerable.Repeat("f'{", 40)) + "1" + string.Concat(Enumerable.Repeat("}'", 40)) + "\nY = 2 ** 2 ** 2 ** 2 ** 2 ** 2 ** 2",
        };
        return text + "\n" + nested + "\nZ = 1\n";
    }

    private static string HugeLiteral(Random random, string text)
    {
        const int Size = 1 << 20;
        string huge = random.Next(5) switch
        {
            0 => "X = '" + new string('a', Size) + "'",
            1 => "X = [" + string.Concat(Enumerable.Repeat("'https://o.example',", Size / 20)) + "]",
            2 => "# " + new string('c', Size),
            3 => "X = '''" + new string('x', Size),
            _ => "X = " + new string('9', Size / 8) + "\nY = 'ab' * 10**9",
        };
        return text + "\n" + huge + "\nZ = 1\n";
    }
}
