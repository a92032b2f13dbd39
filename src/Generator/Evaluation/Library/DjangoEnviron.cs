using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// django-environ: <c>environ.Env(NAME=(cast, default), …)</c>, <c>env(key, cast=, default=,
/// parse_default=)</c>, <c>env.str/bool/int/float/list/tuple</c> and <c>Env.read_env()</c> (a no-op:
/// .env files are not read). An <c>Env(...)</c> object is modelled by id in the session.
/// </summary>
internal static class DjangoEnviron
{
    /// <summary>The library functions this module models, by qualified name.</summary>
    public static IEnumerable<KeyValuePair<string, LibraryFunction>> Functions { get; } = new Dictionary<string, LibraryFunction>
    {
        ["environ.Env"] = MakeEnv,
        ["environ.Env.read_env"] = static (_, _) => new PyNone(),
    };

    /// <summary><c>environ.Env.name</c> (the class) or <c>env.name</c> (an instance: a bound method).</summary>
    public static PyValue Attribute(PyOpaque obj, string name)
    {
        // Env.ENVIRON is os.environ (a class attribute, also read through instances).
        if (name == "ENVIRON") return Modules.ImportName("os", "environ")!;
        if (obj.Kind == "type")
        {
            if (name == "read_env") return Modules.Function("environ.Env.read_env");
            return new PyUnknown("'environ.Env." + name + "' is not evaluated");
        }
        return new PyOpaque("environ.Env.method", obj.Name + "." + name);
    }

    /// <summary>Calling an <c>Env</c> object or one of its methods; null when <paramref name="o"/> is neither.</summary>
    public static PyValue? CallObject(Site site, PyOpaque o, Args args)
    {
        if (o.Kind == "environ.Env")
        {
            return site.Session.EnvironObjects.ContainsKey(o.Name) ? Read(site, o.Name, null, args) : null;
        }
        int dot = o.Name.LastIndexOf('.');
        return Read(site, o.Name.Substring(0, dot), o.Name.Substring(dot + 1), args);
    }

    private static PyValue MakeEnv(Site site, Args args)
    {
        var entries = new Dictionary<string, (PyValue? Cast, PyValue? Default)>();
        foreach (var kv in args.Keywords)
        {
            if (kv.Value is PyTuple { Items.Count: 2 } t) entries[kv.Key] = (t.Items[0], t.Items[1]);
            else entries[kv.Key] = (kv.Value, null);
        }
        string id = site.Session.NewId("Env");
        site.Session.EnvironObjects[id] = new EnvironScheme(entries);
        return new PyOpaque("environ.Env", id);
    }

    private static PyValue Read(Site site, string envId, string? method, Args args)
    {
        if (!site.Session.EnvironObjects.TryGetValue(envId, out var scheme)) return new PyUnknown("unknown Env object");
        PyValue? key, cast, def;
        switch (method)
        {
            case null:
            case "get_value":
                key = args.Get(0, "var");
                cast = args.Get(1, "cast");
                def = args.Get(2, "default");
                break;
            case "str":
            case "bool":
            case "int":
            case "float":
            case "json":
                key = args.Get(0, "var");
                cast = Modules.Type(method);
                def = args.Get(1, "default");
                break;
            case "list":
            case "tuple":
                key = args.Get(0, "var");
                cast = Modules.Type(method);
                def = args.Get(2, "default");
                var element = args.Get(1, "cast");
                if (element is not null and not PyNone) cast = PyOps.List(new[] { element });
                if (method == "tuple" && element is not null and not PyNone) cast = Modules.Type("tuple");
                break;
            case "read_env":
                return new PyNone();
            default:
                return site.CallNotEvaluated("environ.Env." + method, "environ.Env." + method + " is not evaluated");
        }
        if (key is null) return site.Error("TypeError: missing required argument 'var'");
        if (key is PyStr k && scheme.Entries.TryGetValue(k.Value, out var entry))
        {
            if (cast is null or PyNone) cast = entry.Cast;
            if (def is null && entry.Default is not null) def = entry.Default;
        }
        if (cast is PyNone) cast = null;
        bool parseDefault = args.Get(-1, "parse_default") is PyValue pd && PyOps.Truth(pd) == true;
        string? expected = cast switch
        {
            PyOpaque { Kind: "type" } t when t.Name is "bool" or "int" or "float" or "str" or "list" or "tuple" or "dict" => t.Name,
            PyList => "list",
            null => def is null || PyOps.TypeOf(def) == "str" ? "str" : null,
            _ => null,
        };
        var castValue = cast;
        System.Func<Site, PyValue, PyValue>? castFn = castValue is null ? null : (s, v) => Parse(s, castValue, v);
        return EnvironmentReads.Read(site, key, def, expected, castDefault: parseDefault, castFn);
    }

    /// <summary>django-environ's <c>parse_value</c> for the casts settings use.</summary>
    private static PyValue Parse(Site site, PyValue cast, PyValue value)
    {
        if (value is not PyStr s) return value;
        switch (cast)
        {
            case PyOpaque { Kind: "type", Name: "bool" }:
            {
                string text = s.Value.Trim();
                if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long n)) return new PyBool(n != 0);
                return new PyBool(text.ToLowerInvariant() is "true" or "on" or "ok" or "y" or "yes" or "1");
            }
            case PyOpaque { Kind: "type", Name: "list" }:
                return PyOps.List(s.Value.Split(',').Where(x => x.Length > 0).Select(x => (PyValue)new PyStr(x)));
            case PyOpaque { Kind: "type", Name: "tuple" }:
                return PyOps.Tuple(s.Value.Trim('(', ')').Split(',').Where(x => x.Length > 0).Select(x => (PyValue)new PyStr(x.Trim())));
            case PyList { Items.Count: 1 } elementCast:
                return PyOps.List(s.Value.Split(',').Where(x => x.Length > 0).Select(x => site.Call(elementCast.Items[0], new PyStr(x))));
            case PyOpaque { Kind: "type", Name: "json" }:
                return site.CallNotEvaluated("environ.Env.json", "JSON values are not evaluated");
            case PyOpaque { Kind: "type", Name: "str" }:
                return s;
            default:
                return site.Call(cast, s);
        }
    }
}
