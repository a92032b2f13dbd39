using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// Hostile tokens against a running app: every attack is refused with 401 (never a 500) on the
/// protected view, on an AllowAny view, and at the verify and refresh endpoints. Controls at the
/// leeway edges must pass, proving the edges are exact. The table in docs/security.md is the
/// output of this test (written to jwt-attack-results.md next to the test assembly).
/// </summary>
public class AttackCorpusTests(ITestOutputHelper output)
{
    private const string Secret = "not very secret in tests";
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly long Now = T0.ToUnixTimeSeconds();
    private const int Leeway = 30;

    private sealed record Attack(string Name, string Server, Func<Func<TokenClaimsBuilder>, string> Token, bool Control = false);

    private static string B64(string s) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(s));

    private static string Hs(string header, string payload, string key, HashAlgorithmName? hash = null)
    {
        string input = B64(header) + "." + B64(payload);
        byte[] k = Encoding.UTF8.GetBytes(key);
        byte[] data = Encoding.ASCII.GetBytes(input);
        byte[] sig = (hash ?? HashAlgorithmName.SHA256).Name switch
        {
            "SHA512" => HMACSHA512.HashData(k, data),
            _ => HMACSHA256.HashData(k, data),
        };
        return input + "." + System.Buffers.Text.Base64Url.EncodeToString(sig);
    }

    private static string Access(Func<TokenClaimsBuilder> claims, Action<TokenClaimsBuilder>? change = null)
    {
        var c = claims();
        change?.Invoke(c);
        return c.ToString();
    }

    private static IEnumerable<Attack> Attacks()
    {
        const string H = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        string rsPublic = TestKeys.CachedRsa(0).Public;
        yield return new("alg none, empty signature", "HS256", c => B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + B64(Access(c)) + ".");
        yield return new("alg None (case variant)", "HS256", c => B64("{\"alg\":\"None\",\"typ\":\"JWT\"}") + "." + B64(Access(c)) + ".");
        yield return new("alg none against an RS256 server", "RS256", c => B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + B64(Access(c)) + ".");
        yield return new("HS/RS confusion: HS256 signed with the RS256 public key", "RS256", c => Hs(H, Access(c), rsPublic));
        yield return new("alg HS512 with the right secret (alg not configured)", "HS256", c => Hs("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", Access(c), Secret, HashAlgorithmName.SHA512));
        yield return new("refresh token as access token", "HS256", c => Hs(H, Access(c, x => x.Set("token_type", "refresh")), Secret));
        yield return new("sliding token when only AccessToken is configured", "HS256", c => Hs(H, Access(c, x => x.Set("token_type", "sliding")), Secret));
        yield return new("token type claim missing", "HS256", c => Hs(H, Access(c, x => x.Remove("token_type")), Secret));
        yield return new("tampered payload (user_id 1 -> 2), original signature", "HS256", c =>
        {
            string good = Hs(H, Access(c), Secret);
            var p = good.Split('.');
            return p[0] + "." + B64(Access(c, x => x.Set("user_id", "2"))) + "." + p[2];
        });
        yield return new("tampered signature (one bit)", "HS256", c =>
        {
            var p = Hs(H, Access(c), Secret).Split('.');
            byte[] sig = System.Buffers.Text.Base64Url.DecodeFromChars(p[2]);
            sig[0] ^= 1;
            return p[0] + "." + p[1] + "." + System.Buffers.Text.Base64Url.EncodeToString(sig);
        });
        yield return new("signed with another secret", "HS256", c => Hs(H, Access(c), "guessed secret"));
        yield return new("signature segment stripped", "HS256", c => string.Join('.', Hs(H, Access(c), Secret).Split('.').Take(2)));
        yield return new("expired at the leeway edge (exp = now - leeway)", "HS256", c => Hs(H, Access(c, x => x.Set("exp", Now - Leeway)), Secret));
        yield return new("control: exp = now - leeway + 1", "HS256", c => Hs(H, Access(c, x => x.Set("exp", Now - Leeway + 1)), Secret), Control: true);
        yield return new("iat in the future beyond leeway (now + leeway + 1)", "HS256", c => Hs(H, Access(c, x => x.Set("iat", Now + Leeway + 1)), Secret));
        yield return new("control: iat = now + leeway", "HS256", c => Hs(H, Access(c, x => x.Set("iat", Now + Leeway)), Secret), Control: true);
        yield return new("nbf in the future beyond leeway", "HS256", c => Hs(H, Access(c, x => x.Set("nbf", Now + Leeway + 1)), Secret));
        yield return new("exp missing", "HS256", c => Hs(H, Access(c, x => x.Remove("exp")), Secret));
        yield return new("exp as a string", "HS256", c => Hs(H, Access(c, x => x.Set("exp", "99999999999")), Secret));
        yield return new("exp null", "HS256", c => Hs(H, Access(c, x => x.Set("exp", null)), Secret));
        yield return new("exp as a list", "HS256", c => Hs(H, Access(c, x => x.Set("exp", new[] { 99999999999L })), Secret));
        yield return new("exp NaN (Python-only JSON literal)", "HS256", c => Hs(H, Access(c).Replace($"\"exp\":{Now + 300}", "\"exp\":NaN"), Secret));
        yield return new("jti missing", "HS256", c => Hs(H, Access(c, x => x.Remove("jti")), Secret));
        yield return new("duplicate token_type keys, last one 'refresh'", "HS256", c => Hs(H, Access(c).TrimEnd('}') + ",\"token_type\":\"refresh\"}", Secret));
        yield return new("duplicate alg keys, last one 'none'", "HS256", c => B64("{\"alg\":\"HS256\",\"alg\":\"none\"}") + "." + B64(Access(c)) + ".");
        yield return new("kid that is not a string", "HS256", c => Hs("{\"alg\":\"HS256\",\"kid\":123,\"typ\":\"JWT\"}", Access(c), Secret));
        yield return new("unknown kid, signed with the attacker's key", "HS256", c => Hs("{\"alg\":\"HS256\",\"kid\":\"attacker\",\"typ\":\"JWT\"}", Access(c), "attacker key"));
        yield return new("jku/x5u pointing at the attacker", "RS256", c => Hs("{\"alg\":\"RS256\",\"jku\":\"https://evil.example/jwks\",\"typ\":\"JWT\"}", Access(c), "x"));
        yield return new("crit header with an unknown extension", "HS256", c => Hs("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"typ\":\"JWT\"}", Access(c), Secret));
        yield return new("header is a JSON array", "HS256", c => B64("[\"HS256\"]") + "." + B64(Access(c)) + ".x");
        yield return new("payload is a JSON string", "HS256", c => Hs(H, "\"admin\"", Secret));
        yield return new("header nested 100000 levels deep", "HS256", c => B64(new string('[', 100_000)) + "." + B64(Access(c)) + ".x");
        yield return new("malformed base64 (illegal characters)", "HS256", c => "eyJ!!!.e30.x");
        yield return new("base64 of impossible length", "HS256", c => "eyJhbGciOiJIUzI1NiJ9A.e30.x");
        yield return new("four segments", "HS256", c => Hs(H, Access(c), Secret) + ".extra");
        yield return new("one segment", "HS256", c => "garbage");
        yield return new("empty segments", "HS256", c => "..");
        yield return new("non-ASCII characters in the token", "HS256", c => "eyJhbGciOiJIUzI1NiJ9.ëÿ.x");
        yield return new("oversized token (100 kB)", "HS256", c => Hs(H, Access(c, x => x.Set("pad", new string('a', 100_000))), Secret));
        yield return new("user id of the wrong JSON type (server-signed)", "HS256", c => Hs(H, Access(c, x => x.Set("user_id", new[] { 1L })), Secret));
        yield return new("user id of a user that does not exist (server-signed)", "HS256", c => Hs(H, Access(c, x => x.Set("user_id", "999")), Secret));
        yield return new("three-word Authorization header", "HS256", c => Hs(H, Access(c), Secret) + " extra");
    }

    [Fact]
    public async Task Every_attack_is_refused_with_401_and_never_a_500()
    {
        var hs = SimpleJwtOptions.Defaults(Secret) with { Leeway = TimeSpan.FromSeconds(Leeway) };
        var (rsPriv, rsPub) = TestKeys.CachedRsa(0);
        var rs = SimpleJwtOptions.Defaults(rsPriv) with { Algorithm = "RS256", VerifyingKey = rsPub, Leeway = TimeSpan.FromSeconds(Leeway) };
        await using var hsHost = await JwtTestHost.StartAsync(hs, new ManualClock(T0));
        await using var rsHost = await JwtTestHost.StartAsync(rs, new ManualClock(T0));

        var rows = new List<string>();
        var failures = new List<string>();
        int attacks = 0, refused = 0, controls = 0;
        foreach (var attack in Attacks())
        {
            var host = attack.Server == "RS256" ? rsHost : hsHost;
            TokenClaimsBuilder Claims() => host.Tokens.ForUser(TokenType.Access, host.Users.Get(1), T0);
            string token = attack.Token(Claims);

            var me = await Send(host.Client, HttpMethod.Get, "/api/me/", token);
            var anon = await Send(host.Client, HttpMethod.Get, "/api/", token);
            var verify = await Send(host.Client, HttpMethod.Post, "/api/token/verify/", null, "{\"token\":" + Json(token) + "}");
            var refresh = await Send(host.Client, HttpMethod.Post, "/api/token/refresh/", null, "{\"refresh\":" + Json(token) + "}");
            var all = new[] { me, anon, verify, refresh };
            if (all.Any(r => (int)r.Status >= 500)) failures.Add($"{attack.Name}: 5xx");
            if (attack.Control)
            {
                controls++;
                if (me.Status != HttpStatusCode.OK || anon.Status != HttpStatusCode.OK) failures.Add($"{attack.Name}: control refused ({me.Status}, {me.Body})");
            }
            else
            {
                attacks++;
                if (me.Status == HttpStatusCode.Unauthorized && anon.Status == HttpStatusCode.Unauthorized) refused++;
                else failures.Add($"{attack.Name}: /api/me/ {me.Status}, /api/ {anon.Status}");
            }
            rows.Add($"| {attack.Name} | {attack.Server} | {(int)me.Status} | {(int)anon.Status} | {(int)verify.Status} | {(int)refresh.Status} | {Detail(me.Body)} |");
        }
        var table = new StringBuilder()
            .AppendLine($"{refused} of {attacks} attacks refused with 401 on both views; {controls} leeway controls accepted; 5xx responses: {failures.Count(f => f.EndsWith("5xx", StringComparison.Ordinal))}.")
            .AppendLine()
            .AppendLine("| attack | server alg | /api/me/ | /api/ (AllowAny) | verify/ | refresh/ | /api/me/ message |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in rows) table.AppendLine(r);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "jwt-attack-results.md"), table.ToString());
        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Json(string s) => PythonJsonWriter.Serialize(s);

    private static string Detail(string body)
    {
        const string marker = "\"message\":\"";
        int i = body.LastIndexOf(marker, StringComparison.Ordinal);
        if (i < 0)
        {
            i = body.IndexOf("\"detail\":\"", StringComparison.Ordinal);
            if (i < 0) return body.Length > 40 ? body[..40] : body;
            i += 10;
        }
        else
        {
            i += marker.Length;
        }
        int end = body.IndexOf('"', i);
        return end < 0 ? body[i..] : body[i..end];
    }

    private static async Task<(HttpStatusCode Status, string Body)> Send(HttpClient client, HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
