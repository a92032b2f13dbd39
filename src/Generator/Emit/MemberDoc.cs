using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// The XML doc comment of one generated setting: which Django setting it is, what it does, and
/// where the file sets it (quoting the source) or what the default is.
/// </summary>
internal static class MemberDoc
{
    /// <summary>Writes the comment for <paramref name="setting"/>.</summary>
    public static void Write(IndentedWriter w, BoundSettings settings, BoundSetting setting, bool deferred, bool usesDefault)
    {
        var def = setting.Definition;
        w.Line("/// <summary>");
        w.Line("/// <c>" + XmlDoc.Escape(DjangoName(def)) + "</c>: " + XmlDoc.Escape(def.Summary));
        w.Line("/// </summary>");
        w.Line("/// <remarks>");
        if (setting.IsSet)
        {
            var at = setting.StatementLocation ?? setting.NameLocation;
            string where = at is null ? "the settings file" : at.Path + "(" + at.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            string alias = setting.WrittenName != def.DjangoName && def.Group == SettingGroup.Cors
                ? " under its legacy name <c>" + XmlDoc.Escape(setting.WrittenName) + "</c>"
                : string.Empty;
            w.Line("/// <para>Set in <c>" + XmlDoc.Escape(where) + "</c>" + alias + ":</para>");
            // A secret's line is never quoted: docs end up in IntelliSense, the XML file and the package.
            string? redacted = SettingsEmitter.Redacted(setting);
            if (at is not null)
            {
                w.Line("/// <code>");
                foreach (var line in SourceQuote.Lines(settings, at)) w.Line("/// " + XmlDoc.Escape(line));
                w.Line("/// </code>");
            }
            if (deferred && setting.Value is PyDeferred d)
            {
                w.Line("/// <para>Read at startup: <c>" + XmlDoc.Escape(redacted ?? d.Description) + "</c>" + Keys(d) + ".</para>");
            }
            else if (deferred)
            {
                w.Line("/// <para>Read at startup: part of the value comes from configuration.</para>");
            }
            if (usesDefault)
            {
                w.Line("/// <para>The value has errors (see the build diagnostics); the default is used meanwhile.</para>");
            }
        }
        else
        {
            w.Line("/// <para>Not set in the settings file; default: <c>" + XmlDoc.Escape(DefaultText(def)) + "</c>.</para>");
        }
        w.Line("/// </remarks>");
    }

    /// <summary>The setting as a Django developer writes it: <c>CORS_ALLOWED_ORIGINS</c>, <c>SIMPLE_JWT["ALGORITHM"]</c>, <c>DATABASES["default"]["NAME"]</c>.</summary>
    public static string DjangoName(SettingDefinition def)
    {
        if (def.Group == SettingGroup.SimpleJwt) return "SIMPLE_JWT[\"" + def.DjangoName + "\"]";
        if (def.Group == SettingGroup.RestFramework) return "REST_FRAMEWORK[\"" + def.DjangoName + "\"]";
        if (def.Group == SettingGroup.Caches) return "CACHES[\"default\"][\"" + def.DjangoName + "\"]";
        if (def.Key.StartsWith("DATABASES.default.", System.StringComparison.Ordinal)) return "DATABASES[\"default\"][\"" + def.DjangoName + "\"]";
        return def.DjangoName;
    }

    private static string DefaultText(SettingDefinition def) => def.Key switch
    {
        "SIMPLE_JWT.SIGNING_KEY" => "SECRET_KEY",
        _ => def.Default is null ? "None (not set)" : ValueDescription.Repr(def.Default),
    };

    private static string Keys(PyDeferred d)
        => d.EnvironmentKeys.Count == 0 ? string.Empty : " (configuration keys: " + string.Join(", ", d.EnvironmentKeys.Select(k => "<c>" + XmlDoc.Escape(k) + "</c>")) + ")";
}
