using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Evaluation.Values;
using Xunit;

namespace DjangoSettings.Generator.Tests.Infrastructure;

/// <summary>
/// Compares evaluated CORS_* and SIMPLE_JWT values with what Django computed for the same file
/// (a recording of the oracle's dump_settings.py --4x): at startup the values themselves, at build
/// time the defaults of deferred values.
/// </summary>
internal static class OracleValues
{
    /// <summary>Asserts every value the recording has and the module binds; returns how many were compared.</summary>
    public static int CompareAll(string file, JsonElement expected, SettingsModule module, bool useDefaults)
    {
        int compared = 0;
        var aliases = new Dictionary<string, string>
        {
            ["CORS_ALLOWED_ORIGINS"] = "CORS_ORIGIN_WHITELIST",
            ["CORS_ALLOW_ALL_ORIGINS"] = "CORS_ORIGIN_ALLOW_ALL",
            ["CORS_ALLOWED_ORIGIN_REGEXES"] = "CORS_ORIGIN_REGEX_WHITELIST",
        };
        foreach (var property in expected.GetProperty("cors").EnumerateObject())
        {
            string key = property.Name;
            string? name = module.Names.ContainsKey(key) ? key : aliases.TryGetValue(key, out var legacy) && module.Names.ContainsKey(legacy) ? legacy : null;
            if (name is null) continue;
            var want = key == "CORS_ALLOW_HEADERS" ? expected.GetProperty("cors_4x").GetProperty("CORS_ALLOW_HEADERS") : property.Value;
            compared += Compare(file, name, module.Names[name].Value, want, module, useDefaults);
        }
        if (module.Names.TryGetValue("SIMPLE_JWT", out var jwt))
        {
            var dict = jwt.Value as PyDict;
            Assert.True(dict is not null, file + ": SIMPLE_JWT is " + jwt.Value);
            foreach (var key in expected.GetProperty("simple_jwt_user_keys").EnumerateArray().Select(k => k.GetString()!))
            {
                // Keys simplejwt does not read (a project's own) have no value in its api_settings.
                if (!expected.GetProperty("simple_jwt").TryGetProperty(key, out var want)) continue;
                var entry = dict!.Entries.Single(e => e.Key is PyStr s && s.Value == key);
                compared += Compare(file, "SIMPLE_JWT['" + key + "']", entry.Value, want, module, useDefaults);
            }
        }
        return compared;
    }

    private static int Compare(string file, string what, PyValue value, JsonElement want, SettingsModule module, bool useDefaults)
    {
        if (useDefaults)
        {
            if (value is PyDeferred d)
            {
                if (d.Default is null) return 0;
                value = d.Default;
            }
            if (!value.IsConstant) return 0;
        }
        if (value is PyUnknown unknown)
        {
            // Only a name the oracle's base settings define (SECRET_KEY) may be missing here: a
            // fragment's undefined SECRET_KEY is read from configuration, which is empty in this test.
            Assert.True(module.Diagnostics.Any(x => x.Id == DiagnosticDescriptors.NameNotDefined.Id || x.Id == DiagnosticDescriptors.MissingEnvironmentVariable.Id), file + ": " + what + " is unknown: " + unknown.Reason);
            return 0;
        }
        Assert.True(value.IsConstant, file + ": " + what + " is not constant: " + value);
        var actual = JsonSerializer.Serialize(Py.Plain(value) is List<KeyValuePair<object?, object?>> pairs ? pairs.ToDictionary(p => p.Key!.ToString()!, p => p.Value) : Py.Plain(value));
        var expectedJson = JsonSerializer.Serialize(Normalize(want));
        Assert.True(expectedJson == actual, file + ": " + what + (useDefaults ? " (build-time default)" : string.Empty) + "\n expected " + expectedJson + "\n actual   " + actual);
        return 1;
    }

    private static object? Normalize(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText().Contains('.') ? e.GetDouble() : e.GetInt64(),
        JsonValueKind.Array => e.EnumerateArray().Select(Normalize).ToList(),
        _ => e.EnumerateObject().ToDictionary(p => p.Name, p => Normalize(p.Value)),
    };
}
