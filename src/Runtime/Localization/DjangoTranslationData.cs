using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace DjangoSettings.Localization;

/// <summary>
/// The gettext catalogues of Django, its contrib apps, DRF and simplejwt as installed with the
/// reference stack, read by Data/extract_catalogs.py (Python's own gettext) into the embedded
/// Data/django-translations.json: per source, each catalogue directory that exists with the
/// translations of DRF's and simplejwt's msgids it holds; Python's locale aliases; Django's default
/// LANGUAGES and LANG_INFO fallbacks.
/// </summary>
internal sealed class DjangoTranslationData
{
    private const string ResourceName = "DjangoSettings.Localization.django-translations.json";

    private DjangoTranslationData(
        Dictionary<string, Dictionary<string, Dictionary<string, string>>> sources,
        Dictionary<string, Dictionary<string, int>> plurals,
        Dictionary<string, string> localeAlias,
        Dictionary<string, string[]> langInfoFallbacks,
        string[] languages,
        Dictionary<string, string> versions)
    {
        Sources = sources;
        Plurals = plurals;
        LocaleAlias = localeAlias;
        LangInfoFallbacks = langInfoFallbacks;
        Languages = languages;
        Versions = versions;
    }

    /// <summary>source (app module) → catalogue directory → msgid → translation.</summary>
    public Dictionary<string, Dictionary<string, Dictionary<string, string>>> Sources { get; }

    /// <summary>source → catalogue directory → the number of its plural function (equal numbers: equal functions).</summary>
    public Dictionary<string, Dictionary<string, int>> Plurals { get; }

    /// <summary>Python's <c>locale.locale_alias</c> (the part that can reach a catalogue).</summary>
    public Dictionary<string, string> LocaleAlias { get; }

    /// <summary>Django's <c>LANG_INFO[code]['fallback']</c>.</summary>
    public Dictionary<string, string[]> LangInfoFallbacks { get; }

    /// <summary>Django's default LANGUAGES codes.</summary>
    public string[] Languages { get; }

    /// <summary>The versions the data was read from.</summary>
    public Dictionary<string, string> Versions { get; }

    /// <summary>Loads the embedded data.</summary>
    public static DjangoTranslationData Load()
    {
        using var stream = typeof(DjangoTranslationData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("embedded resource " + ResourceName + " is missing");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var sources = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>(StringComparer.Ordinal);
        var plurals = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var source in root.GetProperty("sources").EnumerateObject())
        {
            var sourcePlurals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in source.Value.GetProperty("plurals").EnumerateObject()) sourcePlurals[p.Name] = p.Value.GetInt32();
            plurals[source.Name] = sourcePlurals;
            var dirs = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var dir in source.Value.GetProperty("dirs").EnumerateObject())
            {
                var entries = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in dir.Value.EnumerateObject()) entries[entry.Name] = entry.Value.GetString()!;
                dirs[dir.Name] = entries;
            }
            sources[source.Name] = dirs;
        }
        var alias = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in root.GetProperty("locale_alias").EnumerateObject()) alias[a.Name] = a.Value.GetString()!;
        var fallbacks = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var f in root.GetProperty("lang_info_fallbacks").EnumerateObject())
        {
            var list = new List<string>();
            foreach (var code in f.Value.EnumerateArray()) list.Add(code.GetString()!);
            fallbacks[f.Name] = list.ToArray();
        }
        var languages = new List<string>();
        foreach (var code in root.GetProperty("languages").EnumerateArray()) languages.Add(code.GetString()!);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in root.GetProperty("versions").EnumerateObject()) versions[v.Name] = v.Value.ToString();
        return new DjangoTranslationData(sources, plurals, alias, fallbacks, languages.ToArray(), versions);
    }
}
