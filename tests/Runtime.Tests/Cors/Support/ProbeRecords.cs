using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace DjangoSettings.Runtime.Tests.Cors.Support;

/// <summary>One request of a probe.py corpus.</summary>
public sealed record ProbeRequest(string Id, string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, string? JsonBody)
{
    /// <summary>The value a WSGI server hands Django for a header: every field stripped, joined with ','.</summary>
    public string? HeaderValue(string name)
    {
        var values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()).ToList();
        return values.Count == 0 ? null : string.Join(",", values);
    }

    /// <summary>probe.py's definition: OPTIONS (any case) with an Access-Control-Request-Method field.</summary>
    public bool IsPreflight => string.Equals(Method, "OPTIONS", StringComparison.OrdinalIgnoreCase) && HeaderValue("Access-Control-Request-Method") is not null;
}

/// <summary>One line of probe.py output.</summary>
public sealed record ProbeRecord(string Id, int Status, IReadOnlyDictionary<string, string> Headers);

/// <summary>Reading corpora and probe output; recording our own responses the way probe.py does.</summary>
public static class ProbeFiles
{
    /// <summary>Loads a corpus (a list, or an object with "requests").</summary>
    public static IReadOnlyList<ProbeRequest> LoadCorpus(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.GetProperty("requests") : doc.RootElement;
        var list = new List<ProbeRequest>();
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
            string? json = r.TryGetProperty("json", out var j) ? j.GetRawText() : null;
            list.Add(new ProbeRequest(
                r.GetProperty("id").GetString()!,
                r.TryGetProperty("method", out var m) ? m.GetString()! : "GET",
                r.GetProperty("path").GetString()!,
                headers,
                json));
        }
        return list;
    }

    /// <summary>Loads probe.py JSON lines.</summary>
    public static IReadOnlyList<ProbeRecord> LoadRecords(string path)
    {
        var list = new List<ProbeRecord>();
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in r.GetProperty("headers").EnumerateObject()) headers[p.Name] = p.Value.GetString()!;
            list.Add(new ProbeRecord(r.GetProperty("id").GetString()!, r.GetProperty("status").GetInt32(), headers));
        }
        return list;
    }

    /// <summary>Turns our response into what probe.py would have recorded from it.</summary>
    public static ProbeRecord Record(ProbeRequest request, CorsExchange exchange)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in exchange.Headers)
        {
            if (name.StartsWith("access-control-", StringComparison.Ordinal) || name == "vary" || name == "content-type"
                || (name == "content-length" && request.IsPreflight))
            {
                headers[name] = value;
            }
        }
        return new ProbeRecord(request.Id, exchange.Status, headers);
    }

    /// <summary>Sends a corpus request to the in-process server (probe.py adds nothing but Host and Content-Length).</summary>
    public static System.Threading.Tasks.Task<CorsExchange> SendAsync(CorsTestServer server, ProbeRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>(request.Headers);
        if (request.JsonBody is not null && !headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
            headers.Add(new("Content-Type", "application/json"));
        return server.SendAsync(request.Method, request.Path, headers);
    }
}
