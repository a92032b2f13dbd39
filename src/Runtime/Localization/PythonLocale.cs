using System;
using System.Collections.Generic;

namespace DjangoSettings.Localization;

/// <summary>
/// The locale-name rules between a Django language code and a catalogue directory: Django's
/// <c>to_locale</c> (<c>pt-br</c> → <c>pt_BR</c>, <c>sr-latn</c> → <c>sr_Latn</c>) and Python's
/// <c>gettext._expand_lang</c> over <c>locale.normalize</c> (<c>ko</c> → <c>ko_KR.eucKR</c>, <c>ko_KR</c>,
/// <c>ko.eucKR</c>, <c>ko</c>), which is why DRF's <c>ko_KR</c> catalogue serves <c>ko</c>.
/// </summary>
internal static class PythonLocale
{
    /// <summary>Django's <c>to_locale</c>.</summary>
    public static string ToLocale(string language)
    {
        string lower = language.ToLowerInvariant();
        int dash = lower.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return lower;
        string lang = lower.Substring(0, dash);
        string country = lower.Substring(dash + 1);
        string tail = "";
        int second = country.IndexOf('-', StringComparison.Ordinal);
        if (second >= 0)
        {
            tail = country.Substring(second);
            country = country.Substring(0, second);
        }
        country = country.Length > 2 ? Title(country) : country.ToUpperInvariant();
        return lang + "_" + country + tail;
    }

    // str.title() of an ASCII-ish code: upper-case after a non-letter, lower-case otherwise.
    private static string Title(string s)
    {
        var chars = s.ToCharArray();
        bool previousLetter = false;
        for (int i = 0; i < chars.Length; i++)
        {
            bool letter = char.IsLetter(chars[i]);
            chars[i] = letter ? (previousLetter ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i])) : chars[i];
            previousLetter = letter;
        }
        return new string(chars);
    }

    /// <summary><c>gettext._expand_lang</c>: the candidate directory names, most specific first.</summary>
    public static List<string> ExpandLang(string locale, IReadOnlyDictionary<string, string> alias)
    {
        string loc = Normalize(locale, alias);
        string modifier = "", codeset = "", territory = "";
        int mask = 0;
        int pos = loc.IndexOf('@', StringComparison.Ordinal);
        if (pos >= 0)
        {
            modifier = loc.Substring(pos);
            loc = loc.Substring(0, pos);
            mask |= 4;
        }
        pos = loc.IndexOf('.', StringComparison.Ordinal);
        if (pos >= 0)
        {
            codeset = loc.Substring(pos);
            loc = loc.Substring(0, pos);
            mask |= 1;
        }
        pos = loc.IndexOf('_', StringComparison.Ordinal);
        if (pos >= 0)
        {
            territory = loc.Substring(pos);
            loc = loc.Substring(0, pos);
            mask |= 2;
        }
        var result = new List<string>();
        for (int i = 0; i <= mask; i++)
        {
            if ((i & ~mask) != 0) continue;
            string val = loc;
            if ((i & 2) != 0) val += territory;
            if ((i & 1) != 0) val += codeset;
            if ((i & 4) != 0) val += modifier;
            result.Add(val);
        }
        result.Reverse();
        return result;
    }

    // locale.normalize for names without an encoding (Django's locale names have none): the alias
    // of the lower-cased name, else the name itself.
    private static string Normalize(string localeName, IReadOnlyDictionary<string, string> alias)
    {
        string code = localeName.ToLowerInvariant().Replace(':', '.');
        if (code.Contains('@', StringComparison.Ordinal) || code.Contains('.', StringComparison.Ordinal)) return NormalizeFull(localeName, code, alias);
        return alias.TryGetValue(code, out var value) ? value : localeName;
    }

    private static string NormalizeFull(string localeName, string code, IReadOnlyDictionary<string, string> alias)
    {
        string modifier = "";
        int at = code.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            modifier = code.Substring(at + 1);
            code = code.Substring(0, at);
        }
        string langname = code, encoding = "";
        int dot = code.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            langname = code.Substring(0, dot);
            encoding = code.Substring(dot + 1).Split('.')[0];
        }
        string langEnc = langname;
        if (encoding.Length > 0) langEnc += "." + encoding.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        string lookup = langEnc;
        if (modifier.Length > 0) lookup += "@" + modifier;
        if (alias.TryGetValue(lookup, out var found)) return found;
        if (modifier.Length > 0 && alias.TryGetValue(langEnc, out var withoutModifier))
        {
            if (!withoutModifier.Contains('@', StringComparison.Ordinal)) return withoutModifier + "@" + modifier;
            if (string.Equals(withoutModifier.Split('@', 2)[1], modifier, StringComparison.OrdinalIgnoreCase)) return withoutModifier;
        }
        return localeName;
    }
}
