using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace DjangoSettings.Jwt;

/// <summary>
/// Parses token JSON into claims with the semantics of Python's <c>json.loads</c> where they
/// matter for security: duplicate keys keep the last value (so a token's meaning is the same
/// here and in Django), integers stay integers, and floats stay floats.
/// </summary>
internal static class PythonJsonReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>Parses a JSON object; false for anything else or malformed input (never throws).</summary>
    public static bool TryParseObject(ReadOnlyMemory<byte> utf8, out TokenPayload payload)
    {
        payload = null!;
        try
        {
            using var doc = JsonDocument.Parse(utf8, Options);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return false;
            payload = (TokenPayload)Convert(doc.RootElement)!;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static object? Convert(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var items = new List<KeyValuePair<string, object?>>();
                foreach (var p in e.EnumerateObject()) items.Add(new(p.Name, Convert(p.Value)));
                return new TokenPayload(items);
            case JsonValueKind.Array:
                var list = new List<object?>();
                foreach (var item in e.EnumerateArray()) list.Add(Convert(item));
                return list.AsReadOnly();
            case JsonValueKind.String:
                return e.GetString();
            case JsonValueKind.Number:
                string raw = e.GetRawText();
                if (raw.AsSpan().IndexOfAny(".eE") < 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
                {
                    return l;
                }
                return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
