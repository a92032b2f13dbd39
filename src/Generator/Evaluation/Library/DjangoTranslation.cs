using System.Collections.Generic;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// <c>django.utils.translation</c>'s gettext family as settings files use it:
/// <c>LANGUAGES = [("ko", _("Korean"))]</c> only marks the names for translation. Settings are read
/// before any language is active, so each call returns its message unchanged.
/// </summary>
internal static class DjangoTranslation
{
    private static readonly string[] Names = { "gettext", "gettext_lazy", "gettext_noop", "ugettext", "ugettext_lazy", "ugettext_noop" };

    /// <summary>Whether <paramref name="name"/> is one of the modelled functions of the module.</summary>
    public static bool IsFunction(string name) => System.Array.IndexOf(Names, name) >= 0;

    /// <summary>The library functions this module models, by qualified name.</summary>
    public static IEnumerable<KeyValuePair<string, LibraryFunction>> Functions { get; } = Build();

    private static Dictionary<string, LibraryFunction> Build()
    {
        var table = new Dictionary<string, LibraryFunction>();
        foreach (var name in Names)
        {
            string n = name;
            table["django.utils.translation." + n] = (site, args) =>
                args.Get(0, "message") ?? site.Error("TypeError: " + n + "() missing 1 required positional argument: 'message'");
        }
        return table;
    }
}
