using System;
using System.Collections;
using System.Numerics;

namespace DjangoSettings.Users;

/// <summary>
/// Django's conversion of a lookup value for a field (<c>Field.get_prep_value</c>), as the ORM runs
/// it for <c>User.objects.get(&lt;USER_ID_FIELD&gt;=claim)</c>: integer fields take Python's
/// <c>int()</c> (<c>"01"</c>, <c>" 1 "</c>, <c>1.5</c> and <c>true</c> all mean 1), UUID fields
/// <c>uuid.UUID()</c> (any case, with or without hyphens or braces; an integer is the UUID's value),
/// text fields <c>str()</c>. Stores call it so that every store finds the same users Django finds.
/// </summary>
public static class DjangoLookup
{
    /// <summary>Converts <paramref name="value"/> (a JSON claim value or a typed key) for <paramref name="field"/>.</summary>
    public static DjangoLookupValue Convert(DjangoUserField field, object? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        // filter(field=None) is IS NULL: never a user for the key and login fields this serves.
        if (value is null) return DjangoLookupValue.None;
        if (field.IsInteger) return Integer(field, value);
        return field.Type switch
        {
            DjangoFieldType.UuidField => Uuid(value),
            DjangoFieldType.CharField or DjangoFieldType.TextField => PythonText.Str(value) is { } text
                ? DjangoLookupValue.Of(text)
                // str() of a list or dict is its Python repr, which no sane login equals.
                : DjangoLookupValue.None,
            _ => DjangoLookupValue.Invalid($"Field '{field.Name}' ({field.Type}) cannot be used to look a user up."),
        };
    }

    private static DjangoLookupValue Integer(DjangoUserField field, object value)
    {
        BigInteger number;
        switch (value)
        {
            case long l: number = l; break;
            case int i: number = i; break;
            case bool b: number = b ? 1 : 0; break;
            case double d when double.IsFinite(d): number = new BigInteger(Math.Truncate(d)); break;
            case string s:
                // Python's int(): beyond 64 bits (Python reads it) no column holds it.
                switch (PythonInt.TryParse(s, out long parsed))
                {
                    case PythonIntSyntax.Int64: number = parsed; break;
                    case PythonIntSyntax.OutOfRange: return DjangoLookupValue.None;
                    default: return DjangoLookupValue.Invalid($"Field '{field.Name}' expected a number but got {Repr(value)}.");
                }
                break;
            case DjangoUserKey key when key.Type is DjangoUserKeyType.Integer or DjangoUserKeyType.BigInteger: number = key.AsInt64(); break;
            default: return DjangoLookupValue.Invalid($"Field '{field.Name}' expected a number but got {Repr(value)}.");
        }
        // Beyond the column: SQLite overflows (a 500 in Django), PostgreSQL finds nothing.
        if (number < long.MinValue || number > long.MaxValue) return DjangoLookupValue.None;
        long n = (long)number;
        if (field.Type is DjangoFieldType.AutoField or DjangoFieldType.IntegerField && (n < int.MinValue || n > int.MaxValue)) return DjangoLookupValue.None;
        if (field.Type is DjangoFieldType.SmallAutoField or DjangoFieldType.SmallIntegerField && (n < short.MinValue || n > short.MaxValue)) return DjangoLookupValue.None;
        return DjangoLookupValue.Of(n);
    }

    private static DjangoLookupValue Uuid(object value)
    {
        Guid uuid = Guid.Empty;
        bool ok;
        switch (value)
        {
            case Guid g: uuid = g; ok = true; break;
            case DjangoUserKey { Type: DjangoUserKeyType.Uuid } key: uuid = key.AsGuid(); ok = true; break;
            // isinstance(value, int) -> UUID(int=value); bool is an int in Python.
            case long l: ok = PythonUuid.TryFromInteger(l, out uuid); break;
            case int i: ok = PythonUuid.TryFromInteger(i, out uuid); break;
            case bool b: ok = PythonUuid.TryFromInteger(b ? 1 : 0, out uuid); break;
            case string s: ok = PythonUuid.TryParse(s, out uuid); break;
            // A float or a list has no .replace: Django's ValidationError.
            default: ok = false; break;
        }
        return ok ? DjangoLookupValue.Of(uuid) : DjangoLookupValue.Invalid($"\u201c{PythonText.Str(value) ?? Repr(value)}\u201d is not a valid UUID.");
    }

    // Python's %r of a JSON value, for Django's messages.
    private static string Repr(object value) => value switch
    {
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        IList list => "[" + string.Join(", ", System.Linq.Enumerable.Select(System.Linq.Enumerable.Cast<object?>(list), v => v is null ? "None" : Repr(v))) + "]",
        _ => PythonText.Str(value) ?? value.GetType().Name,
    };
}
