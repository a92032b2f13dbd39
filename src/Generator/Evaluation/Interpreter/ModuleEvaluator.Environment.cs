using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// Environment and file reads. One code path for both phases: with an environment (startup) they
/// return the real values; without one (build time) they return <see cref="PyDeferred"/> values
/// that carry the keys, the source text, the default and the expected type.
/// </summary>
internal sealed partial class ModuleEvaluator
{
    // In defaults mode nothing is set: what "the default" means (the same environment the build's
    // unset-environment scenario uses).
    private ISettingsEnvironment? CurrentEnvironment => _session.Environment ?? (_defaultsMode ? UnsetEnvironment.Instance : null);

    /// <summary>
    /// Reads one variable. <paramref name="defaultValue"/> null means "no default" (a missing key is
    /// an error at startup); <paramref name="cast"/> converts a present string (and the default when
    /// <paramref name="castDefault"/>, as python-decouple does).
    /// </summary>
    private PyValue EnvRead(PySyntaxNode node, PyValue key, PyValue? defaultValue, string? expectedType, bool castDefault, Func<PyValue, PyValue>? cast, string api)
    {
        if (key is PyUnknown) return key;
        if (key is PyDeferred) return new PyUnknown("the name of the environment variable is itself read from the environment") { Origin = Loc(node.Span) };
        if (key is not PyStr name) return Error(node.Span, "TypeError: str expected, not " + key.TypeName);
        if (defaultValue is PyUnknown) return defaultValue;
        var env = CurrentEnvironment;
        if (env is not null)
        {
            string? raw = env.GetVariable(name.Value);
            if (raw is not null)
            {
                PyValue value = new PyStr(raw) { Origin = Loc(node.Span) };
                return cast is null ? value : cast(value);
            }
            if (defaultValue is null)
            {
                if (!_defaultsMode) Report(DiagnosticDescriptors.MissingEnvironmentVariable, node.Span, name.Value, Text(node.Span));
                return new PyUnknown("environment variable '" + name.Value + "' is not set") { Origin = Loc(node.Span) };
            }
            return castDefault && cast is not null ? cast(defaultValue) : defaultValue;
        }

        var keys = new List<string> { name.Value };
        PyOps.CollectKeys(defaultValue, keys);
        PyValue? def = null;
        if (defaultValue is not null)
        {
            var substituted = PyOps.SubstituteDefaults(defaultValue);
            if (substituted is not null)
            {
                _silent++;
                try
                {
                    def = castDefault && cast is not null ? cast(substituted) : substituted;
                }
                finally
                {
                    _silent--;
                }
                if (def is PyUnknown || !def.IsConstant) def = null;
            }
        }
        return new PyDeferred(Text(node.Span), keys.ToEquatableArray(), def, expectedType) { Origin = Loc(node.Span) };
    }

    private PyValue EnvContains(CompareExpr node, PyValue key, bool negate)
    {
        if (key is PyUnknown) return key;
        if (key is not PyStr name) return key is PyDeferred ? new PyUnknown("environment variable name not known") : Error(node.Span, "TypeError: str expected, not " + key.TypeName);
        var env = CurrentEnvironment;
        if (env is not null) return new PyBool((env.GetVariable(name.Value) is not null) != negate);
        return new PyDeferred(Text(node.Span), new[] { name.Value }.ToEquatableArray(), new PyBool(negate), "bool") { Origin = Loc(node.Span) };
    }

    // ------------------------------------------------------------------------------------------
    // python-decouple
    // ------------------------------------------------------------------------------------------

