using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace DjangoSettings.Runtime.Tests.Http.Support;

/// <summary>One request of a probe.py corpus, with its raw body.</summary>
public sealed record HttpProbeRequest(string Id, string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body)
{
    /// <summary>A header's value as a WSGI server hands it to Django (repeated fields joined with ",").</summary>
    public string? HeaderValue(string name)
    {
        var values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(",", values);
    }
}

/// <summary>One line of probe.py output with <c>--all-headers --body</c>.</summary>
public sealed record HttpProbeRecord(string Id, int Status, IReadOnlyDictionary<string, string> Headers, JsonElement? Body);

/// <summary>Reading corpora and recordings, in probe.py's formats.</summary>
public static class HttpProbeFiles
{
    /// <summary>The fixtures folder of these tests.</summary>
    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "http");

    /// <summary>Loads a corpus (<c>{"requests": [...]}</c> or a list); <c>json</c> bodies become text with their Content-Type, as probe.py sends them.</summary>
    public static IReadOnlyList<HttpProbeRequest> LoadCorpus(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.GetProperty("requests") : doc.RootElement;
        var list = new List<HttpProbeRequest>();
        foreach (var r in root.EnumerateArray())
        {
            var headers = new List<KeyValuePair<string, string>>();
            if (r.TryGetProperty("headers", out var h))
            {
                if (h.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in h.EnumerateObject()) headers.Add(new(p.Name, p.Value.GetString() ?? ""));
                }
                else
                {
                    foreach (var pair in h.EnumerateArray()) headers.Add(new(pair[0].GetString()!, pair[1].GetString()!));
                }
            }
            string? body = null;
            if (r.TryGetProperty("json", out var j))
            {
                body = PythonJsonDumps(j);
                if (!headers.Any(x => string.Equals(x.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))) headers.Add(new("Content-Type", "application/json"));
            }
            else if (r.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String)
            {
                body = b.GetString();
            }
            list.Add(new HttpProbeRequest(r.GetProperty("id").GetString()!, r.TryGetProperty("method", out var m) ? m.GetString()! : "GET",
                r.GetProperty("path").GetString()!, headers, body));
        }
        return list;
    }

    /// <summary>Loads probe.py output lines.</summary>
    public static IReadOnlyList<HttpProbeRecord> LoadRecords(string path)
    {
        var list = new List<HttpProbeRecord>();
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in r.GetProperty("headers").EnumerateObject()) headers[p.Name] = p.Value.GetString()!;
            JsonElement? body = r.TryGetProperty("body", out var b) ? b.Clone() : null;
            list.Add(new HttpProbeRecord(r.GetProperty("id").GetString()!, r.GetProperty("status").GetInt32(), headers, body));
        }
        return list;
    }

    // json.dumps(value) with Python's default separators, as probe.py encodes "json" bodies.
    private static string PythonJsonDumps(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(", ", e.EnumerateObject().Select(p => JsonSerializer.Serialize(p.Name) + ": " + PythonJsonDumps(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(", ", e.EnumerateArray().Select(PythonJsonDumps)) + "]",
        _ => e.GetRawText(),
    };
}
