using System.Collections.Generic;

namespace DjangoSettings.Localization;

/// <summary>
/// One language's translations as Django's <c>DjangoTranslation</c> assembles them: the merged
/// primary catalogues (INSTALLED_APPS' first listed winning over later ones, all over Django's own),
/// then the fallbacks in the order gettext chains them (each source's less specific directories,
/// then LANGUAGE_CODE's translation).
/// </summary>
internal sealed class DjangoCatalog
{
    private readonly Dictionary<string, string> _merged;
    private readonly List<Dictionary<string, string>> _fallbacks;

    public DjangoCatalog(Dictionary<string, string> merged, List<Dictionary<string, string>> fallbacks, bool found)
    {
        _merged = merged;
        _fallbacks = fallbacks;
        Found = found;
    }

    /// <summary>Whether any catalogue exists for the language (Django's <c>_catalog is not None</c>).</summary>
    public bool Found { get; }

    /// <summary>GNUTranslations.gettext: the merged catalogue, then each fallback, else the msgid.</summary>
    public string Gettext(string msgId)
    {
        if (_merged.TryGetValue(msgId, out var text)) return text;
        foreach (var fallback in _fallbacks)
        {
            if (fallback.TryGetValue(msgId, out text)) return text;
        }
        return msgId;
    }

    /// <summary>The layers a language's lookup goes through after its own (used when another language falls back to this one).</summary>
    public IEnumerable<Dictionary<string, string>> Layers()
    {
        yield return _merged;
        foreach (var f in _fallbacks) yield return f;
    }
}
