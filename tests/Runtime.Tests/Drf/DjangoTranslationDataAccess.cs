using System.Linq;
using System.Text.Json;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>The msgids the embedded translation data covers (read from the runtime assembly's resource).</summary>
internal static class DjangoTranslationDataAccess
{
    public static string[] Msgids()
    {
        var assembly = typeof(DjangoSettings.Localization.DjangoTranslations).Assembly;
        using var stream = assembly.GetManifestResourceStream("DjangoSettings.Localization.django-translations.json")!;
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty("msgids").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
