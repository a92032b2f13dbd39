using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Binding;

/// <summary>
/// Whether a value has the shape a <see cref="SettingKind"/> demands, with Python's meaning of the
/// types (a tuple is a sequence, a set is not; bool is an int). Values known only at startup pass
/// here unless their expected type already contradicts the kind; they are checked again at startup.
/// </summary>
internal static class TypeRules
{
    /// <summary>The outcome of a type check.</summary>
    public enum Result
    {
        /// <summary>The value fits.</summary>
        Ok,

        /// <summary>The value does not fit.</summary>
        Mismatch,

        /// <summary>A str where a list of str was meant (Django iterates it character by character).</summary>
        StringForSequence,

        /// <summary>Known only at startup; checked then.</summary>
        Deferred,

        /// <summary>Cannot be evaluated at all.</summary>
        Unknown,
    }

    /// <summary>Checks a value against a kind.</summary>
    public static Result Check(SettingKind kind, PyValue value)
    {
        switch (value)
        {
            case PyUnknown:
                return Result.Unknown;
            case PyDeferred d:
                return d.ExpectedType is null || ExpectedTypeFits(kind, d.ExpectedType) ? Result.Deferred : Result.Mismatch;
        }

        switch (kind)
        {
            case SettingKind.StringSequence:
            case SettingKind.ImportPathSequence:
                if (value is PyStr) return Result.StringForSequence;
                return IsSequenceOf(value, v => v is PyStr);
            case SettingKind.LooseStringSequence:
                return value is PyList or PyTuple ? Result.Ok : Result.Mismatch;
            case SettingKind.RegexSequence:
                if (value is PyStr) return Result.StringForSequence;
                return IsSequenceOf(value, v => v is PyStr or PyPattern);
            case SettingKind.Regex:
                return value is PyStr or PyPattern ? Result.Ok : Result.Mismatch;
            case SettingKind.Bool:
                return value is PyBool ? Result.Ok : Result.Mismatch;
            case SettingKind.NonNegativeInt:
                return value is PyBool || value is PyInt { Value: >= 0 } ? Result.Ok : Result.Mismatch;
            case SettingKind.TimeDelta:
                return value is PyTimeDelta ? Result.Ok : Result.Mismatch;
            case SettingKind.Leeway:
                return value is PyInt or PyFloat or PyTimeDelta ? Result.Ok : Result.Mismatch;
            case SettingKind.String:
                return value is PyStr ? Result.Ok : Result.Mismatch;
            case SettingKind.OptionalString:
                return value is PyStr or PyNone ? Result.Ok : Result.Mismatch;
            case SettingKind.StringOrSequence:
                return value is PyStr ? Result.Ok : IsSequenceOf(value, v => v is PyStr);
            case SettingKind.OptionalStringOrSequence:
                return value is PyStr or PyNone ? Result.Ok : IsSequenceOf(value, v => v is PyStr);
            case SettingKind.ImportPath:
                return value is PyStr or PyNone ? Result.Ok : Result.Mismatch;
            case SettingKind.ReferrerPolicy:
                return value is PyStr or PyNone ? Result.Ok : IsSequenceOf(value, v => v is PyStr);
            case SettingKind.OptionalStringPair:
                if (value is PyNone) return Result.Ok;
                // Django unpacks it into two names on every request: any other length is a 500.
                if (value is PySequence { Items.Count: not 2 } and (PyList or PyTuple)) return Result.Mismatch;
                return IsSequenceOf(value, v => v is PyStr);
            case SettingKind.OptionalNonNegativeInt:
                return value is PyNone or PyBool || value is PyInt { Value: >= 0 } ? Result.Ok : Result.Mismatch;
            case SettingKind.OptionalInt:
                return value is PyInt or PyBool or PyNone ? Result.Ok : Result.Mismatch;
            case SettingKind.StringMap:
                return IsStringMap(value);
            case SettingKind.LanguageSequence:
                // Django reads `for code, name in LANGUAGES`: each item a pair whose code is a str.
                return IsSequenceOf(value, v => v is PySequence { Items.Count: 2 } pair && pair.Items[0] is PyStr or PyDeferred);
            default:
                return Result.Ok;
        }
    }

    private static Result IsSequenceOf(PyValue value, System.Func<PyValue, bool> itemOk)
    {
        // Python's Sequence ABC: list and tuple qualify; set and dict do not (corsheaders checks).
        if (value is not (PyList or PyTuple)) return Result.Mismatch;
        bool deferred = false;
        foreach (var item in ((PySequence)value).Items)
        {
            if (item is PyDeferred or PyUnknown) { deferred = true; continue; }
            if (!itemOk(item)) return Result.Mismatch;
        }
        return deferred ? Result.Deferred : Result.Ok;
    }

    private static Result IsStringMap(PyValue value)
    {
        if (value is not PyDict dict) return Result.Mismatch;
        bool deferred = false;
        foreach (var entry in dict.Entries)
        {
            if (entry.Key is not PyStr) return Result.Mismatch;
            if (entry.Value is PyDeferred or PyUnknown) { deferred = true; continue; }
            if (entry.Value is not (PyStr or PyNone)) return Result.Mismatch;
        }
        return deferred ? Result.Deferred : Result.Ok;
    }

    private static bool ExpectedTypeFits(SettingKind kind, string type) => kind switch
    {
        SettingKind.StringSequence or SettingKind.RegexSequence or SettingKind.ImportPathSequence or SettingKind.LooseStringSequence => type is "list" or "tuple",
        SettingKind.Bool => type == "bool",
        SettingKind.NonNegativeInt => type is "int" or "bool",
        SettingKind.TimeDelta => type == "timedelta",
        SettingKind.Leeway => type is "int" or "float" or "timedelta",
        SettingKind.String or SettingKind.Regex or SettingKind.ImportPath => type == "str",
        SettingKind.OptionalString => type is "str" or "NoneType",
        SettingKind.OptionalInt => type is "int" or "bool" or "NoneType",
        SettingKind.StringMap => type == "dict",
        SettingKind.LanguageSequence => type is "list" or "tuple",
        SettingKind.StringOrSequence or SettingKind.OptionalStringOrSequence or SettingKind.ReferrerPolicy => type is "str" or "list" or "tuple" or "NoneType",
        SettingKind.OptionalStringPair => type is "list" or "tuple" or "NoneType",
        SettingKind.OptionalNonNegativeInt => type is "int" or "bool" or "NoneType",
        _ => true,
    };
}
