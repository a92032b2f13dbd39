using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// Differential checks against Debian's python3 / PyJWT 2.6 / simplejwt 5.2.2: JSON bytes of our
/// writer versus json.dumps, and how Django treats duplicate keys and float exp.
/// </summary>
public class PythonDifferentialTests
{
    private const string Special = "\"\\/<>&'+\u2028\u2029\u007f\n\r\t\b\f\u0000\u001f\u0085";

    private static async Task<string> Python(string script, string stdin)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        using var p = Process.Start(psi)!;
        await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        string output = await p.StandardOutput.ReadToEndAsync();
        string error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, error);
        return output;
    }

    [SkippableFact]
    public async Task Writer_matches_json_dumps_for_strings_and_floats()
    {
        Services.RequireDjangoOracle();
        var rng = new Random(20261123);
        var strings = Enumerable.Range(0, 300).Select(i =>
        {
            var sb = new StringBuilder();
            int len = rng.Next(0, 12);
            for (int k = 0; k < len; k++)
            {
                int pick = rng.Next(6);
                int cp = pick switch
                {
                    0 => rng.Next(0, 0x80),
                    1 => rng.Next(0x80, 0x800),
                    2 => rng.Next(0x800, 0xD800),
                    3 => rng.Next(0xE000, 0x10000),
                    4 => rng.Next(0x10000, 0x110000),
                    _ => Special[rng.Next(Special.Length)],
                };
                sb.Append(char.ConvertFromUtf32(cp));
            }
            return sb.ToString();
        }).ToList();
        var floats = Enumerable.Range(0, 300).Select(i => i switch
        {
            < 100 => BitConverter.Int64BitsToDouble(rng.NextInt64()),
            < 200 => Math.Round(rng.NextDouble() * Math.Pow(10, rng.Next(-8, 20)), rng.Next(0, 8)),
            _ => rng.NextDouble() * Math.Pow(10, rng.Next(-320, 308)),
        }).Where(d => !double.IsNaN(d) && !double.IsInfinity(d)).ToList();

        // Python reads the values through repr-safe channels: strings as code point lists, floats as hex.
        string input = string.Join("\n", strings.Select(s => string.Join(",", EnumerateCodePoints(s))))
            + "\n#\n" + string.Join("\n", floats.Select(f => BitConverter.DoubleToInt64Bits(f).ToString(CultureInfo.InvariantCulture)));
        const string script = """
import sys, json, struct
text = sys.stdin.read()
strs, flts = text.split("\n#\n")
out = []
for line in strs.split("\n"):
    s = "".join(chr(int(c)) for c in line.split(",") if c)
    out.append(json.dumps(s, separators=(",", ":")))
    out.append(json.dumps(s, separators=(",", ":"), ensure_ascii=False))
for line in flts.split("\n"):
    out.append(json.dumps(struct.unpack("<d", struct.pack("<q", int(line)))[0]))
sys.stdout.buffer.write("\n".join(out).encode("utf-8", "surrogatepass"))
""";
        var expected = (await Python(script, input)).Split('\n');
        Assert.Equal(strings.Count * 2 + floats.Count, expected.Length);
        int i = 0;
        foreach (var s in strings)
        {
            Assert.Equal(expected[i++], PythonJsonWriter.Serialize(s));
            Assert.Equal(expected[i++], PythonJsonWriter.Serialize(s, ensureAscii: false));
        }
        foreach (var f in floats) Assert.Equal(expected[i++], PythonJsonWriter.Serialize(f));
        Assert.Equal(expected.Length, i);
    }

    private static System.Collections.Generic.IEnumerable<int> EnumerateCodePoints(string s)
    {
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1) yield return char.ConvertToUtf32(s, i);
    }

    [SkippableFact]
    public async Task Django_agrees_on_duplicate_keys_and_float_exp()
    {
        Services.RequireDjangoOracle();
        var options = JwtEndpointOracleTests.OracleOptions;
        var tool = new DjangoJwtTool(RecordedExchange.FixturePath("oracle.settings"));
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var service = TokenCodecTests.Service(options, DateTimeOffset.FromUnixTimeSeconds(now));

        // Duplicate keys: Python keeps the last one; so do we.
        string dup = TokenCodecTests.Sign(options, $"{{\"token_type\":\"access\",\"exp\":{now + 60},\"iat\":{now},\"jti\":\"a\",\"user_id\":1,\"token_type\":\"refresh\"}}");
        var django = await tool.VerifyAsync(dup, "access", now);
        Assert.Equal("Token has wrong type", django.GetProperty("error").GetString());
        Assert.Equal("Token has wrong type", (await service.ValidateAsync(dup, TokenType.Access, DateTimeOffset.FromUnixTimeSeconds(now))).Error);
        Assert.True((await tool.VerifyAsync(dup, "refresh", now)).GetProperty("valid").GetBoolean());

        // Float exp: accepted by both while int(exp) is in the future, refused by both after.
        string flt = TokenCodecTests.Sign(options, $"{{\"token_type\":\"access\",\"exp\":{now + 60}.75,\"iat\":{now},\"jti\":\"a\",\"user_id\":1}}");
        foreach (var (at, valid) in new[] { (now + 59, true), (now + 60, false) })
        {
            Assert.Equal(valid, (await tool.VerifyAsync(flt, "access", at)).GetProperty("valid").GetBoolean());
            Assert.Equal(valid, (await service.ValidateAsync(flt, TokenType.Access, DateTimeOffset.FromUnixTimeSeconds(at))).IsValid);
        }
    }

    [SkippableFact]
    public async Task Request_parser_errors_match_python_json_for_mutated_bodies()
    {
        Services.RequireDjangoOracle();
        var rng = new Random(7);
        string[] seeds =
        [
            "{\"username\": \"alice\", \"password\": \"wonderland-123\"}",
            "{\"refresh\": \"eyJ.x.y\", \"n\": [1, 2.5e3, -0, true, false, null, {\"a\": \"\\u00e9\\ud83d\\ude00\\n\"}]}",
            "[\"a\", {\"b\": 1e5}]\n",
        ];
        const string alphabet = "{}[]\":,\\ \n\tuae0123456789-+.ENI";
        var bodies = new System.Collections.Generic.List<string>();
        for (int i = 0; i < 400; i++)
        {
            var sb = new StringBuilder(seeds[i % seeds.Length]);
            int edits = rng.Next(1, 4);
            for (int e = 0; e < edits && sb.Length > 0; e++)
            {
                int pos = rng.Next(sb.Length);
                switch (rng.Next(3))
                {
                    case 0: sb.Remove(pos, 1); break;
                    case 1: sb.Insert(pos, alphabet[rng.Next(alphabet.Length)]); break;
                    default: sb[pos] = alphabet[rng.Next(alphabet.Length)]; break;
                }
            }
            bodies.Add(sb.ToString());
        }
        bodies.AddRange(["", "NaN", "[Infinity]", "-Infinity", "{\"a\":1,}", "[1,]", "\"\\ud800\"", "\"\\u12\"", "01", "1.", "1e", "-", "{\"a\" 1}", "\"a\tb\""]);
        string input = string.Join("\n", bodies.Select(b => string.Join(",", EnumerateCodePoints(b))));
        const string script = """
import sys, json
def strict(o):
    raise ValueError('Out of range float values are not JSON compliant: ' + repr(o))
out = []
for line in sys.stdin.read().split("\n"):
    s = "".join(chr(int(c)) for c in line.split(",") if c)
    try:
        json.loads(s, parse_constant=strict)
        out.append("OK")
    except ValueError as e:
        out.append(str(e))
sys.stdout.write("\n".join(out))
""";
        var expected = (await Python(script, input)).Split('\n');
        Assert.Equal(bodies.Count, expected.Length);
        int errors = 0;
        for (int i = 0; i < bodies.Count; i++)
        {
            bool ok = PythonJsonRequestParser.TryParse(bodies[i], out _, out var error);
            if (!ok) errors++;
            Assert.True((ok ? "OK" : error) == expected[i], $"body {i}: {bodies[i]}\n ours:   {(ok ? "OK" : error)}\n python: {expected[i]}");
        }
        Assert.True(errors > 100, $"only {errors} malformed bodies were generated");
    }

    [SkippableFact]
    public async Task Utf8_decode_errors_match_python()
    {
        Services.RequireDjangoOracle();
        var rng = new Random(11);
        var samples = Enumerable.Range(0, 300).Select(i =>
        {
            var b = Encoding.UTF8.GetBytes("{\"u\": \"zoë😀€\"}");
            int edits = rng.Next(1, 3);
            for (int e = 0; e < edits; e++) b[rng.Next(b.Length)] = (byte)rng.Next(0x80, 0x100);
            return rng.Next(4) == 0 ? b[..rng.Next(1, b.Length)] : b;
        }).ToList();
        string input = string.Join("\n", samples.Select(Convert.ToHexString));
        const string script = """
import sys
out = []
for line in sys.stdin.read().split("\n"):
    try:
        bytes.fromhex(line).decode("utf-8")
        out.append("OK")
    except UnicodeDecodeError as e:
        out.append(str(e))
sys.stdout.write("\n".join(out))
""";
        var expected = (await Python(script, input)).Split('\n');
        for (int i = 0; i < samples.Count; i++)
        {
            Assert.Equal(expected[i], PythonUtf8.Validate(samples[i]) ?? "OK");
        }
    }
}
