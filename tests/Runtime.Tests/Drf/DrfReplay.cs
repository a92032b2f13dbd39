using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Jwt;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// Replays a DRF recording (Fixtures/drf/NAME.jsonl, made by Fixtures/drf/record.sh from the oracle)
/// against a test server and lists every difference: status, the DRF and locale headers, and the
/// body byte for byte (JWTs masked).
/// </summary>
public static class DrfReplay
{
    private static readonly string[] ComparedHeaders =
        ["content-type", "content-length", "www-authenticate", "allow", "vary", "retry-after", "content-language"];

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "drf", name);

    public static IReadOnlyList<RecordedExchange> Load(string scenario) => RecordedExchange.LoadFrom(FixturePath(scenario + ".jsonl"));

    /// <summary>
    /// Replays <paramref name="scenario"/> on <paramref name="server"/>; returns one line per
    /// differing request. Requests are handed to the server as an HttpContext, so headers arrive as
    /// recorded (HttpClient would drop an empty <c>Accept:</c>). The oracle runs django-cors-headers
    /// first, which adds <c>Origin</c> to <c>Vary</c>: it is dropped from the recording's Vary unless
    /// <paramref name="withCors"/>. Requests <paramref name="skip"/> selects are sent (their captures
    /// count) but not compared.
    /// </summary>
    public static Task<List<string>> RunAsync(TestServer server, string scenario, bool withCors = false, Func<RecordedExchange, bool>? skip = null)
    {
        var recorded = Load(scenario);
        if (recorded.Count == 0) throw new InvalidOperationException($"fixture {scenario} is empty: run tests/Runtime.Tests/Fixtures/drf/record.sh");
        return RunAsync(server, recorded, withCors, skip);
    }

    /// <summary>Replays exchanges recorded elsewhere (a live recording from the oracle) as <see cref="RunAsync(TestServer, string, bool, Func{RecordedExchange, bool}?)"/> does.</summary>
    public static async Task<List<string>> RunAsync(TestServer server, IReadOnlyList<RecordedExchange> recorded, bool withCors = false, Func<RecordedExchange, bool>? skip = null)
    {
        var vars = new Dictionary<string, string>();
        var failures = new List<string>();
        foreach (var ex in recorded)
        {
            var (status, headers, body) = await SendAsync(server, ex, vars);
            Capture(ex, body, vars);
            if (skip?.Invoke(ex) == true) continue;
            var problems = new List<string>();
            if (status != ex.Status) problems.Add($"status {status} != {ex.Status}");
            foreach (var name in ComparedHeaders)
            {
                headers.TryGetValue(name, out var ours);
                ex.Headers.TryGetValue(name, out var theirs);
                if (name == "vary" && !withCors) theirs = WithoutOrigin(theirs);
                if (ours != theirs) problems.Add($"{name}: '{ours}' != '{theirs}'");
            }
            string redacted = RecordedExchange.Redact(body);
            if (redacted != ex.Body) problems.Add($"body:\n    ours   {redacted}\n    django {ex.Body}");
            if (problems.Count > 0) failures.Add($"{ex.Id}: {string.Join("; ", problems)}");
        }
        return failures;
    }

    /// <summary>Sends one recorded request as probe.py would (Content-Length: 0 for a bodiless POST/PUT/PATCH).</summary>
    public static async Task<(int Status, Dictionary<string, string> Headers, string Body)> SendAsync(TestServer server, RecordedExchange ex, IReadOnlyDictionary<string, string> vars)
    {
        string target = RecordedExchange.Substitute(ex.Path, vars);
        int q = target.IndexOf('?', StringComparison.Ordinal);
        byte[]? body = ex.RequestBody is null ? null : Encoding.UTF8.GetBytes(RecordedExchange.Substitute(ex.RequestBody, vars));
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = ex.Method;
            // As Kestrel: the raw target kept, the path percent-decoded for routing.
            c.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget = target;
            c.Request.Path = PathString.FromUriComponent(q < 0 ? target : target.Substring(0, q));
            c.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(target.Substring(q));
            // probe.py sends Host: 127.0.0.1:PORT unless the corpus names one; corpora that build URLs name it.
            // TestServer presets Host: localhost; the corpus's own Host replaces it.
            c.Request.Headers.Remove("Host");
            bool hostGiven = ex.RequestHeaders.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase));
            if (!hostGiven) c.Request.Headers.Host = "testserver";
            foreach (var (name, value) in ex.RequestHeaders)
            {
                string v = RecordedExchange.Substitute(value, vars);
                // Append drops an empty value; an empty header must arrive as one empty value.
                if (c.Request.Headers.ContainsKey(name)) c.Request.Headers.Append(name, v);
                else c.Request.Headers[name] = v;
            }
            if (body is not null)
            {
                c.Request.ContentLength = body.Length;
                c.Request.Body = new MemoryStream(body);
            }
            else if (ex.Method is "POST" or "PUT" or "PATCH")
            {
                c.Request.ContentLength = 0;
            }
        });
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Response.Headers) headers[name.ToLowerInvariant()] = string.Join(", ", values.ToArray());
        string text = ex.Method == "HEAD" ? "" : await new StreamReader(context.Response.Body, Encoding.UTF8).ReadToEndAsync();
        return (context.Response.StatusCode, headers, text);
    }

    private static void Capture(RecordedExchange ex, string body, Dictionary<string, string> vars)
    {
        if (ex.Capture.Count == 0) return;
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        foreach (var (name, field) in ex.Capture)
        {
            if (doc.RootElement.TryGetProperty(field, out var value)) vars[name] = value.ToString();
        }
    }

    private static string? WithoutOrigin(string? vary)
    {
        if (vary is null) return null;
        var tokens = vary.Split(',').Select(t => t.Trim()).Where(t => !t.Equals("Origin", StringComparison.OrdinalIgnoreCase)).ToList();
        return tokens.Count == 0 ? null : string.Join(", ", tokens);
    }
}
