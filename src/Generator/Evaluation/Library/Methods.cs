using System.Collections.Generic;
using System.Linq;
using System.Text;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>What a method call returns, and for a mutating method the receiver after the call (null: unchanged).</summary>
internal readonly record struct MethodResult(PyValue Result, PyValue? NewReceiver)
{
    public static implicit operator MethodResult(PyValue result) => new(result, null);
}

/// <summary>
/// Methods of values, dispatched on the receiver's type to the type's method table
/// (<see cref="StrMethods"/>, <see cref="ListMethods"/>, <see cref="DictMethods"/>,
/// <see cref="SetMethods"/>, <see cref="PathLib"/>, <see cref="TimeDeltas"/>), with the facts the
/// caller needs to lift a call over deferred values.
/// </summary>
internal static class Methods
{
    private static readonly HashSet<string> Mutating = new()
    {
        "append", "extend", "insert", "remove", "pop", "sort", "reverse", "clear", "update", "setdefault", "add", "discard",
    };

    private static readonly HashSet<string> NoneReturning = new()
    {
        "append", "extend", "insert", "update", "sort", "reverse", "clear", "add", "discard", "remove",
    };

    // Methods whose result depends on the values inside containers (a deferred item defers the call).
    private static readonly HashSet<string> Deep = new()
    {
        "join", "index", "count", "format", "startswith", "endswith", "split", "rsplit", "replace", "strip", "lstrip", "rstrip", "get",
    };

    /// <summary>Whether the method changes its receiver (on a list, dict or set).</summary>
    public static bool IsMutating(string name) => Mutating.Contains(name);

    /// <summary>Whether a mutating method returns None (so its result need not be computed).</summary>
    public static bool ReturnsNone(string name) => NoneReturning.Contains(name);

    /// <summary>Whether a deferred value inside the receiver or an argument defers the result.</summary>
    public static bool IsDeep(string name) => Deep.Contains(name);

    /// <summary>The type of the method's result when it is certain from the receiver's type (for deferred results).</summary>
    public static string? ResultType(PyValue receiver, string name)
    {
        string? type = PyOps.TypeOf(receiver);
        if (type is "str" or null && StrMethods.ResultType(name) is { } strType) return strType;
        switch (name)
        {
            case "startswith":
            case "endswith":
            case "isdigit":
            case "isalpha":
                return "bool";
        }
        return PathLib.MethodResultType(name) ?? TimeDeltas.MethodResultType(name);
    }

    /// <summary>Calls a method on a known value.</summary>
    public static MethodResult Call(Site site, PyValue receiver, string name, Args args)
    {
        switch (receiver)
        {
            case PyStr s:
                return StrMethods.Call(site, s.Value, name, args);
            case PyList l:
                return ListMethods.Call(site, l, name, args);
            case PyTuple t:
                if (name is "index" or "count") return ListMethods.Search(site, t.Items, name, args);
                break;
            case PyDict d:
                return DictMethods.Call(site, d, name, args);
            case PySet set:
                return SetMethods.Call(site, set, name, args);
            case PyBytes b:
                if (name == "decode") return new PyStr(Encoding.UTF8.GetString(b.Latin1.Select(ch => (byte)ch).ToArray()));
                break;
            case PyTimeDelta td:
                if (TimeDeltas.Method(td, name) is { } value) return value;
                break;
            case PyPath p:
                return PathLib.Method(site, p, name, args);
            case PyPattern:
                return site.CallNotEvaluated("re.Pattern." + name, "regular expression matching is not evaluated");
            case PyUnknown:
                return receiver;
        }
        return Missing(site, receiver.TypeName, name);
    }

    /// <summary>
    /// A method the type's table does not model: "not evaluated" when CPython's type has it (a
    /// limit of the compiler), else the AttributeError Python raises.
    /// </summary>
    public static PyValue Missing(Site site, string typeName, string name)
        => PythonNames.HasAttribute(typeName, name) == true
            ? site.CallNotEvaluated(typeName + "." + name, typeName + "." + name + " is not evaluated")
            : site.Error("AttributeError: '" + typeName + "' object has no attribute '" + name + "'");
}
