using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DjangoSettings.Jwt;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// The compact fast path must never give an answer the general reader would not: whatever it
/// accepts, the general reader accepts with the same claims (names, order, values, types).
/// Checked on PyJWT-shaped payloads and on 20,000 seeded mutations of them.
/// </summary>
public sealed class CompactClaimsReaderTests
{
    private const string Typical = "{\"token_type\":\"access\",\"exp\":1795430400,\"iat\":1795430100,\"jti\":\"9f4c6c1a0b2d4e6f8a1b2c3d4e5f6a7b\",\"user_id\":1}";

    [Fact]
    public void A_simplejwt_payload_takes_the_fast_path_with_the_general_readers_claims()
    {
        var bytes = Encoding.ASCII.GetBytes(Typical);
        Assert.True(CompactClaimsReader.TryRead(bytes, out var fast));
        Assert.True(PythonJsonReader.TryParseGeneral(bytes, out var general));
        AssertSame(general, fast, Typical);
        Assert.Equal(1795430400L, fast["exp"]);
        Assert.Equal("access", fast["token_type"]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"a\":-0}")]
    [InlineData("{\"a\":999999999999999999}")]
    [InlineData("{\"a\":true,\"b\":false,\"c\":null}")]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":\"x\",\"b\":\"\",\"a\":\"y\"}")]
    public void Accepted_shapes_agree(string json) => AssertAgreement(json, expectFast: true);

    [Theory]
    [InlineData("{\"a\":1.5}")]                 // float
    [InlineData("{\"a\":1e3}")]                 // exponent
    [InlineData("{\"a\":9999999999999999999}")] // 19 digits
    [InlineData("{\"a\":01}")]                  // leading zero: invalid JSON
    [InlineData("{\"a\":\"\\u00e9\"}")]         // escape
    [InlineData("{\"a\": 1}")]                  // whitespace
    [InlineData("{\"a\":{\"b\":1}}")]           // nesting
    [InlineData("{\"a\":[1]}")]                 // array
    [InlineData("{\"a\":1}x")]                  // trailing bytes
    [InlineData("{\"a\":1,}")]                  // trailing comma
    [InlineData("{\"a\":tru}")]                 // truncated literal
    [InlineData("{\"a\":-}")]
    [InlineData("[1]")]
    public void Declined_shapes_go_to_the_general_reader(string json) => AssertAgreement(json, expectFast: false);

    [Fact]
    public void Mutations_never_make_the_fast_path_disagree()
    {
        var rng = new Random(7);
        var seeds = new[]
        {
            Typical,
            "{\"token_type\":\"refresh\",\"exp\":1795430400,\"iat\":1795430100,\"jti\":\"abc\",\"user_id\":\"42\",\"aud\":\"api\",\"iss\":\"https://issuer\"}",
            "{\"a\":true,\"b\":false,\"c\":null,\"d\":-12,\"e\":\"x y\"}",
        };
        const string Alphabet = "{}[]\":,-0123456789.eE truefalsn\\u\u00e9a";
        int fastAccepted = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var chars = seeds[n % seeds.Length].ToCharArray().ToList();
            int edits = rng.Next(1, 4);
            for (int e = 0; e < edits && chars.Count > 0; e++)
            {
                int at = rng.Next(chars.Count);
                switch (rng.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, Alphabet[rng.Next(Alphabet.Length)]); break;
                    default: chars[at] = Alphabet[rng.Next(Alphabet.Length)]; break;
                }
            }
            string json = new(chars.ToArray());
            var bytes = Encoding.UTF8.GetBytes(json);
            if (!CompactClaimsReader.TryRead(bytes, out var fast)) continue;
            fastAccepted++;
            Assert.True(PythonJsonReader.TryParseGeneral(bytes, out var general), $"fast path accepted what JSON refuses: {json}");
            AssertSame(general, fast, json);
        }
        // The mutations must exercise the accepting side too, or the loop proves nothing.
        Assert.True(fastAccepted > 1000, $"only {fastAccepted} mutations took the fast path");
    }

    private static void AssertAgreement(string json, bool expectFast)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        bool fastOk = CompactClaimsReader.TryRead(bytes, out var fast);
        Assert.Equal(expectFast, fastOk);
        bool generalOk = PythonJsonReader.TryParseGeneral(bytes, out var general);
        if (fastOk)
        {
            Assert.True(generalOk);
            AssertSame(general, fast, json);
        }
        // Through the public entry point the answer is always the general reader's.
        Assert.Equal(generalOk, PythonJsonReader.TryParseObject(bytes, out var combined));
        if (generalOk) AssertSame(general, combined, json);
    }

    private static void AssertSame(TokenPayload expected, TokenPayload actual, string json)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        Assert.True(e.Count == a.Count, $"{json}: {e.Count} vs {a.Count} claims");
        for (int i = 0; i < e.Count; i++)
        {
            Assert.Equal(e[i].Key, a[i].Key);
            Assert.Equal(e[i].Value?.GetType(), a[i].Value?.GetType());
            Assert.Equal(e[i].Value, a[i].Value);
        }
    }
}
