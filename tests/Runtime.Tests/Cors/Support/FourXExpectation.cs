using System;
using System.Collections.Generic;
using System.Linq;

namespace DjangoSettings.Runtime.Tests.Cors.Support;

/// <summary>
/// The documented django-cors-headers 3.14 → 4.x deltas, applied to a record from the oracle
/// (3.14) before it is compared with ours (4.x). The same four rules as
/// <c>shared/oracle/compare.py --expect 4x</c>:
/// (a) Allow-Credentials dropped when there is no Allow-Origin (4.3.0);
/// (b) Vary tokens compared case-insensitively, order kept (4.0 writes <c>origin</c>);
/// (c) Allow-Headers: the 3.14 value replaced by the 4.x one (the default list shrank in 4.0);
/// (d) with private network on, an allowed response to a request carrying
///     <c>Access-Control-Request-Private-Network: true</c> gains <c>access-control-allow-private-network: true</c>;
/// (e) not a version delta but our documented difference: an Origin holding control or non-ASCII
///     characters is refused instead of echoed (see docs/cors.md).
/// </summary>
public sealed class FourXExpectation
{
    private const string Acao = "access-control-allow-origin";
    private const string Acac = "access-control-allow-credentials";
    private const string Acah = "access-control-allow-headers";
    private const string Acapn = "access-control-allow-private-network";

    /// <summary>3.14's default_headers, joined.</summary>
    public const string AllowHeaders314Default = "accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, x-csrftoken, x-requested-with";

    /// <summary>4.x's default_headers, joined.</summary>
    public const string AllowHeaders4xDefault = "accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with";

    private readonly string? _allowHeaders314;
    private readonly string? _allowHeaders4x;
    private readonly bool _privateNetwork;

    /// <summary>
    /// <paramref name="allowHeaders314"/>/<paramref name="allowHeaders4x"/>: the joined
    /// CORS_ALLOW_HEADERS as each version evaluates the file (equal for a literal list).
    /// </summary>
    public FourXExpectation(string? allowHeaders314, string? allowHeaders4x, bool privateNetwork)
    {
        _allowHeaders314 = allowHeaders314;
        _allowHeaders4x = allowHeaders4x;
        _privateNetwork = privateNetwork;
    }

    /// <summary>Rules (a), (c), (d) on an oracle record.</summary>
    public ProbeRecord Apply(ProbeRecord record, ProbeRequest request)
    {
        var h = new Dictionary<string, string>(record.Headers, StringComparer.Ordinal);
        if (!h.ContainsKey(Acao)) h.Remove(Acac);
        if (_allowHeaders314 is not null && h.TryGetValue(Acah, out var v) && v == _allowHeaders314) h[Acah] = _allowHeaders4x!;
        if (_privateNetwork && h.ContainsKey(Acao) && request.HeaderValue("Access-Control-Request-Private-Network") == "true") h[Acapn] = "true";
        string? origin = request.HeaderValue("Origin");
        if (h.TryGetValue(Acao, out var acao) && acao != "*" && origin is not null && !IsWritable(origin))
        {
            // (e) our deliberate difference: an Origin with control or non-ASCII characters is never
            // echoed (Kestrel cannot write it; Django echoes Latin-1 or fails with a 500).
            foreach (string name in h.Keys.Where(k => k.StartsWith("access-control-", StringComparison.Ordinal)).ToList()) h.Remove(name);
        }
        return record with { Headers = h };
    }

    private static bool IsWritable(string value) => value.All(c => (c >= 0x20 || c == '\t') && c <= 0x7E);

    /// <summary>Rule (b) plus the field-by-field comparison; returns one line per difference.</summary>
    public static List<string> Compare(ProbeRecord expected, ProbeRecord actual)
    {
        var problems = new List<string>();
        if (expected.Status != actual.Status) problems.Add($"status: {expected.Status} vs {actual.Status}");
        foreach (string name in expected.Headers.Keys.Union(actual.Headers.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            expected.Headers.TryGetValue(name, out var e);
            actual.Headers.TryGetValue(name, out var a);
            bool same = name == "vary" && e is not null && a is not null ? VaryTokens(e).SequenceEqual(VaryTokens(a)) : e == a;
            if (!same) problems.Add($"header {name}: '{e}' vs '{a}'");
        }
        return problems;
    }

    private static IEnumerable<string> VaryTokens(string value) =>
        value.Split(',').Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0);
}
