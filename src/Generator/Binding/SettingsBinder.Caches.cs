using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Binding;

// CACHES: the 'default' alias is bound key by key (CACHES.default.*), as DATABASES is; the checks
// (Checks/CacheChecks.cs) look at every alias.
internal static partial class SettingsBinder
{
    private static Dictionary<string, PyDictEntry> DefaultCacheEntries(SettingBinding? caches, Reporter diagnostics)
    {
        var result = new Dictionary<string, PyDictEntry>(StringComparer.Ordinal);
        if (caches is null) return result;
        var unknown = caches.Value as PyUnknown;
        PyDictEntry? defaultEntry = null;
        if (caches.Value is PyDict dict)
        {
            defaultEntry = dict.Entries.LastOrDefault(e => e.Key is PyStr { Value: "default" });
            unknown ??= defaultEntry?.Value as PyUnknown;
        }
        if (unknown is not null)
        {
            // CACHES read by code the evaluator cannot follow: the port keeps histories in process.
            var at = unknown.Origin ?? caches.NameLocation;
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SettingAssumed, at, defaultEntry is null ? "CACHES" : "CACHES['default']", unknown.Reason, SettingAssumptions.CacheAssumption));
            if (unknown.Cause is { } cause) diagnostics.Add(cause);
            return result;
        }
        if (defaultEntry?.Value is not PyDict inner) return result;
        foreach (var entry in inner.Entries)
        {
            if (entry.Key is PyStr k) result[k.Value] = entry;
        }
        return result;
    }

    // OPTIONS hold ints, bools and strs (SOCKET_TIMEOUT: 5, IGNORE_EXCEPTIONS: True, PASSWORD: env(...)):
    // the runtime reads them as text, as Python's str() writes them. Other values (dicts of pool
    // arguments) change nothing the port does and are left out.
    private static PyValue CacheValue(SettingDefinition def, PyValue value)
    {
        if (def.Kind != SettingKind.StringMap || value is not PyDict dict) return value;
        var entries = new List<PyDictEntry>(dict.Entries.Count);
        foreach (var entry in dict.Entries)
        {
            PyValue? text = entry.Value switch
            {
                PyBool b => new PyStr(b.Value ? "True" : "False") { Origin = entry.Value.Origin },
                PyFloat => new PyStr(ValueDescription.Repr(entry.Value)) { Origin = entry.Value.Origin },
                PyDeferred { ExpectedType: "bool" } d => d with { ExpectedType = "str", Default = d.Default is null ? null : CacheOptionText(d.Default) },
                PyStr or PyNone or PyInt or PyDeferred or PyUnknown => AsText(entry.Value),
                _ => null,
            };
            if (text is not null) entries.Add(new PyDictEntry(entry.Key, text));
        }
        return new PyDict(entries.ToEquatableArray()) { Origin = value.Origin, DefinedAt = value.DefinedAt };
    }

    private static PyValue CacheOptionText(PyValue value) => value is PyBool b ? new PyStr(b.Value ? "True" : "False") : AsText(value);
}
