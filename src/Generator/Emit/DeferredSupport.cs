using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// The members a settings class needs when some values are read at startup: the embedded source
/// (the runtime evaluates it again with configuration, running the same checks), the configuration
/// keys it reads, and the reader the deferred members' initialisers call.
/// </summary>
internal static class DeferredSupport
{
    /// <summary>Writes the static facts about the files into the outer settings class (nothing when no value is deferred).</summary>
    public static void WriteSources(IndentedWriter w, BoundSettings settings, IReadOnlyList<BoundSetting> deferred)
    {
        if (deferred.Count == 0) return;
        string mainText = settings.Sources.Count > 0 ? settings.Sources[settings.Sources.Count - 1].Text : string.Empty;
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// The text of <see cref=\"SourcePath\"/>, embedded so the runtime can evaluate it again at startup");
        w.Line("/// with configuration values and report problems with the file's own line numbers.");
        w.Line("/// </summary>");
        w.Line("public const string SourceText = " + CSharpLiteral.Verbatim(mainText) + ";");
        if (settings.Sources.Count > 1)
        {
            w.Line();
            w.Line("/// <summary>Every settings file, in evaluation order (the last is the main module, <see cref=\"SourcePath\"/>).</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> SourcePaths { get; } = " + CSharpLiteral.ReadOnlyStringList(settings.Sources.Select(s => s.Path).ToList()) + ";");
            w.Line();
            w.Line("/// <summary>The text of each of <see cref=\"SourcePaths\"/>.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> SourceTexts { get; } = global::System.Array.AsReadOnly(new string[]");
            w.Line("{");
            foreach (var source in settings.Sources) w.Line(CSharpLiteral.Verbatim(source.Text) + ",");
            w.Line("});");
        }

        var keys = deferred.SelectMany(s => EnvironmentKeys(s.Value)).Distinct().OrderBy(k => k, System.StringComparer.Ordinal).ToList();
        w.Line();
        w.Line("/// <summary>The configuration keys (environment variables) the deferred settings read.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> ConfigurationKeys { get; } = " + CSharpLiteral.ReadOnlyStringList(keys) + ";");
        w.Line();
        w.Line("/// <summary>The binding keys of the settings read at startup (<c>CORS_ALLOWED_ORIGINS</c>, <c>SIMPLE_JWT.SIGNING_KEY</c>).</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> DeferredKeys { get; } = " + CSharpLiteral.ReadOnlyStringList(deferred.Select(s => s.Key).ToList()) + ";");
    }

    /// <summary>
    /// Writes <c>ReadDeferred&lt;T&gt;</c>: one deferred value from the values the runtime passes to the
    /// constructor (the member's type: <c>IReadOnlyList&lt;string&gt;</c>, <c>bool</c>, <c>int</c>,
    /// <c>TimeSpan</c> or <c>string</c>, as <c>SettingValues.Resolver</c> builds them).
    /// </summary>
    public static void WriteReader(IndentedWriter w)
    {
        w.Line();
        using (w.Block("private static T ReadDeferred<T>(" + SettingsEmitter.DeferredValuesType + "? values, string key, string description)"))
        {
            w.Line("if (values is null)");
            w.Line("{");
            w.Line("    throw new global::System.InvalidOperationException(key + \" is read from configuration at startup (\" + description + \"): create the settings through builder.AddDjangoSettings, which evaluates the settings file with IConfiguration.\");");
            w.Line("}");
            w.Line();
            w.Line("object? value = values(key);");
            w.Line("if (value is T typed) return typed;");
            w.Line("if (value is null && default(T) is null) return default!;");
            w.Line("throw new global::System.InvalidOperationException(key + \": the startup evaluation gave \" + (value?.GetType().FullName ?? \"null\") + \", expected \" + typeof(T).FullName + \".\");");
        }
    }

    private static IEnumerable<string> EnvironmentKeys(PyValue value) => value switch
    {
        PyDeferred d => d.EnvironmentKeys,
        PySequence s => s.Items.SelectMany(EnvironmentKeys),
        PyDict d => d.Entries.SelectMany(e => EnvironmentKeys(e.Key).Concat(EnvironmentKeys(e.Value))),
        _ => Enumerable.Empty<string>(),
    };
}
