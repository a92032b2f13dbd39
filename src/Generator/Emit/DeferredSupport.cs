using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// The members a settings class needs when some values are read at startup: the embedded source
/// (the runtime evaluates it again with configuration, running the same checks), the configuration
/// keys it reads, and the resolver hook the runtime sets.
/// </summary>
internal static class DeferredSupport
{
    /// <summary>Writes the members into the outer settings class.</summary>
    public static void Write(IndentedWriter w, BoundSettings settings, IReadOnlyList<BoundSetting> deferred)
    {
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
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Supplies the settings that are read at startup. The DjangoSettings runtime sets it when the");
        w.Line("/// application starts: it evaluates <see cref=\"SourceText\"/> with configuration values, runs the");
        w.Line("/// same checks as the build (failing fast on errors), and then answers each binding key (one of");
        w.Line("/// <see cref=\"DeferredKeys\"/>) with the member's type: <c>IReadOnlyList&lt;string&gt;</c>, <c>bool</c>,");
        w.Line("/// <c>int</c>, <c>TimeSpan</c> or <c>string</c> (null where the member is nullable), as");
        w.Line("/// <c>DjangoSettings.Generator.Emit.SettingValues.Resolver</c> builds it from the startup evaluation.");
        w.Line("/// </summary>");
        w.Line("public static global::System.Func<string, object?>? DeferredResolver { get; set; }");
        w.Line();
        using (w.Block("private static T ReadDeferred<T>(string key, string description)"))
        {
            w.Line("var resolver = DeferredResolver;");
            w.Line("if (resolver is null)");
            w.Line("{");
            w.Line("    throw new global::System.InvalidOperationException(key + \" is read from configuration at startup (\" + description + \"), but no resolver is set: register the DjangoSettings runtime before reading it.\");");
            w.Line("}");
            w.Line();
            w.Line("object? value = resolver(key);");
            w.Line("if (value is T typed) return typed;");
            w.Line("if (value is null && default(T) is null) return default!;");
            w.Line("throw new global::System.InvalidOperationException(key + \": the resolver returned \" + (value?.GetType().FullName ?? \"null\") + \", expected \" + typeof(T).FullName + \".\");");
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
