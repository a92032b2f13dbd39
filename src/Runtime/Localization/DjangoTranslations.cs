using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DjangoSettings.Drf;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Localization;

/// <summary>
/// Django's translation machinery for DRF's and simplejwt's messages: which catalogue a language
/// uses (<c>to_locale</c>, Python's locale aliases, INSTALLED_APPS order, the LANGUAGE_CODE
/// fallback), <c>check_for_language</c> and <c>get_supported_language_variant</c> (LANGUAGES,
/// LANG_INFO fallbacks, every <c>-</c> prefix as in Debian's Django 3.2.25, then a regional variant).
/// The request's language is the one <see cref="DjangoLocaleMiddleware"/> activated, else
/// LANGUAGE_CODE (Django without LocaleMiddleware). With USE_I18N = False every message is its msgid.
/// </summary>
public sealed partial class DjangoTranslations : IDrfTranslator
{
    /// <summary>Django's <c>LANGUAGE_CODE_MAX_LENGTH</c> (Debian's security backport).</summary>
    internal const int LanguageCodeMaxLength = 500;

    private readonly DjangoTranslationData _data;
    private readonly ConcurrentDictionary<string, DjangoCatalog> _catalogs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _variants = new(StringComparer.Ordinal);
    private readonly string[] _languages;
    private readonly HashSet<string> _languageSet;
    // Sources that take part, in Django's merge order: Django's own first, then the apps from the last listed to the first.
    private readonly string[] _mergeOrder;
    // Every catalogue location check_for_language looks in: Django's own and each installed app's.
    private readonly string[] _checkSources;

    /// <summary>The machinery for <paramref name="settings"/>.</summary>
    public DjangoTranslations(DjangoLanguageSettings settings)
        : this(settings, DjangoTranslationData.Load())
    {
    }

    internal DjangoTranslations(DjangoLanguageSettings settings, DjangoTranslationData data)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _data = data;
        _languages = (settings.Languages ?? data.Languages).ToArray();
        _languageSet = new HashSet<string>(_languages, StringComparer.Ordinal);
        var apps = (settings.InstalledApps ?? DjangoLanguageSettings.DefaultInstalledApps).Where(data.Sources.ContainsKey).ToList();
        _mergeOrder = new[] { "django" }.Concat(Enumerable.Reverse(apps)).ToArray();
        _checkSources = new[] { "django" }.Concat(apps).ToArray();
    }

    /// <summary>The language settings.</summary>
    public DjangoLanguageSettings Settings { get; }

    /// <summary>The language codes of LANGUAGES.</summary>
    public IReadOnlyList<string> Languages => _languages;

    /// <inheritdoc />
    public string Gettext(HttpContext context, string msgId)
    {
        ArgumentNullException.ThrowIfNull(msgId);
        if (!Settings.UseI18n) return msgId;
        string language = context?.Features.Get<DjangoLanguageFeature>()?.Language ?? Settings.LanguageCode;
        return Gettext(language, msgId);
    }

    /// <summary>The translation of <paramref name="msgId"/> in <paramref name="language"/> (a Django language code).</summary>
    public string Gettext(string language, string msgId)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(msgId);
        if (!Settings.UseI18n) return msgId;
        // Django normalises line endings before the lookup.
        string key = msgId.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return CatalogFor(language).Gettext(key);
    }

    private DjangoCatalog CatalogFor(string language) => _catalogs.GetOrAdd(language, Build);

    // DjangoTranslation(language).
    private DjangoCatalog Build(string language)
    {
        var candidates = PythonLocale.ExpandLang(PythonLocale.ToLocale(language), _data.LocaleAlias);
        var catalogs = new List<Dictionary<string, string>>();
        var plurals = new List<int>();
        var fallbacks = new List<Dictionary<string, string>>();
        foreach (var source in _mergeOrder)
        {
            var dirs = _data.Sources[source];
            var present = candidates.Where(dirs.ContainsKey).Distinct().ToList();
            if (present.Count == 0) continue;
            // The first directory found is the catalogue merged in; the others are its gettext
            // fallbacks, appended to the translation's fallback chain.
            var primary = dirs[present[0]];
            int plural = _data.Plurals[source][present[0]];
            int same = plurals.IndexOf(plural);
            if (same >= 0)
            {
                foreach (var (msgId, text) in primary) catalogs[same][msgId] = text;
            }
            else
            {
                // The first catalogue starts the list; any other plural function goes in front.
                catalogs.Insert(0, new Dictionary<string, string>(primary, StringComparer.Ordinal));
                plurals.Insert(0, plural);
            }
            for (int i = 1; i < present.Count; i++) fallbacks.Add(dirs[present[i]]);
        }
        bool found = catalogs.Count > 0;
        // No fallback for LANGUAGE_CODE itself or any English variant.
        if (language != Settings.LanguageCode && !language.StartsWith("en", StringComparison.Ordinal))
        {
            fallbacks.AddRange(CatalogFor(Settings.LanguageCode).Layers());
        }
        return new DjangoCatalog(catalogs, fallbacks, found);
    }

    /// <summary>Django's <c>language_code_re</c>: whether an Accept-Language range can be a language code at all.</summary>
    public bool CheckForLanguageSyntax(string code) => code is not null && LanguageCodeRegex().IsMatch(code);

    /// <summary>Django's <c>check_for_language</c>: a well-formed code with a <c>django.mo</c> for its locale in Django's or an installed app's catalogues.</summary>
    public bool CheckForLanguage(string? code)
    {
        if (code is null || code.Length > LanguageCodeMaxLength || !LanguageCodeRegex().IsMatch(code)) return false;
        var candidates = PythonLocale.ExpandLang(PythonLocale.ToLocale(code), _data.LocaleAlias);
        foreach (var source in _checkSources)
        {
            var dirs = _data.Sources[source];
            if (candidates.Any(dirs.ContainsKey)) return true;
        }
        return false;
    }

    /// <summary>
    /// Django's <c>get_supported_language_variant(code)</c> (non-strict): the code, its LANG_INFO
    /// fallbacks and every shorter <c>-</c> prefix, the first in LANGUAGES with a catalogue; else the
    /// first LANGUAGES entry starting with the shortest prefix and <c>-</c>; else null (LookupError).
    /// </summary>
    public string? GetSupportedLanguageVariant(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        if (code.Length > LanguageCodeMaxLength)
        {
            int index = code.LastIndexOf('-', LanguageCodeMaxLength - 1);
            if (index <= 0) return null;
            code = code.Substring(0, index);
        }
        return _variants.GetOrAdd(code, FindVariant);
    }

    private string? FindVariant(string code)
    {
        var possible = new List<string> { code };
        if (_data.LangInfoFallbacks.TryGetValue(code, out var fallbacks)) possible.AddRange(fallbacks);
        for (int i = code.LastIndexOf('-'); i > -1; i = i == 0 ? -1 : code.LastIndexOf('-', i - 1))
        {
            possible.Add(code.Substring(0, i));
        }
        string generic = possible[^1];
        foreach (var candidate in possible)
        {
            if (_languageSet.Contains(candidate.ToLowerInvariant()) && CheckForLanguage(candidate)) return candidate;
        }
        foreach (var supported in _languages)
        {
            if (supported.StartsWith(generic + "-", StringComparison.Ordinal)) return supported;
        }
        return null;
    }

    [GeneratedRegex(@"^[a-z]{1,8}(?:-[a-z0-9]{1,8})*(?:@[a-z0-9]{1,20})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCodeRegex();
}
