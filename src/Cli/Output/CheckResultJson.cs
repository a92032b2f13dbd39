using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DjangoSettings.Cli.Commands;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Cli.Output;

/// <summary>
/// The <c>check --format json</c> document, one object per settings file checked:
/// <c>{"file", "imports", "diagnostics": [...], "settings": {...}}</c>, where settings maps every
/// setting the file sets (binding key, <c>SIMPLE_JWT.ALGORITHM</c>) to its value. One file gives
/// that object; several give an array of them in command-line order. A secret's concrete value
/// (<c>SECRET_KEY</c>, <c>SIGNING_KEY</c>, a database password) is never printed: CI logs keep output.
/// </summary>
internal static class CheckResultJson
{
    /// <summary>The document, indented.</summary>
    public static string Write(IReadOnlyList<CheckedFile> files)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            if (files.Count == 1)
            {
                WriteFile(json, files[0]);
            }
            else
            {
                json.WriteStartArray();
                foreach (var file in files) WriteFile(json, file);
                json.WriteEndArray();
            }
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFile(Utf8JsonWriter json, CheckedFile file)
    {
        json.WriteStartObject();
        json.WriteString("file", file.Module.Path);
        json.WriteStartArray("imports");
        for (int i = 0; i < file.Module.Sources.Count - 1; i++) json.WriteStringValue(file.Module.Sources[i].Path);
        json.WriteEndArray();
        json.WriteStartArray("diagnostics");
        foreach (var d in file.Diagnostics) WriteDiagnostic(json, d);
        json.WriteEndArray();
        json.WriteStartObject("settings");
        if (file.Result.Settings is { } settings)
        {
            foreach (var setting in settings.All)
            {
                if (!setting.IsSet) continue;
                json.WritePropertyName(setting.Key);
                if (SecretChecks.IsSecret(setting.Key) && setting.Value is PyStr secret)
                {
                    json.WriteStartObject();
                    json.WriteString("redacted", "a secret: the value is not printed");
                    json.WriteNumber("length", secret.Value.Length);
                    json.WriteEndObject();
                }
                else
                {
                    PyValueJson.Write(json, setting.Value);
                }
            }
        }
        json.WriteEndObject();
        json.WriteEndObject();
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
