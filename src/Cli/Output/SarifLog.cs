using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Cli.Output;

/// <summary>
/// <c>check --format sarif</c>: a SARIF 2.1.0 log (OASIS standard, the format GitHub code scanning
/// uploads) with one run. Its rules are the catalogue entries the results use (id, title, help
/// link, default level, category); each result has the file, line and column range of the
/// diagnostic and its related locations. Paths under the current directory are written relative to
/// <c>%SRCROOT%</c> (the current directory), so a run from the repository root gives the
/// repository-relative paths code scanning expects; other paths are absolute <c>file:</c> URIs.
/// </summary>
internal static class SarifLog
{
    /// <summary>The schema URI written into the log (where SARIF viewers and GitHub look it up).</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The tool's home page.</summary>
    public const string InformationUri = "https://github.com/djangosettings/djangosettings";

    private const string SourceRoot = "%SRCROOT%";

    /// <summary>The log, indented.</summary>
    /// <param name="diagnostics">The results, in reading order.</param>
    /// <param name="toolVersion">The tool's version.</param>
    /// <param name="currentDirectory">What relative paths are relative to.</param>
    /// <param name="mode">How the values were evaluated (<c>build</c> or <c>startup</c>), kept in the run's properties.</param>
    /// <param name="variableNames">The names (never the values) of the variables given with --env/--env-file.</param>
    public static string Write(IReadOnlyList<SettingsDiagnostic> diagnostics, string toolVersion, string currentDirectory, string mode, IReadOnlyList<string> variableNames)
    {
        var rules = diagnostics.Select(d => d.Descriptor).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        string root = currentDirectory.EndsWith(Path.DirectorySeparatorChar) ? currentDirectory : currentDirectory + Path.DirectorySeparatorChar;

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "djangosettings");
            json.WriteString("informationUri", InformationUri);
            json.WriteString("version", toolVersion);
            json.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            // The tool ran to the end; findings are results, not a failed run.
            json.WriteBoolean("executionSuccessful", true);
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            json.WriteString("uri", new Uri(root).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var d in diagnostics) WriteResult(json, d, ruleIndex[d.Id], root);
            json.WriteEndArray();

            json.WriteStartObject("properties");
            json.WriteString("evaluation", mode);
            json.WriteStartArray("environmentVariables");
            foreach (string name in variableNames) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>SARIF's level for a severity.</summary>
    public static string Level(SettingsSeverity severity) => severity switch
    {
        SettingsSeverity.Error => "error",
        SettingsSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteRule(Utf8JsonWriter json, DjsDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", RuleName(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpLinkUri);
        json.WriteStartObject("help");
        json.WriteString("text", rule.Title + ": see " + rule.HelpLinkUri);
        json.WriteString("markdown", "[" + rule.Id + "](" + rule.HelpLinkUri + "): " + rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        json.WriteStringValue("django");
        json.WriteStringValue(rule.Category.ToLowerInvariant());
        json.WriteEndArray();
        if (rule.DjangoCheck is not null) json.WriteString("djangoCheck", rule.DjangoCheck);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, SettingsDiagnostic d, int ruleIndex, string root)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", d.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, d.Location, root);
        json.WriteEndObject();
        json.WriteEndArray();
        if (d.AdditionalLocations.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            int id = 1;
            foreach (var related in d.AdditionalLocations)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                WritePhysicalLocation(json, related, root);
                json.WriteStartObject("message");
                json.WriteString("text", "related location");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceLocation location, string root)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        string full = Path.GetFullPath(location.Path);
        if (full.StartsWith(root, StringComparison.Ordinal))
        {
            json.WriteString("uri", RelativeUri(full.Substring(root.Length)));
            json.WriteString("uriBaseId", SourceRoot);
        }
        else
        {
            json.WriteString("uri", new Uri(full).AbsoluteUri);
        }
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", location.Start.Line);
        json.WriteNumber("startColumn", location.Start.Column);
        if (location.Span.Length > 0)
        {
            // SARIF's endColumn is the column after the region, as the core's End position is.
            json.WriteNumber("endLine", location.End.Line);
            json.WriteNumber("endColumn", location.End.Column);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // A relative URI reference: forward slashes, each segment percent-encoded.
    private static string RelativeUri(string relativePath)
        => string.Join("/", relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));

    // SARIF's rule name is an identifier-like word: "Invalid syntax" becomes "InvalidSyntax".
    private static string RuleName(string title)
    {
        var sb = new StringBuilder();
        foreach (string word in title.Split(new[] { ' ', '-', '_', '/', '(', ')', '.', ',', '\'', ':' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string letters = new(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length == 0) continue;
            sb.Append(char.ToUpperInvariant(letters[0])).Append(letters, 1, letters.Length - 1);
        }
        return sb.ToString();
    }
}
