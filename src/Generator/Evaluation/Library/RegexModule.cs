using System.Collections.Generic;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary><c>re.compile(pattern, flags)</c>: the pattern and IGNORECASE are recorded; matching is not evaluated.</summary>
internal static class RegexModule
{
    /// <summary>The library functions this module models, by qualified name.</summary>
    public static IEnumerable<KeyValuePair<string, LibraryFunction>> Functions { get; } = new Dictionary<string, LibraryFunction>
    {
        ["re.compile"] = static (site, args) => site.Lift(args.All(), (s, vs) => Compile(s, args.Rebuild(vs)), "re.Pattern"),
    };

    /// <summary><c>pattern.pattern</c>, <c>pattern.flags</c>; null for other attributes.</summary>
    public static PyValue? Attribute(PyPattern pattern, string name) => name switch
    {
        "pattern" => new PyStr(pattern.Pattern),
        "flags" => new PyInt(pattern.IgnoreCase ? 34 : 32),
        _ => null,
    };

    private static PyValue Compile(Site site, Args args)
    {
        var pattern = args.Get(0, "pattern");
        var flags = args.Get(1, "flags");
        if (pattern is PyPattern existing) return existing;
        if (pattern is not PyStr p) return site.Error("TypeError: first argument must be string or compiled pattern");
        long f = flags is null ? 0 : PyOps.AsLong(flags);
        return new PyPattern(p.Value, (f & 2) != 0);
    }
}
