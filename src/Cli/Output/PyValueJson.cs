using System.Text.Json;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Cli.Output;

/// <summary>
/// Python values as JSON: str, bool, int, float and None as themselves; list, tuple and set as
/// arrays; dicts with string keys as objects (else an array of [key, value] pairs); a timedelta as
/// <c>{"seconds": 900, "text": "0:15:00"}</c>; a compiled regex as <c>{"pattern", "ignoreCase"}</c>;
/// a path as <c>{"path", "anchor"}</c>; a value read at startup as <c>{"deferred": "os.environ.get(...)", "keys": [...], "default": ...}</c>.
/// </summary>
internal static class PyValueJson
{
    /// <summary>Writes one value.</summary>
    public static void Write(Utf8JsonWriter json, PyValue value)
    {
        switch (value)
        {
            case PyNone: json.WriteNullValue(); break;
            case PyBool b: json.WriteBooleanValue(b.Value); break;
            case PyInt i: json.WriteNumberValue(i.Value); break;
            case PyFloat f when double.IsNaN(f.Value) || double.IsInfinity(f.Value):
                // JSON has no NaN or infinity: write Python's repr.
                json.WriteStringValue(double.IsNaN(f.Value) ? "nan" : f.Value > 0 ? "inf" : "-inf");
                break;
            case PyFloat f: json.WriteNumberValue(f.Value); break;
            case PyStr s: json.WriteStringValue(s.Value); break;
            case PyBytes b:
                json.WriteStartObject();
                json.WriteString("bytes", b.Latin1);
                json.WriteEndObject();
                break;
            case PyTimeDelta t:
                json.WriteStartObject();
                json.WritePropertyName("seconds");
                if (t.Microseconds % 1_000_000 == 0) json.WriteNumberValue(t.Microseconds / 1_000_000);
                else json.WriteNumberValue(decimal.Divide(t.Microseconds, 1_000_000m));
                json.WriteString("text", ValueDescription.TimeDeltaText(t.Microseconds));
                json.WriteEndObject();
                break;
            case PyPath path:
                json.WriteStartObject();
                json.WriteString("path", path.Path);
                json.WriteString("anchor", path.Anchor.ToString());
                json.WriteEndObject();
                break;
            case PyPattern p:
                json.WriteStartObject();
                json.WriteString("pattern", p.Pattern);
                json.WriteBoolean("ignoreCase", p.IgnoreCase);
                json.WriteEndObject();
                break;
            case PySequence seq:
                json.WriteStartArray();
                foreach (var item in seq.Items) Write(json, item);
                json.WriteEndArray();
                break;
            case PyDict d:
                WriteDict(json, d);
                break;
            case PyDeferred d:
                json.WriteStartObject();
                json.WriteString("deferred", d.Description);
                json.WriteStartArray("keys");
                foreach (var key in d.EnvironmentKeys) json.WriteStringValue(key);
                json.WriteEndArray();
                json.WritePropertyName("default");
                if (d.Default is null) json.WriteNullValue();
                else Write(json, d.Default);
                if (d.ExpectedType is not null) json.WriteString("type", d.ExpectedType);
                json.WriteEndObject();
                break;
            case PyUnknown u:
                json.WriteStartObject();
                json.WriteString("unknown", u.Reason);
                json.WriteEndObject();
                break;
            case PyOpaque o:
                json.WriteStartObject();
                json.WriteString("opaque", o.Kind + " " + o.Name);
                json.WriteEndObject();
                break;
            default:
                json.WriteStartObject();
                json.WriteString("unsupported", value.TypeName);
                json.WriteEndObject();
                break;
        }
    }

    private static void WriteDict(Utf8JsonWriter json, PyDict dict)
    {
        bool stringKeys = true;
        foreach (var entry in dict.Entries) stringKeys &= entry.Key is PyStr;
        if (stringKeys)
        {
            json.WriteStartObject();
            foreach (var entry in dict.Entries)
            {
                json.WritePropertyName(((PyStr)entry.Key).Value);
                Write(json, entry.Value);
            }
            json.WriteEndObject();
            return;
        }
        json.WriteStartArray();
        foreach (var entry in dict.Entries)
        {
            json.WriteStartArray();
            Write(json, entry.Key);
            Write(json, entry.Value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
