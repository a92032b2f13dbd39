using System.Collections.Generic;

namespace DjangoSettings.Localization;

/// <summary>
/// One language's translations as Django's <c>DjangoTranslation</c> assembles them: its
/// <c>TranslationCatalog</c> (one catalogue per plural function: a catalogue merged later updates
/// the first one with an equal plural function, or goes in front when there is none, and lookups try
/// them in order), then the fallbacks in the order gettext chains them (each source's less specific
/// directories, then LANGUAGE_CODE's translation).
/// </summary>
internal sealed class DjangoCatalog
{
    private readonly List<Dictionary<string, string>> _catalogs;
    private readonly List<Dictionary<string, string>> _fallbacks;

    public DjangoCatalog(List<Dictionary<string, string>> catalogs, List<Dictionary<string, string>> fallbacks, bool found)
    {
        _catalogs = catalogs;
        _fallbacks = fallbacks;
        Found = found;
    }

    /// <summary>Whether any catalogue exists for the language (Django's <c>_catalog is not None</c>).</summary>
    public bool Found { get; }

    /// <summary>GNUTranslations.gettext: the catalogues, then each fallback, else the msgid.</summary>
    public string Gettext(string msgId)
    {
        foreach (var catalog in _catalogs)
        {
            if (catalog.TryGetValue(msgId, out var text)) return text;
        }
        foreach (var fallback in _fallbacks)
        {
            if (fallback.TryGetValue(msgId, out var text)) return text;
        }
        return msgId;
    }

    /// <summary>The layers a lookup goes through, in order (used when another language falls back to this one).</summary>
    public IEnumerable<Dictionary<string, string>> Layers()
    {
        foreach (var c in _catalogs) yield return c;
        foreach (var f in _fallbacks) yield return f;
    }
}
