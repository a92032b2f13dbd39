using System;
using System.Text;
using DjangoSettings.Users;

namespace DjangoSettings.Jwt;

/// <summary>
/// Claim values as a translated <c>get_token</c> override computes them from the user in Django,
/// for the claims providers the generator writes (and for hand-written ones that want the same
/// values): a field as PyJWT writes it, Python's <c>str()</c> of a field, and
/// <c>AbstractUser.get_full_name()</c>/<c>get_short_name()</c>.
/// </summary>
public static class DjangoClaimValues
{
    /// <summary>
    /// <c>user.field</c>: the value as read (a string, a 64-bit integer, a bool or null), which the
    /// token writer encodes as PyJWT's <c>json.dumps</c> does.
    /// </summary>
    /// <param name="user">The user logging in.</param>
    /// <param name="field">The model field's name.</param>
    public static object? Field(DjangoUser user, string field)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user[field];
    }

    /// <summary>
    /// <c>str(user.field)</c>: Python's text of the value (<c>"None"</c> for NULL, <c>"True"</c>/<c>"False"</c>,
    /// decimal integers, a UUID hyphenated in lower case).
    /// </summary>
    /// <param name="user">The user logging in.</param>
    /// <param name="field">The model field's name.</param>
    /// <exception cref="NotSupportedException">The value has no translated text form (a date or date-time).</exception>
    public static string Str(DjangoUser user, string field)
    {
        ArgumentNullException.ThrowIfNull(user);
        object? value = user[field];
        if (value is null) return "None";
        return PythonText.Str(value) ?? throw new NotSupportedException($"str() of the {value.GetType().Name} field '{field}' is not translated.");
    }

    /// <summary>
    /// <c>AbstractUser.get_full_name()</c>: <c>"%s %s" % (first_name, last_name)</c> with Python's
    /// white space stripped from both ends.
    /// </summary>
    /// <param name="user">The user logging in.</param>
    public static string FullName(DjangoUser user)
    {
        string full = Str(user, "first_name") + " " + Str(user, "last_name");
        return StripPythonSpace(full);
    }

    /// <summary><c>AbstractUser.get_short_name()</c>: the first name.</summary>
    /// <param name="user">The user logging in.</param>
    public static object? ShortName(DjangoUser user) => Field(user, "first_name");

    // str.strip() with no argument: Python's white space (str.isspace), which is wider than .NET's Trim().
    private static string StripPythonSpace(string text)
    {
        int start = 0, end = text.Length;
        while (start < end && Rune.DecodeFromUtf16(text.AsSpan(start), out Rune rune, out int length) == System.Buffers.OperationStatus.Done && PythonText.IsSpace(rune)) start += length;
        while (end > start && Rune.DecodeLastFromUtf16(text.AsSpan(start, end - start), out Rune rune, out int length) == System.Buffers.OperationStatus.Done && PythonText.IsSpace(rune)) end -= length;
        return text.Substring(start, end - start);
    }
}