    private PyValue DecoupleConfig(CallExpr c, Args args)
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
            PyOpaque { Kind: "decouple.Csv" } csv when _session.CsvObjects.TryGetValue(csv.Name, out var info) => info.Tuple ? "tuple" : "list",
            _ => null,
        };
        Func<PyValue, PyValue>? castFn = cast is null ? null : v => DecoupleCast(c, cast, v);
        return EnvRead(c, key, def, expected, castDefault: true, castFn, "config");
    }

    private PyValue DecoupleCast(CallExpr c, PyValue cast, PyValue value)
    {
        switch (cast)
        {
            case PyOpaque { Kind: "type", Name: "bool" }:
            {
                if (value is PyBool) return value;
                string text = PyOps.Str(value).ToLowerInvariant();
                if (text is "1" or "yes" or "true" or "on") return new PyBool(true);
                if (text is "0" or "no" or "false" or "off" or "") return new PyBool(false);
                return Error(c.Span, "ValueError: Invalid truth value: " + text);
            }
            case PyOpaque { Kind: "decouple.Csv" } csv when _session.CsvObjects.TryGetValue(csv.Name, out var info):
                return CsvApply(c, info, value);
            default:
                return CallWith(c, cast, value);
        }
    }

    /// <summary>
    /// decouple's <c>Csv()</c>: split on the delimiter, strip whitespace, drop empty items, cast each.
    /// (decouple uses shlex, so quotes would also be honoured; settings values do not use them.)
    /// </summary>
    private PyValue CsvApply(CallExpr c, CsvCast csv, PyValue value)
    {
        if (value is PySequence seq) return csv.Tuple ? PyOps.Tuple(seq.Items) : PyOps.List(seq.Items);
        if (value is not PyStr s) return Error(c.Span, "TypeError: Csv expects a string, not " + value.TypeName);
        var items = new List<PyValue>();
        foreach (var part in s.Value.Split(csv.Delimiter.ToCharArray()))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0) continue;
            PyValue item = new PyStr(trimmed);
            if (csv.Cast is not null and not PyNone) item = CallWith(c, csv.Cast, item);
            items.Add(item);
        }
        return csv.Tuple ? PyOps.Tuple(items) : PyOps.List(items);
    }

    // ------------------------------------------------------------------------------------------
    // django-environ
    // ------------------------------------------------------------------------------------------

    private PyValue MakeEnviron(CallExpr c, Args args)
    {
        var entries = new Dictionary<string, (PyValue? Cast, PyValue? Default)>();
        foreach (var kv in args.Keywords)
        {
            if (kv.Value is PyTuple { Items.Count: 2 } t) entries[kv.Key] = (t.Items[0], t.Items[1]);
            else entries[kv.Key] = (kv.Value, null);
        }
        string id = _session.NewId("Env");
        _session.EnvironObjects[id] = new EnvironScheme(entries);
        return new PyOpaque("environ.Env", id);
    }

    private PyValue EnvironCall(CallExpr c, string envId, string? method, Args args)
    {
        if (!_session.EnvironObjects.TryGetValue(envId, out var scheme)) return new PyUnknown("unknown Env object");
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
                Report(DiagnosticDescriptors.CallNotEvaluated, c.Span, "environ.Env." + method);
                return new PyUnknown("environ.Env." + method + " is not evaluated") { Origin = Loc(c.Span) };
        }
        if (key is null) return Error(c.Span, "TypeError: missing required argument 'var'");
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
        Func<PyValue, PyValue>? castFn = castValue is null ? null : v => EnvironParse(c, castValue, v);
        return EnvRead(c, key, def, expected, castDefault: parseDefault, castFn, "env");
    }

    /// <summary>django-environ's <c>parse_value</c> for the casts settings use.</summary>
    private PyValue EnvironParse(CallExpr c, PyValue cast, PyValue value)
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
                return PyOps.List(s.Value.Split(',').Where(x => x.Length > 0).Select(x => CallWith(c, elementCast.Items[0], new PyStr(x))));
            case PyOpaque { Kind: "type", Name: "json" }:
                Report(DiagnosticDescriptors.CallNotEvaluated, c.Span, "environ.Env.json");
                return new PyUnknown("JSON values are not evaluated");
            case PyOpaque { Kind: "type", Name: "str" }:
                return s;
            default:
                return CallWith(c, cast, s);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Files
    // ------------------------------------------------------------------------------------------

    private string? PathText(PyValue path) => path switch
    {
        PyPath p => p.Path,
        PyStr s => s.Value,
        _ => null,
    };

    private PyValue FileRead(PySyntaxNode node, PyValue path)
    {
        if (path is PyUnknown) return path;
        if (path is PyDeferred)
        {
            return new PyDeferred(Text(node.Span), KeysOf(path), null, "str") { Origin = Loc(node.Span) };
        }
        var text = PathText(path);
        if (text is null) return Error(node.Span, "TypeError: expected str or os.PathLike object, not " + path.TypeName);
        var env = _session.Environment;
        if (env is not null)
        {
            var content = env.ReadFile(text);
            if (content is null)
            {
                Report(DiagnosticDescriptors.FileNotReadable, node.Span, text, Text(node.Span));
                return new PyUnknown("file '" + text + "' cannot be read") { Origin = Loc(node.Span) };
            }
            return new PyStr(content) { Origin = Loc(node.Span) };
        }
        if (_defaultsMode) return new PyUnknown("file contents are not known at build time");
        return new PyDeferred(Text(node.Span), EquatableArray<string>.Empty, null, "str") { Origin = Loc(node.Span) };
    }

    private PyValue FileExists(PySyntaxNode node, PyValue path)
    {
        if (path is PyUnknown) return path;
        if (path is PyDeferred) return new PyDeferred(Text(node.Span), KeysOf(path), null, "bool") { Origin = Loc(node.Span) };
        var text = PathText(path);
        if (text is null) return Error(node.Span, "TypeError: expected str or os.PathLike object, not " + path.TypeName);
        var env = _session.Environment;
        if (env is not null) return new PyBool(env.ReadFile(text) is not null);
        if (_defaultsMode) return new PyUnknown("file existence is not known at build time");
        return new PyDeferred(Text(node.Span), EquatableArray<string>.Empty, null, "bool") { Origin = Loc(node.Span) };
    }

    // ------------------------------------------------------------------------------------------
    // pathlib and os.path
    // ------------------------------------------------------------------------------------------

    private PyValue MakePath(CallExpr c, Args args)
    {
        PyPath result = new(".", PathAnchor.WorkingDirectory);
        bool first = true;
        foreach (var part in args.Positional)
        {
            if (part is not (PyStr or PyPath)) return Error(c.Span, "TypeError: expected str, bytes or os.PathLike object, not " + part.TypeName);
            result = first && part is PyPath p ? p : first && part is PyStr s ? NewPath(s.Value) : PathJoin(result, part);
            first = false;
        }
        return result;
    }

    private static PyPath NewPath(string text)
    {
        if (text.StartsWith("/", StringComparison.Ordinal)) return new PyPath(Normalize(text, true), PathAnchor.Absolute);
        return new PyPath(Normalize(text, false), PathAnchor.WorkingDirectory);
    }

    private static PyPath PathJoin(PyPath left, PyValue right)
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
    private static string Normalize(string path, bool absolute)
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

    private static PyPath PathParent(PyPath p)
        => new(Normalize(p.Path + "/..", p.Anchor == PathAnchor.Absolute), p.Anchor);

    private static string PathName(PyPath p)
    {
        if (p.Path is "." or "/") return string.Empty;
        int slash = p.Path.LastIndexOf('/');
        return slash < 0 ? p.Path : p.Path.Substring(slash + 1);
    }

    private PyValue PathMethod(CallExpr c, PyPath p, string name, Args args)
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
                foreach (var part in args.Positional) result = PathJoin(result, part);
                return result;
            }
            case "exists":
            case "is_file":
            case "is_dir":
                return FileExists(c, p);
            case "read_text":
                return FileRead(c, p);
            case "as_posix":
                return new PyStr(p.Path);
            case "with_suffix":
            {
                if (args.Get(0, "suffix") is not PyStr suffix) return Error(c.Span, "TypeError: with_suffix() expects a str");
                var n = PathName(p);
                int dot = n.LastIndexOf('.');
                var stem = dot > 0 ? n.Substring(0, dot) : n;
                return PathJoin(PathParent(p), new PyStr(stem + suffix.Value));
            }
            case "with_name":
                return args.Get(0, "name") is PyStr newName ? PathJoin(PathParent(p), newName) : Error(c.Span, "TypeError: with_name() expects a str");
        }
        Report(DiagnosticDescriptors.CallNotEvaluated, c.Span, "Path." + name);
        return new PyUnknown("Path." + name + " is not evaluated") { Origin = Loc(c.Span) };
    }

    private PyValue OsPath(CallExpr c, string function, Args args)
    {
        if (function is "exists" or "isfile" or "isdir")
        {
            var target = args.Get(0, "path") ?? new PyNone();
            if (target is PyDeferred d) return new PyDeferred(Text(c.Span), d.EnvironmentKeys, null, "bool") { Origin = Loc(c.Span) };
            return FileExists(c, target);
        }
        return Lift(c, args.All(), vs => OsPathCore(c, function, args.Rebuild(vs)), function == "basename" ? "str" : null, deep: false);
    }

    private PyValue OsPathCore(CallExpr c, string function, Args args)
    {
        var parts = args.Positional;
        if (parts.Count == 0) return Error(c.Span, "TypeError: " + function + "() missing required argument");
        foreach (var part in parts)
        {
            if (part is not (PyStr or PyPath)) return Error(c.Span, "TypeError: expected str, bytes or os.PathLike object, not " + part.TypeName);
        }
        var first = parts[0];
        switch (function)
        {
            case "join":
            {
                if (first is PyPath fp)
                {
                    var result = fp;
                    foreach (var part in parts.Skip(1)) result = PathJoin(result, part);
                    return result;
                }
                // Plain strings stay strings, as os.path.join returns them.
                string joined = ((PyStr)first).Value;
                foreach (var part in parts.Skip(1))
                {
                    string piece = PathText(part)!;
                    if (piece.StartsWith("/", StringComparison.Ordinal)) joined = piece;
                    else joined = joined.Length == 0 || joined.EndsWith("/", StringComparison.Ordinal) ? joined + piece : joined + "/" + piece;
                }
                return new PyStr(joined);
            }
            case "dirname":
                if (first is PyPath dp) return PathParent(dp);
                {
                    string s = ((PyStr)first).Value;
                    int slash = s.LastIndexOf('/');
                    return new PyStr(slash < 0 ? string.Empty : slash == 0 ? "/" : s.Substring(0, slash).TrimEnd('/'));
                }
            case "basename":
            {
                string s = PathText(first)!;
                int slash = s.LastIndexOf('/');
                return new PyStr(slash < 0 ? s : s.Substring(slash + 1));
            }
            case "abspath":
            case "realpath":
            case "normpath":
                if (first is PyPath ap) return ap;
                return function == "normpath" ? new PyStr(Normalize(((PyStr)first).Value, ((PyStr)first).Value.StartsWith("/", StringComparison.Ordinal))) : NewPath(((PyStr)first).Value);
        }
        Report(DiagnosticDescriptors.CallNotEvaluated, c.Span, "os.path." + function);
        return new PyUnknown("os.path." + function + " is not evaluated");
    }

    // ------------------------------------------------------------------------------------------
    // datetime.timedelta
    // ------------------------------------------------------------------------------------------

    private static readonly (string Name, decimal Micros)[] TimeDeltaUnits =
    {
        ("days", 86_400_000_000m),
        ("seconds", 1_000_000m),
        ("microseconds", 1m),
        ("milliseconds", 1_000m),
        ("minutes", 60_000_000m),
        ("hours", 3_600_000_000m),
        ("weeks", 604_800_000_000m),
    };

    private PyValue MakeTimeDelta(CallExpr c, Args args)
    {
        if (args.Positional.Count > TimeDeltaUnits.Length) return Error(c.Span, "TypeError: timedelta takes at most 7 arguments");
        decimal total = 0;
        var seen = new HashSet<string>();
        try
        {
            for (int i = 0; i < args.Positional.Count; i++)
            {
                var v = TimeDeltaComponent(c, TimeDeltaUnits[i].Name, args.Positional[i]);
                if (v is null) return Unknown("invalid timedelta argument");
                total += v.Value * TimeDeltaUnits[i].Micros;
                seen.Add(TimeDeltaUnits[i].Name);
            }
            foreach (var kv in args.Keywords)
            {
                int unit = Array.FindIndex(TimeDeltaUnits, u => u.Name == kv.Key);
                if (unit < 0) return Error(c.Span, "TypeError: '" + kv.Key + "' is an invalid keyword argument for __new__()");
                if (!seen.Add(kv.Key)) return Error(c.Span, "TypeError: argument for __new__() given by name ('" + kv.Key + "') and position");
                var v = TimeDeltaComponent(c, kv.Key, kv.Value);
                if (v is null) return Unknown("invalid timedelta argument");
                total += v.Value * TimeDeltaUnits[unit].Micros;
            }
        }
        catch (OverflowException)
        {
            return Error(c.Span, "OverflowError: timedelta out of range");
        }
        return TimeDeltaValue(c.Span, total);
    }

    private decimal? TimeDeltaComponent(CallExpr c, string unit, PyValue value)
    {
        switch (value)
        {
            case PyInt or PyBool:
                return PyOps.AsLong(value);
            case PyFloat f:
                if (double.IsNaN(f.Value) || double.IsInfinity(f.Value) || Math.Abs(f.Value) > 1e20)
                {
                    Error(c.Span, "OverflowError: cannot convert float " + PyOps.FloatRepr(f.Value) + " to integer");
                    return null;
                }
                return (decimal)f.Value;
        }
        Error(c.Span, "TypeError: unsupported type for timedelta " + unit + " component: " + value.TypeName);
        return null;
    }

    private static decimal RoundHalfEven(decimal value) => Math.Round(value, MidpointRounding.ToEven);

    private static decimal MultiplyMicros(long micros, PyValue factor)
        => PyOps.IsInteger(factor) ? (decimal)micros * PyOps.AsLong(factor) : RoundHalfEven((decimal)micros * (decimal)PyOps.AsDouble(factor));

    /// <summary>A timedelta from a microsecond total, rounded half-even and range-checked as Python does.</summary>
    private PyValue TimeDeltaValue(SourceSpan span, decimal micros)
    {
        var rounded = RoundHalfEven(micros);
        decimal days = Math.Floor(rounded / 86_400_000_000m);
        if (Math.Abs(days) > 999_999_999m) return Error(span, "OverflowError: days=" + days + "; must have magnitude <= 999999999");
        return new PyTimeDelta((long)rounded);
    }
}
