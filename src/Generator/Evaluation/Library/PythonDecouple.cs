using System.Collections.Generic;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// python-decouple: <c>config(key, default=, cast=)</c> (decouple casts the default too),
/// <c>Csv(cast=, delimiter=, post_process=)</c> and <c>AutoConfig()</c>. A <c>Csv(...)</c> object
/// is modelled by id in the session.
/// </summary>
internal static class PythonDecouple
{
    /// <summary>The library functions this module models, by qualified name.</summary>
    public static IEnumerable<KeyValuePair<string, LibraryFunction>> Functions { get; } = new Dictionary<string, LibraryFunction>
    {
        ["decouple.config"] = Config,
        ["decouple.Csv"] = MakeCsv,
        ["decouple.AutoConfig"] = static (_, _) => new PyOpaque("function", "decouple.config"),
    };

    /// <summary>Calling a <c>Csv(...)</c> object on a value; null when <paramref name="csvObject"/> is not one.</summary>
    public static PyValue? CallCsv(Site site, PyOpaque csvObject, Args args)
    {
        if (!site.Session.CsvObjects.TryGetValue(csvObject.Name, out var csv)) return null;
        var value = args.Get(0, "value") ?? new PyStr(string.Empty);
        return site.Lift(new[] { value }, (s, vs) => ApplyCsv(s, csv, vs[0]), csv.Tuple ? "tuple" : "list", deep: false);
    }

    private static PyValue MakeCsv(Site site, Args args)
    {
        string id = site.Session.NewId("Csv");
        var delimiter = args.Get(1, "delimiter") as PyStr;
        var post = args.Get(3, "post_process");
        site.Session.CsvObjects[id] = new CsvCast(delimiter?.Value ?? ",", args.Get(0, "cast"), post is PyOpaque { Name: "tuple" });
        return new PyOpaque("decouple.Csv", id);
    }

    private static PyValue Config(Site site, Args args)
    {
        var key = args.Get(0, "option") ?? new PyNone();
        var def = args.Get(1, "default");
        var cast = args.Get(2, "cast");
        string? expected = cast switch
        {
            null => def is null || PyOps.TypeOf(def) == "str" ? "str" : null,
            PyOpaque { Kind: "type", Name: "bool" } => "bool",
            PyOpaque { Kind: "type", Name: "int" } => "int",
            PyOpaque { Kind: "type", Name: "float" } => "float",
            PyOpaque { Kind: "type", Name: "str" } => "str",
            PyOpaque { Kind: "decouple.Csv" } csv when site.Session.CsvObjects.TryGetValue(csv.Name, out var info) => info.Tuple ? "tuple" : "list",
            _ => null,
        };
        System.Func<Site, PyValue, PyValue>? castFn = cast is null ? null : (s, v) => Cast(s, cast, v);
        return EnvironmentReads.Read(site, key, def, expected, castDefault: true, castFn);
    }

    private static PyValue Cast(Site site, PyValue cast, PyValue value)
    {
        switch (cast)
        {
            case PyOpaque { Kind: "type", Name: "bool" }:
            {
                if (value is PyBool) return value;
                string text = PyOps.Str(value).ToLowerInvariant();
                if (text is "1" or "yes" or "true" or "on") return new PyBool(true);
                if (text is "0" or "no" or "false" or "off" or "") return new PyBool(false);
                return site.Error("ValueError: Invalid truth value: " + text);
            }
            case PyOpaque { Kind: "decouple.Csv" } csv when site.Session.CsvObjects.TryGetValue(csv.Name, out var info):
                return ApplyCsv(site, info, value);
            default:
                return site.Call(cast, value);
        }
    }

    /// <summary>
    /// decouple's <c>Csv()</c>: split on the delimiter, strip whitespace, drop empty items, cast each.
    /// (decouple uses shlex, so quotes would also be honoured; settings values do not use them.)
    /// </summary>
    private static PyValue ApplyCsv(Site site, CsvCast csv, PyValue value)
    {
        if (value is PySequence seq) return csv.Tuple ? PyOps.Tuple(seq.Items) : PyOps.List(seq.Items);
        if (value is not PyStr s) return site.Error("TypeError: Csv expects a string, not " + value.TypeName);
        var items = new List<PyValue>();
        foreach (var part in s.Value.Split(csv.Delimiter.ToCharArray()))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0) continue;
            PyValue item = new PyStr(trimmed);
            if (csv.Cast is not null and not PyNone) item = site.Call(csv.Cast, item);
            items.Add(item);
        }
        return csv.Tuple ? PyOps.Tuple(items) : PyOps.List(items);
    }
}
