using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>A function of a modelled library, called with evaluated arguments.</summary>
internal delegate PyValue LibraryFunction(Site site, Args args);

/// <summary>
/// Every library function the evaluator models, by qualified name (<c>os.getenv</c>,
/// <c>decouple.config</c>, <c>datetime.timedelta</c>...): the union of the tables of the library
/// types. Builtins (<see cref="Builtins"/>) and methods (<see cref="Methods"/>) have their own.
/// </summary>
internal static class LibraryFunctions
{
    private static readonly Dictionary<string, LibraryFunction> Table = OsEnviron.Functions
        .Concat(PythonDecouple.Functions)
        .Concat(DjangoEnviron.Functions)
        .Concat(TimeDeltas.Functions)
        .Concat(RegexModule.Functions)
        .Concat(PathLib.Functions)
        .Concat(OsPath.Functions)
        .ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>The function named <paramref name="qualifiedName"/>, when it is modelled.</summary>
    public static bool TryGet(string qualifiedName, out LibraryFunction function) => Table.TryGetValue(qualifiedName, out function!);

    /// <summary>Whether <paramref name="qualifiedName"/> is modelled.</summary>
    public static bool Contains(string qualifiedName) => Table.ContainsKey(qualifiedName);
}
