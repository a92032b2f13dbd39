using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// <c>os.path.join/dirname/basename/abspath/realpath/normpath/exists/isfile/isdir</c>: strings stay
/// strings, paths built from <c>__file__</c> stay <see cref="PyPath"/> values.
/// </summary>
internal static class OsPath
{
    private static readonly string[] Names = { "join", "dirname", "abspath", "realpath", "basename", "exists", "isfile", "isdir", "normpath" };

    /// <summary>The library functions this module models, by qualified name.</summary>
    public static IEnumerable<KeyValuePair<string, LibraryFunction>> Functions { get; } = Names.ToDictionary(
        n => "os.path." + n,
        n => (LibraryFunction)((site, args) => Call(site, n, args)));

    private static PyValue Call(Site site, string function, Args args)
    {
        if (function is "exists" or "isfile" or "isdir")
        {
            var target = args.Get(0, "path") ?? new PyNone();
            if (target is PyDeferred d) return site.Deferred(d.EnvironmentKeys, null, "bool");
            return FileReads.Exists(site, target);
        }
        return site.Lift(args.All(), (s, vs) => Core(s, function, args.Rebuild(vs)), function == "basename" ? "str" : null, deep: false);
    }

    private static PyValue Core(Site site, string function, Args args)
    {
        var parts = args.Positional;
        if (parts.Count == 0) return site.Error("TypeError: " + function + "() missing required argument");
        foreach (var part in parts)
        {
            if (part is not (PyStr or PyPath)) return site.Error("TypeError: expected str, bytes or os.PathLike object, not " + part.TypeName);
        }
        var first = parts[0];
        switch (function)
        {
            case "join":
            {
                if (first is PyPath fp)
                {
                    var result = fp;
                    foreach (var part in parts.Skip(1)) result = PathLib.Join(result, part);
                    return result;
                }
                // Plain strings stay strings, as os.path.join returns them.
                string joined = ((PyStr)first).Value;
                foreach (var part in parts.Skip(1))
                {
                    string piece = FileReads.PathText(part)!;
                    if (piece.StartsWith("/", StringComparison.Ordinal)) joined = piece;
                    else joined = joined.Length == 0 || joined.EndsWith("/", StringComparison.Ordinal) ? joined + piece : joined + "/" + piece;
                }
                return new PyStr(joined);
            }
            case "dirname":
                if (first is PyPath dp) return PathLib.Parent(dp);
                {
                    string s = ((PyStr)first).Value;
                    int slash = s.LastIndexOf('/');
                    return new PyStr(slash < 0 ? string.Empty : slash == 0 ? "/" : s.Substring(0, slash).TrimEnd('/'));
                }
            case "basename":
            {
                string s = FileReads.PathText(first)!;
                int slash = s.LastIndexOf('/');
                return new PyStr(slash < 0 ? s : s.Substring(slash + 1));
            }
            case "abspath":
            case "realpath":
            case "normpath":
                if (first is PyPath ap) return ap;
                return function == "normpath" ? new PyStr(PathLib.Normalize(((PyStr)first).Value, ((PyStr)first).Value.StartsWith("/", StringComparison.Ordinal))) : PathLib.FromText(((PyStr)first).Value);
        }
        return site.CallNotEvaluated("os.path." + function, "os.path." + function + " is not evaluated");
    }
}
