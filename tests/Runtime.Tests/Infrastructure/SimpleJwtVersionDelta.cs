using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DjangoSettings.Runtime.Tests.Infrastructure;

/// <summary>
/// The documented simplejwt 5.2.2 (the oracle) → 5.5.x (the port, docs/jwt-runtime.md) deltas, applied
/// to probe.py recordings made with <c>--all-headers --body</c> before they are compared, as
/// <c>compare.py --expect 4x</c> applies django-cors-headers' deltas:
/// (a) an undecodable token is <c>Token is invalid</c>, not <c>Token is invalid or expired</c>
///     (the body and its Content-Length follow);
/// (b) 5.5.1 writes <c>user_id</c> as a string, so a response carrying tokens differs in length by a
///     few characters: its Content-Length is not compared (the tokens themselves are redacted by probe.py).
/// </summary>
public static class SimpleJwtVersionDelta
{
    private const string Old = "Token is invalid or expired";
    private const string New = "Token is invalid";
    // "<jwt>" must stay readable: the default encoder would write it as \u003Cjwt\u003E.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Rewrites a Django recording (<paramref name="django"/>) and ours (<paramref name="ours"/>) into comparable files; returns their paths.</summary>
    public static (string Expected, string Actual) Apply(string django, string ours, string directory)
    {
        string expected = Path.Combine(directory, "django.delta.jsonl"), actual = Path.Combine(directory, "ours.delta.jsonl");
        File.WriteAllLines(expected, Transform(django, expectedSide: true));
        File.WriteAllLines(actual, Transform(ours, expectedSide: false));
        return (expected, actual);
    }

    private static IEnumerable<string> Transform(string path, bool expectedSide)
    {
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var record = JsonNode.Parse(line)!.AsObject();
            var headers = record["headers"]!.AsObject();
            string body = record["body"]?.ToJsonString(Relaxed) ?? "";
            if (expectedSide && body.Contains(Old, StringComparison.Ordinal))
            {
                int occurrences = (body.Length - body.Replace(Old, "", StringComparison.Ordinal).Length) / Old.Length;
                record["body"] = JsonNode.Parse(body.Replace(Old, New, StringComparison.Ordinal));
                if (headers["content-length"]?.GetValue<string>() is { } length)
                {
                    headers["content-length"] = (int.Parse(length, CultureInfo.InvariantCulture) - occurrences * (Old.Length - New.Length)).ToString(CultureInfo.InvariantCulture);
                }
            }
            if (body.Contains("\"<jwt>\"", StringComparison.Ordinal)) headers.Remove("content-length");
            yield return record.ToJsonString(Relaxed);
        }
    }
}
