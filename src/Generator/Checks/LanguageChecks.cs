using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// Django 3.2's translation checks (django/core/checks/translation.py): LANGUAGE_CODE, the codes of
/// LANGUAGES and LANGUAGES_BIDI must be language codes (translation.E001-E003), and LANGUAGE_CODE must
/// have a variant in LANGUAGES (E004, get_supported_language_variant). Django also requires a
/// translation catalogue for a variant it picks from the code and its generic forms; the build cannot
/// see the project's own catalogues (LOCALE_PATHS, apps), so it reports E004 only when no variant is
/// in LANGUAGES at all: every report is one Django makes, a code listed without any catalogue is not
/// reported.
/// </summary>
internal static class LanguageChecks
{
    // Django's language_code_re (re.IGNORECASE, matched with re.match and a $ anchor).
    private static readonly Regex LanguageCode = new(@"^[a-z]{1,8}(?:-[a-z0-9]{1,8})*(?:@[a-z0-9]{1,20})?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Dictionary<string, string> Fallbacks = DjangoReference.LangInfoFallbackCodes
        .Zip(DjangoReference.LangInfoFallbackTargets, (code, target) => (code, target))
        .ToDictionary(p => p.code, p => p.target, StringComparer.Ordinal);

    public static void Run(CheckContext ctx)
    {
        var code = ctx["LANGUAGE_CODE"];
        var languages = ctx["LANGUAGES"];
        bool codeUsable = ctx.IsUsable(code) && code.Value is PyStr;
        if (codeUsable && !IsLanguageCode(((PyStr)code.Value).Value))
        {
            ctx.Report(DiagnosticDescriptors.InvalidLanguageCode, code.ValueLocation, code, ValueDescription.ReprString(((PyStr)code.Value).Value));
        }

        List<string>? codes = null;
        if (languages.IsSet && ctx.IsUsable(languages) && languages.Value is PySequence pairs)
        {
            codes = new List<string>();
            foreach (var item in pairs.Items)
            {
                if (item is not PySequence { Items.Count: 2 } pair || pair.Items[0] is not PyStr tag) continue;
                codes.Add(tag.Value);
                if (!IsLanguageCode(tag.Value))
                    ctx.Report(DiagnosticDescriptors.InvalidLanguagesCode, tag.Origin ?? languages.ValueLocation, languages, ValueDescription.ReprString(tag.Value));
            }
        }
        else if (languages.IsSet)
        {
            codes = null; // not known: no E004
            codeUsable = false;
        }

        CheckBidi(ctx);

        if (codeUsable)
        {
            string value = ((PyStr)code.Value).Value;
            var supported = codes ?? DjangoReference.DefaultLanguages.ToList();
            if (!HasVariant(value, supported))
            {
                var at = code.IsSet ? code.ValueLocation : languages.ValueLocation;
                ctx.Report(DiagnosticDescriptors.LanguageCodeNotInLanguages, at, code, ValueDescription.ReprString(value),
                    codes is null ? "Django's default LANGUAGES" : "LANGUAGES (" + string.Join(", ", codes.Select(ValueDescription.ReprString)) + ")");
            }
        }
    }

    // .NET's $ matches before a final newline, as Python's does.
    private static bool IsLanguageCode(string text) => LanguageCode.IsMatch(text);

    // LANGUAGES_BIDI is not a setting the port translates: read as written.
    private static void CheckBidi(CheckContext ctx)
    {
        if (!ctx.Settings.Module.Names.TryGetValue("LANGUAGES_BIDI", out var bidi) || bidi.Value is not PySequence seq || !bidi.Value.IsConstant) return;
        foreach (var item in seq.Items)
        {
            if (item is PyStr s && IsLanguageCode(s.Value)) continue;
            ctx.Report(DiagnosticDescriptors.InvalidLanguagesBidiCode, item.Origin ?? bidi.Value.Origin ?? bidi.NameLocation, null,
                item is PyStr str ? ValueDescription.ReprString(str.Value) : ValueDescription.Repr(item));
        }
    }

    // get_supported_language_variant without the catalogue test: the code, its LANG_INFO fallback and
    // every shorter '-' prefix (lower-cased) in LANGUAGES, else a LANGUAGES code starting with the
    // shortest prefix and '-'.
    private static bool HasVariant(string code, IReadOnlyList<string> supported)
    {
        if (code.Length == 0) return false;
        var set = new HashSet<string>(supported, StringComparer.Ordinal);
        var possible = new List<string> { code };
        if (Fallbacks.TryGetValue(code, out var fallback)) possible.Add(fallback);
        for (int i = code.LastIndexOf('-'); i > 0; i = code.LastIndexOf('-', i - 1))
        {
            possible.Add(code.Substring(0, i));
        }
        string generic = possible[possible.Count - 1];
        if (possible.Any(c => set.Contains(c.ToLowerInvariant()))) return true;
        return supported.Any(s => s.StartsWith(generic + "-", StringComparison.Ordinal));
    }
}
