using System.Collections.Generic;
using System.Globalization;
using DjangoSettings.Jwt;

namespace DjangoSettings.Drf;

/// <summary>DRF's <c>CharField</c> (trim_whitespace, no blank, no null) applied to one raw value.</summary>
internal static class DrfCharField
{
    /// <summary>Returns the cleaned value, or null with the field error DRF reports.</summary>
    public static string? Clean(object? raw, out string? error)
    {
        error = null;
        if (ReferenceEquals(raw, DrfRequestData.Missing))
        {
            error = SimpleJwtMessages.FieldRequired;
            return null;
        }
        if (raw is string s && PythonStrip(s).Length == 0)
        {
            error = SimpleJwtMessages.FieldBlank;
            return null;
        }
        switch (raw)
        {
            case null:
                error = "This field may not be null.";
                return null;
            case string text:
                return PythonStrip(text);
            case long l:
                return l.ToString(CultureInfo.InvariantCulture);
            case double d:
                return PythonStrip(PythonJsonWriter.FormatFloat(d));
            default:
                error = SimpleJwtMessages.FieldNotString;
                return null;
        }
    }

    /// <summary>Python's <c>str.strip()</c>: Unicode whitespace including the ASCII separators U+001C–U+001F.</summary>
    public static string PythonStrip(string s)
    {
        int start = 0;
        int end = s.Length;
        while (start < end && IsPythonSpace(s[start])) start++;
        while (end > start && IsPythonSpace(s[end - 1])) end--;
        return s.Substring(start, end - start);
    }

    private static bool IsPythonSpace(char c) => c is (>= '\t' and <= '\r') or (>= '\x1c' and <= ' ') or '\x85' or '\xa0' or '\u1680'
        or (>= '\u2000' and <= '\u200a') or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000';

    /// <summary>Validates fields in declaration order; returns the DRF error dict or null.</summary>
    public static TokenClaimsBuilder? ValidateAll(DrfRequestData data, IReadOnlyList<string> fields, string?[] values)
    {
        if (data.NonFieldError is { } nonField)
        {
            return new TokenClaimsBuilder().Set("non_field_errors", new[] { nonField });
        }
        TokenClaimsBuilder? errors = null;
        for (int i = 0; i < fields.Count; i++)
        {
            values[i] = Clean(data.Get(fields[i]), out var error);
            if (error is not null) (errors ??= new TokenClaimsBuilder()).Set(fields[i], new[] { error });
        }
        return errors;
    }
}
