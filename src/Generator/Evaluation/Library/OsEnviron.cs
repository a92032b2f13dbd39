using System.Collections.Generic;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary><c>os.environ[k]</c>, <c>os.environ.get/setdefault</c>, <c>os.getenv</c> and <c>k in os.environ</c>.</summary>
internal static class OsEnviron
{
    /// <summary>The library functions this module models, by qualified name.</summary>
    public static IEnumerable<KeyValuePair<string, LibraryFunction>> Functions { get; } = new Dictionary<string, LibraryFunction>
    {
        ["os.getenv"] = static (site, args) => Get(site, args, "default"),
        ["os.environ.get"] = static (site, args) => Get(site, args, "default"),
        ["os.environ.setdefault"] = static (site, args) => Get(site, args, "value"),
    };

    /// <summary><c>os.environ.name</c>: <c>get</c> and <c>setdefault</c> read one variable; the rest of the mapping is not modelled.</summary>
    public static PyValue Attribute(Site site, string name)
    {
        if (name is "get" or "setdefault") return Modules.Function("os.environ." + name);
        return site.NotEvaluated("os.environ." + name, "the settings compiler reads single environment variables, not the whole environment");
    }

    /// <summary>
    /// <c>os.environ[key] = value</c>: the compiler reads the environment and does not model writes
    /// to it. The key is remembered, so a later read of it is "not evaluated" instead of silently
    /// reading the real environment.
    /// </summary>
    public static void Write(Site site, PyValue key)
    {
        if (key is PyStr name && !site.Session.EnvironmentWrites.ContainsKey(name.Value)) site.Session.EnvironmentWrites[name.Value] = site.Location;
    }

    /// <summary><c>os.environ[key]</c>: a read without default.</summary>
    public static PyValue Subscript(Site site, PyValue key) => EnvironmentReads.Read(site, key, null, "str", castDefault: false, cast: null);

    /// <summary><c>key in os.environ</c> (or <c>not in</c>).</summary>
    public static PyValue Contains(Site site, PyValue key, bool negate) => EnvironmentReads.Contains(site, key, negate);

    private static PyValue Get(Site site, Args args, string defaultName)
    {
        var key = args.Get(0, "key") ?? new PyNone();
        var def = args.Get(1, defaultName) ?? new PyNone();
        string? type = PyOps.TypeOf(def) == "str" ? "str" : null;
        return EnvironmentReads.Read(site, key, def, type, castDefault: false, cast: null);
    }
}
