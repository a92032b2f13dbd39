using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Infrastructure;

/// <summary>Helpers to evaluate snippets and read values back as plain .NET objects.</summary>
internal static class Py
{
    public static SettingsModule Run(string text, ISettingsEnvironment? environment = null, string path = "cors.settings")
        => SettingsEvaluator.Evaluate(new[] { new SettingsSource(path, text) }, environment);

    public static PyValue Value(this SettingsModule module, string name)
    {
        Assert.True(module.Names.ContainsKey(name), "name '" + name + "' is not bound; diagnostics: " + string.Join("; ", module.Diagnostics));
        return module.Names[name].Value;
    }

    /// <summary>
    /// A value as JSON-like plain data (the shape dump_settings.py prints): timedelta as seconds,
    /// tuples and lists as lists, dicts as ordered dictionaries, patterns as their text.
    /// </summary>
    public static object? Plain(PyValue value) => value switch
    {
        PyNone => null,
        PyBool b => b.Value,
        PyInt i => i.Value,
        PyFloat f => f.Value,
        PyStr s => s.Value,
        PyTimeDelta t => t.Microseconds / 1e6,
        PyPattern p => p.Pattern,
        PySequence q => q.Items.Select(Plain).ToList(),
        PyDict d => d.Entries.Select(e => new KeyValuePair<object?, object?>(Plain(e.Key), Plain(e.Value))).ToList(),
        PyPath p => "path:" + p.Anchor + ":" + p.Path,
        PyDeferred d => "deferred:" + d.Description,
        PyUnknown u => "unknown:" + u.Reason,
        PyOpaque o => "opaque:" + o.Kind + ":" + o.Name,
        _ => value.ToString(),
    };

    public static List<object?> Strings(params string[] values) => values.Cast<object?>().ToList();
}
