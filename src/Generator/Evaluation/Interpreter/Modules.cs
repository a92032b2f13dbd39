using System.Collections.Generic;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// The library surface the evaluator models: which modules are known, what importing a name from
/// them yields, and the builtins. Functions are <see cref="PyOpaque"/> values named by their
/// qualified name (<c>os.getenv</c>); calls find their implementation by that name in
/// <see cref="Library.LibraryFunctions"/> and <see cref="Library.Builtins"/>.
/// </summary>
internal static class Modules
{
    private static readonly HashSet<string> Known = new()
    {
        "os", "os.path", "datetime", "re", "pathlib", "environ", "decouple", "corsheaders",
        "corsheaders.defaults", "django.utils.timezone", "django", "django.utils",
    };

    private static readonly HashSet<string> BuiltinFunctions = new()
    {
        "len", "sorted", "reversed", "filter", "map", "any", "all", "min", "max", "sum", "range",
        "enumerate", "zip", "abs", "round", "isinstance", "print", "repr", "open", "getattr", "hasattr",
    };

    private static readonly HashSet<string> BuiltinTypes = new()
    {
        "int", "float", "str", "bool", "list", "tuple", "set", "frozenset", "dict", "bytes", "object",
    };

    public static bool IsKnownModule(string name) => Known.Contains(name);

    public static PyValue Function(string name) => new PyOpaque("builtin_function_or_method", name);

    public static PyValue Type(string name) => new PyOpaque("type", name);

    /// <summary><c>from module import name</c> / <c>module.name</c>; null when not modelled.</summary>
    public static PyValue? ImportName(string module, string name)
    {
        switch (module)
        {
            case "datetime":
            case "django.utils.timezone":
                if (name == "timedelta") return Type("datetime.timedelta");
                break;
            case "corsheaders.defaults":
                if (name == "default_headers") return Strings(DjangoSettings.Shared.CorsHeadersDefaults.Headers);
                if (name == "default_methods") return Strings(DjangoSettings.Shared.CorsHeadersDefaults.Methods);
                break;
            case "corsheaders":
                if (name == "defaults") return new PyOpaque("module", "corsheaders.defaults");
                break;
            case "os":
                if (name == "environ") return new PyOpaque("os._Environ", "os.environ");
                if (name == "getenv") return Function("os.getenv");
                if (name == "path") return new PyOpaque("module", "os.path");
                if (name == "sep") return new PyStr("/");
                break;
            case "os.path":
                if (name is "join" or "dirname" or "abspath" or "realpath" or "basename" or "exists" or "isfile" or "isdir" or "normpath") return Function("os.path." + name);
                if (name == "sep") return new PyStr("/");
                break;
            case "pathlib":
                if (name is "Path" or "PurePath" or "PosixPath" or "PurePosixPath") return Type("pathlib.Path");
                break;
            case "re":
                if (name is "compile") return Function("re.compile");
                if (name is "I" or "IGNORECASE") return new PyInt(2);
                if (name is "M" or "MULTILINE") return new PyInt(8);
                if (name is "S" or "DOTALL") return new PyInt(16);
                if (name is "X" or "VERBOSE") return new PyInt(64);
                if (name is "A" or "ASCII") return new PyInt(256);
                if (name is "U" or "UNICODE") return new PyInt(32);
                break;
            case "environ":
                if (name == "Env") return Type("environ.Env");
                break;
            case "decouple":
                if (name == "config") return new PyOpaque("function", "decouple.config");
                if (name == "Csv") return Type("decouple.Csv");
                if (name == "AutoConfig") return Type("decouple.AutoConfig");
                break;
            case "django":
                if (name == "utils") return new PyOpaque("module", "django.utils");
                break;
            case "django.utils":
                if (name == "timezone") return new PyOpaque("module", "django.utils.timezone");
                break;
        }
        return null;
    }

    /// <summary>What <c>from module import *</c> binds for a known library module.</summary>
    public static IEnumerable<(string Name, PyValue Value)> StarExports(string module)
    {
        string[] names = module switch
        {
            "corsheaders.defaults" => new[] { "default_headers", "default_methods" },
            "datetime" => new[] { "timedelta" },
            "os.path" => new[] { "join", "dirname", "abspath", "basename", "exists" },
            "pathlib" => new[] { "Path", "PurePath" },
            "decouple" => new[] { "config", "Csv", "AutoConfig" },
            _ => new string[0],
        };
        foreach (var n in names)
        {
            var v = ImportName(module, n);
            if (v is not null) yield return (n, v);
        }
    }

    /// <summary>
    /// A builtin name (or a module attribute Python defines: <c>__file__</c>, <c>__name__</c>); null
    /// when it is not one. Every name of CPython's builtins module has a value here: the builtins
    /// the evaluator runs, the other functions and classes as values whose calls are "not evaluated",
    /// and the rest as unknown values (never "undefined").
    /// </summary>
    public static PyValue? Builtin(string name, SettingsSource source)
    {
        if (BuiltinFunctions.Contains(name)) return Function(name);
        if (BuiltinTypes.Contains(name)) return Type(name);
        switch (name)
        {
            case "__file__": return new PyPath(EvaluationSession.FileName(source.Path), PathAnchor.SettingsDirectory);
            case "__name__": return new PyStr(EvaluationSession.Stem(source.Path));
            case "Ellipsis": return new PyOpaque("ellipsis", "Ellipsis");
            case "NotImplemented": return new PyOpaque("NotImplementedType", "NotImplemented");
            case "__debug__": return new PyBool(true);
        }
        switch (Library.PythonNames.Builtin(name))
        {
            case Library.BuiltinKind.Exception:
            case Library.BuiltinKind.Type:
                return Type(name);
            case Library.BuiltinKind.Function:
                return Function(name);
            case Library.BuiltinKind.Other:
                // copyright, credits, license, exit, quit, help: the site module's helpers;
                // __doc__, __package__, __spec__, __loader__: facts about the running module.
                return name is "exit" or "quit" or "help" ? Function(name) : new PyUnknown("'" + name + "' is not evaluated");
        }
        return null;
    }

    private static PyTuple Strings(System.Collections.Immutable.ImmutableArray<string> values)
    {
        var items = new List<PyValue>();
        foreach (var v in values) items.Add(new PyStr(v));
        return PyOps.Tuple(items);
    }
}
