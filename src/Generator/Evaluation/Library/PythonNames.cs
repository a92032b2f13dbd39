using System;
using System.Collections.Generic;
using System.Linq;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>What a builtin name is in CPython (recorded in PythonNames.Recorded.cs).</summary>
internal enum BuiltinKind
{
    /// <summary>Not a name of the builtins module.</summary>
    None,

    /// <summary>An exception or warning class (<c>ValueError</c>, <c>FutureWarning</c>).</summary>
    Exception,

    /// <summary>A class (<c>type</c>, <c>bytearray</c>, <c>str</c>).</summary>
    Type,

    /// <summary>A builtin function (<c>locals</c>, <c>exec</c>, <c>len</c>).</summary>
    Function,

    /// <summary>Anything else (<c>__debug__</c>, <c>copyright</c>, <c>exit</c>, <c>__spec__</c>).</summary>
    Other,
}

/// <summary>
/// Python's own names, as CPython reports them: every name of the builtins module with its kind,
/// and the attributes of the value types the evaluator models. A name or attribute Python has but
/// the evaluator does not model is "not evaluated" (a limit of the compiler), never a NameError or
/// an AttributeError, which are reserved for what Python itself would raise.
/// </summary>
internal static partial class PythonNames
{
    /// <summary>Every name of CPython's builtins module (<c>dir(builtins)</c>).</summary>
    public static IEnumerable<string> AllBuiltins => Index.Builtins.Keys;

    /// <summary>What <paramref name="name"/> is in the builtins module (<see cref="BuiltinKind.None"/>: not a builtin).</summary>
    public static BuiltinKind Builtin(string name) => Index.Builtins.TryGetValue(name, out var kind) ? kind : BuiltinKind.None;

    /// <summary>
    /// Whether values of Python type <paramref name="typeName"/> (as the evaluator names it:
    /// <c>str</c>, <c>timedelta</c>, <c>PosixPath</c>...) have attribute <paramref name="name"/>; null
    /// when the type's attributes were not recorded.
    /// </summary>
    public static bool? HasAttribute(string typeName, string name)
        => Index.Attributes.TryGetValue(typeName, out var names) ? names.Contains(name) : null;

    // Built on first use, after the recorded arrays (in the other part of this class) exist: the
    // order of static initializers across the files of a partial class is not defined.
    private static class Index
    {
        public static readonly Dictionary<string, BuiltinKind> Builtins = BuildBuiltins();

        public static readonly Dictionary<string, HashSet<string>> Attributes = AttributeNames.ToDictionary(
            t => t.Type, t => new HashSet<string>(t.Names, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private static Dictionary<string, BuiltinKind> BuildBuiltins()
    {
        var map = new Dictionary<string, BuiltinKind>(StringComparer.Ordinal);
        foreach (var n in BuiltinExceptionNames) map[n] = BuiltinKind.Exception;
        foreach (var n in BuiltinTypeNames) map[n] = BuiltinKind.Type;
        foreach (var n in BuiltinFunctionNames) map[n] = BuiltinKind.Function;
        foreach (var n in BuiltinOtherNames) map[n] = BuiltinKind.Other;
        return map;
    }
}
