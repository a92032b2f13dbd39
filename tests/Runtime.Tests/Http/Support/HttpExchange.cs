using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Runtime.Tests.Http.Support;

/// <summary>Our response as probe.py --all-headers --body would have recorded it.</summary>
public sealed class HttpExchange
{
    /// <summary>Captures status, every header (lower-case names, repeated ones joined with ", ") and the body.</summary>
    public HttpExchange(int status, IHeaderDictionary headers, string body)
    {
        Status = status;
        Body = body;
        foreach (var (name, values) in headers) Headers[name.ToLowerInvariant()] = string.Join(", ", values.ToArray());
        if (headers.ContentLength is long length) Headers["content-length"] = length.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Status code.</summary>
    public int Status { get; }

    /// <summary>Body text (UTF-8).</summary>
    public string Body { get; }

    /// <summary>Headers by lower-case name.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.Ordinal);

    /// <summary>A header's value or null.</summary>
    public string? this[string name] => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>Compares a Django recording with our answer, field by field.</summary>
public static class HttpComparison
{
    // Framing that belongs to the server, not to Django: runserver closes connections whose response
    // has no Content-Length (spec §1.4), Kestrel would chunk them; in process neither is visible.
    private static readonly HashSet<string> ServerHeaders = new(StringComparer.Ordinal) { "date", "server", "connection", "transfer-encoding" };

    /// <summary>
    /// One line per difference: status, every header but the server's framing (Vary compared as
    /// case-insensitive tokens in order: django-cors-headers 4.x writes <c>origin</c>), and the body
    /// (JSON compared as values, text byte for byte) unless <paramref name="compareBody"/> is false.
    /// </summary>
    public static List<string> Compare(HttpProbeRecord expected, HttpExchange actual, bool compareBody = true, ISet<string>? ignoreHeaders = null)
    {
        var problems = new List<string>();
        if (expected.Status != actual.Status) problems.Add($"status: {expected.Status} vs {actual.Status}");
        var names = expected.Headers.Keys.Union(actual.Headers.Keys).Where(n => !ServerHeaders.Contains(n) && (ignoreHeaders is null || !ignoreHeaders.Contains(n)));
        foreach (string name in names.OrderBy(n => n, StringComparer.Ordinal))
        {
            expected.Headers.TryGetValue(name, out var e);
            actual.Headers.TryGetValue(name, out var a);
            bool same = name == "vary" && e is not null && a is not null ? Tokens(e).SequenceEqual(Tokens(a)) : e == a;
            if (!same) problems.Add($"header {name}: '{e}' vs '{a}'");
        }
        if (compareBody && expected.Body is JsonElement body && !BodyEquals(body, actual.Body))
        {
            problems.Add($"body: {Shorten(body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText())} vs {Shorten(actual.Body)}");
        }
        return problems;
    }

    private static bool BodyEquals(JsonElement expected, string actual)
    {
        if (expected.ValueKind == JsonValueKind.String)
        {
            // probe.py keeps the first 2000 characters of a text body; JSON text is parsed instead.
            string text = expected.GetString()!;
            if (TryParse(actual, out var parsedActual) && parsedActual.ValueKind != JsonValueKind.String) return false;
            return actual.Length <= 2000 ? text == actual : actual.StartsWith(text, StringComparison.Ordinal);
        }
        if (expected.ValueKind == JsonValueKind.Null) return actual.Trim().Length == 0;
        return TryParse(actual, out var ours) && JsonEquals(expected, Redact(ours));
    }

    private static bool TryParse(string text, out JsonElement value)
    {
        value = default;
        if (text.Trim().Length == 0) return false;
        try
        {
            using var doc = JsonDocument.Parse(text);
            value = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // probe.py replaces every string that looks like a JWT with "<jwt>".
    private static JsonElement Redact(JsonElement e)
    {
        string json = e.GetRawText();
        string redacted = System.Text.RegularExpressions.Regex.Replace(json, "\"eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\"", "\"<jwt>\"");
        using var doc = JsonDocument.Parse(redacted);
        return doc.RootElement.Clone();
    }

    private static bool JsonEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind) return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var ap = a.EnumerateObject().ToList();
                var bp = b.EnumerateObject().ToList();
                return ap.Count == bp.Count && ap.All(p => b.TryGetProperty(p.Name, out var v) && JsonEquals(p.Value, v));
            case JsonValueKind.Array:
                var ai = a.EnumerateArray().ToList();
                var bi = b.EnumerateArray().ToList();
                return ai.Count == bi.Count && ai.Zip(bi).All(t => JsonEquals(t.First, t.Second));
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Number:
                return a.GetRawText() == b.GetRawText();
            default:
                return true;
        }
    }

    private static IEnumerable<string> Tokens(string value) => value.Split(',').Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0);

    private static string Shorten(string s) => s.Length <= 120 ? s : s.Substring(0, 120) + "...";
}
