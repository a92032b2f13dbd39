using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// <c>pathlib.Path</c>: construction, <c>/</c> joins, <c>.parent .name .stem .suffix</c> and the
/// methods settings use. Paths are <see cref="PyPath"/> values relative to an anchor (the settings
/// folder for paths built from <c>__file__</c>), normalised without touching the file system.
/// </summary>
internal static class PathLib
{
    /// <summary>The library functions this module models, by qualified name.</summary>
    public static IEnumerable<KeyValuePair<string, LibraryFunction>> Functions { get; } = new Dictionary<string, LibraryFunction>
    {
        ["pathlib.Path"] = static (site, args) => site.Lift(args.All(), (s, vs) => Make(s, args.Rebuild(vs)), "PosixPath", deep: false),
    };

    /// <summary>The result type of a Path method when it is certain (for deferred results).</summary>
    public static string? MethodResultType(string name) => name switch
    {
        "exists" or "is_file" or "is_dir" => "bool",
        "read_text" => "str",
        _ => null,
    };

    /// <summary>A path from a string, anchored where Python would resolve it.</summary>
    public static PyPath FromText(string text)
    {
        if (text.StartsWith("/", StringComparison.Ordinal)) return new PyPath(Normalize(text, true), PathAnchor.Absolute);
        return new PyPath(Normalize(text, false), PathAnchor.WorkingDirectory);
    }

    /// <summary><c>left / right</c>: an anchored right side replaces the left, as pathlib does.</summary>
    public static PyPath Join(PyPath left, PyValue right)
    {
        switch (right)
        {
            case PyPath p when p.Anchor != PathAnchor.WorkingDirectory:
                return p;
            case PyPath p:
                return new PyPath(Normalize(left.Path + "/" + p.Path, left.Anchor == PathAnchor.Absolute), left.Anchor);
            case PyStr s when s.Value.StartsWith("/", StringComparison.Ordinal):
                return new PyPath(Normalize(s.Value, true), PathAnchor.Absolute);
            case PyStr s:
                return new PyPath(Normalize(left.Path + "/" + s.Value, left.Anchor == PathAnchor.Absolute), left.Anchor);
        }
        return left;
    }

    /// <summary>Collapses <c>.</c> and <c>..</c>; relative paths keep leading <c>..</c>; empty is <c>.</c>.</summary>
    public static string Normalize(string path, bool absolute)
    {
        var parts = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (!absolute) parts.Add("..");
                continue;
            }
            parts.Add(segment);
        }
        if (absolute) return "/" + string.Join("/", parts);
        return parts.Count == 0 ? "." : string.Join("/", parts);
    }

    /// <summary><c>p.parent</c>.</summary>
    public static PyPath Parent(PyPath p)
        => new(Normalize(p.Path + "/..", p.Anchor == PathAnchor.Absolute), p.Anchor);

    /// <summary><c>p.name</c>.</summary>
    public static string Name(PyPath p)
    {
        if (p.Path is "." or "/") return string.Empty;
        int slash = p.Path.LastIndexOf('/');
        return slash < 0 ? p.Path : p.Path.Substring(slash + 1);
    }

    /// <summary><c>p.parent</c>, <c>.name</c>, <c>.stem</c>, <c>.suffix</c>; null for other attributes.</summary>
    public static PyValue? Attribute(PyPath p, string name)
    {
        switch (name)
        {
            case "parent": return Parent(p);
            case "name": return new PyStr(Name(p));
            case "stem":
            {
                var n = Name(p);
                int dot = n.LastIndexOf('.');
                return new PyStr(dot > 0 ? n.Substring(0, dot) : n);
            }
            case "suffix":
            {
                var n = Name(p);
                int dot = n.LastIndexOf('.');
                return new PyStr(dot > 0 ? n.Substring(dot) : string.Empty);
            }
        }
        return null;
    }

    /// <summary>
    /// An attribute of the class <c>Path</c>: <c>Path.joinpath(BASE_DIR, "static")</c> calls the method
    /// with the path as receiver; the class methods (<c>Path.cwd()</c>, <c>Path.home()</c>) depend on
    /// the machine and are not evaluated.
    /// </summary>
    public static PyValue ClassAttribute(Site site, string name)
    {
        if (PythonNames.HasAttribute("PosixPath", name) != true) return site.Error("AttributeError: type object 'Path' has no attribute '" + name + "'");
        if (name is "cwd" or "home") return Modules.Function("pathlib.Path." + name);
        return new PyOpaque("method_descriptor", "pathlib.Path." + name);
    }

    /// <summary>A method of a path.</summary>
    public static PyValue Method(Site site, PyPath p, string name, Args args)
    {
        switch (name)
        {
            case "resolve":
            case "absolute":
            case "expanduser":
                return p;
            case "joinpath":
            {
                var result = p;
                foreach (var part in args.Positional) result = Join(result, part);
                return result;
            }
            case "exists":
            case "is_file":
            case "is_dir":
                return FileReads.Exists(site, p);
            case "read_text":
                return FileReads.Read(site, p);
            case "as_posix":
                return new PyStr(p.Path);
            case "with_suffix":
            {
                if (args.Get(0, "suffix") is not PyStr suffix) return site.Error("TypeError: with_suffix() expects a str");
                var n = Name(p);
                int dot = n.LastIndexOf('.');
                var stem = dot > 0 ? n.Substring(0, dot) : n;
                return Join(Parent(p), new PyStr(stem + suffix.Value));
            }
            case "with_name":
                return args.Get(0, "name") is PyStr newName ? Join(Parent(p), newName) : site.Error("TypeError: with_name() expects a str");
        }
        if (PythonNames.HasAttribute("PosixPath", name) != true) return site.Error("AttributeError: 'PosixPath' object has no attribute '" + name + "'");
        return site.CallNotEvaluated("Path." + name, "Path." + name + " is not evaluated");
    }

    private static PyValue Make(Site site, Args args)
    {
        PyPath result = new(".", PathAnchor.WorkingDirectory);
        bool first = true;
        foreach (var part in args.Positional)
        {
            if (part is not (PyStr or PyPath)) return site.Error("TypeError: expected str, bytes or os.PathLike object, not " + part.TypeName);
            result = first && part is PyPath p ? p : first && part is PyStr s ? FromText(s.Value) : Join(result, part);
            first = false;
        }
        return result;
    }
}
