using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DjangoSettings.Generator;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Cli.Json;

/// <summary>
/// The <c>check --json</c> document: <c>{"diagnostics": [...], "settings": {...}}</c>, where
/// settings maps every setting the files set (binding key, <c>SIMPLE_JWT.ALGORITHM</c>) to its value.
/// </summary>
internal static class CheckResultJson
{
    /// <summary>The document, indented, with the diagnostics in the given order.</summary>
    public static string Write(CompilationResult result, IReadOnlyList<SettingsDiagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics) WriteDiagnostic(json, d);
            json.WriteEndArray();
            json.WriteStartObject("settings");
            if (result.Settings is { } settings)
            {
                foreach (var setting in settings.All)
                {
                    if (!setting.IsSet) continue;
                    json.WritePropertyName(setting.Key);
                    PyValueJson.Write(json, setting.Value);
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, SettingsDiagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("severity", SettingsDiagnostic.SeverityWord(d.Severity));
        json.WriteString("file", d.Location.Path);
        json.WriteNumber("line", d.Location.Start.Line);
        json.WriteNumber("column", d.Location.Start.Column);
        json.WriteNumber("endLine", d.Location.End.Line);
        json.WriteNumber("endColumn", d.Location.End.Column);
        json.WriteString("message", d.Message);
        json.WriteString("helpLink", d.Descriptor.HelpLinkUri);
        json.WriteEndObject();
    }
}
