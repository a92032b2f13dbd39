using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace DjangoSettings.Generator.Tests.Cli.Sarif;

/// <summary>
/// The OASIS SARIF 2.1.0 schema (sarif-schema-2.1.0.json beside this file; README.md says where it
/// comes from), loaded with JsonSchema.Net. Linked into Package.Tests too, which validates the
/// installed tool's output.
/// </summary>
public static class SarifSchema
{
    private const string Draft04 = "http://json-schema.org/draft-04/schema#";
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";

    /// <summary>The schema file under the repository root.</summary>
    public static string FilePath(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "Generator.Tests", "Cli", "Sarif", "sarif-schema-2.1.0.json");

    /// <summary>Validates a log; returns the errors (empty when valid), each as "instance path: keyword: message".</summary>
    public static string[] Validate(string sarif, string repositoryRoot)
    {
        var schema = Load(FilePath(repositoryRoot));
        using var doc = JsonDocument.Parse(sarif);
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return Array.Empty<string>();
        return (result.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Key + ": " + e.Value))
            .DefaultIfEmpty("invalid (no details)")
            .ToArray();
    }

    private static JsonSchema Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        // README.md: the file is draft-04; evaluated as draft-07, which is the same validation only
        // while it uses no keyword whose meaning changed. Check that before relying on it.
        if ((string?)root["$schema"] != Draft04) throw new InvalidOperationException("expected the draft-04 OASIS schema");
        if (File.ReadAllText(path).Contains("\"exclusiveMinimum\"", StringComparison.Ordinal) || File.ReadAllText(path).Contains("\"exclusiveMaximum\"", StringComparison.Ordinal))
            throw new InvalidOperationException("the schema uses exclusiveMinimum/Maximum, whose meaning changed after draft-04");
        root["$schema"] = Draft07;
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { Dialect = Dialect.Draft07 });
    }
}
