using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>One request/response recorded from the Django oracle by Fixtures/jwt/record.sh.</summary>
public sealed record RecordedExchange(
    string Id,
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    string? RequestBody,
    IReadOnlyDictionary<string, string> Capture,
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    private static readonly Regex Jwt = new(@"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant);
    private static readonly Regex Var = new(@"\{\{([A-Za-z0-9_.-]+)\}\}", RegexOptions.CultureInvariant);

    public static string FixturePath(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "jwt", name);

    public static IReadOnlyList<RecordedExchange> Load(string file = "django.raw.jsonl") => LoadFrom(FixturePath(file));

    /// <summary>Loads a recording in this format from any path (the DRF fixtures use it too).</summary>
    public static IReadOnlyList<RecordedExchange> LoadFrom(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(Parse).ToList();

    private static RecordedExchange Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        return new RecordedExchange(
            r.GetProperty("id").GetString()!,
            r.GetProperty("method").GetString()!,
            r.GetProperty("path").GetString()!,
            r.GetProperty("request_headers").EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!)).ToList(),
            r.GetProperty("request_body").ValueKind == JsonValueKind.Null ? null : r.GetProperty("request_body").GetString(),
            r.GetProperty("capture").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            r.GetProperty("status").GetInt32(),
            r.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            r.GetProperty("body").GetString()!);
    }

    /// <summary>probe.py's <c>{{var}}</c> substitution (unknown names stay as they are).</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> vars) =>
        Var.Replace(text, m => vars.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>Tokens differ on every run: compare bodies with them masked, as the recording is.</summary>
    public static string Redact(string body) => Jwt.Replace(body, "<jwt>");
}
