using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DjangoSettings.Users;

/// <summary>
/// <c>field.clean(value)</c> for the text fields <c>createsuperuser</c> fills: Django's messages for
/// an invalid e-mail address (<c>validate_email</c>), an invalid username
/// (<c>UnicodeUsernameValidator</c>) and a value over <c>max_length</c>, in Django's order.
/// </summary>
internal static partial class DjangoFieldValidation
{
    public const string InvalidEmail = "Enter a valid email address.";
    public const string InvalidUsername = "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.";

    /// <summary>The ValidationError messages Django's clean() gives <paramref name="value"/> (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(DjangoUserField field, string value)
    {
        var errors = new List<string>();
        switch (field.Format)
        {
            case DjangoTextFormat.Email when !IsEmail(value):
                errors.Add(InvalidEmail);
                break;
            case DjangoTextFormat.UnicodeUsername when !IsUsername(value):
                errors.Add(InvalidUsername);
                break;
        }
        int length = PythonText.Length(value);
        if (field.MaxLength is { } max && length > max)
        {
            string noun = max == 1 ? "character" : "characters";
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Ensure this value has at most {max} {noun} (it has {length})."));
        }
        return errors;
    }

    /// <summary>Django's <c>EmailValidator</c> (3.2.25, with the 320-character limit).</summary>
    public static bool IsEmail(string value)
    {
        if (value.Length == 0 || !value.Contains('@', StringComparison.Ordinal) || PythonText.Length(value) > 320) return false;
        int at = value.LastIndexOf('@');
        string user = value.Substring(0, at);
        string domain = value.Substring(at + 1);
        if (!UserPart().IsMatch(user)) return false;
        if (domain == "localhost" || IsDomain(domain)) return true;
        // A possible IDN domain: its punycode form must pass.
        try
        {
            return IsDomain(new IdnMapping().GetAscii(domain));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsDomain(string domain)
    {
        if (DomainPart().IsMatch(domain)) return true;
        var literal = LiteralPart().Match(domain);
        if (!literal.Success) return false;
        string address = literal.Groups[1].Value;
        return IsIPv4(address) || DjangoSettings.Shared.PythonIpAddress.IsIPv6(address);
    }

    // ipaddress.IPv4Address: four decimal octets, no leading zeros.
    private static bool IsIPv4(string text)
    {
        string[] parts = text.Split('.');
        if (parts.Length != 4) return false;
        foreach (string part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0')) return false;
            foreach (char c in part) if (c is < '0' or > '9') return false;
            if (int.Parse(part, CultureInfo.InvariantCulture) > 255) return false;
        }
        return true;
    }

    /// <summary><c>UnicodeUsernameValidator</c>: <c>^[\w.@+-]+\Z</c> with Python's Unicode <c>\w</c>.</summary>
    public static bool IsUsername(string value)
    {
        if (value.Length == 0) return false;
        foreach (Rune r in value.EnumerateRunes())
        {
            if (r.Value is '.' or '@' or '+' or '-' or '_') continue;
            // Python's \w: str.isalnum() characters (letters and every kind of number) and '_'.
            if (Rune.IsLetter(r)) continue;
            var category = Rune.GetUnicodeCategory(r);
            if (category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber) continue;
            return false;
        }
        return true;
    }

    [GeneratedRegex("(^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\\z|^\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"\\z)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserPart();

    [GeneratedRegex("^((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\\.)+)(?:[A-Z0-9-]{2,63}(?<!-))\\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainPart();

    [GeneratedRegex("^\\[([A-F0-9:.]+)\\]\\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiteralPart();
}
