using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// Files the settings read (<c>open(p).read()</c>, <c>Path.read_text()</c>, <c>exists()</c>):
/// read through the environment at startup, deferred at build time.
/// </summary>
internal static class FileReads
{
    /// <summary>The text of a path value (a <c>str</c> or a <see cref="PyPath"/>); null otherwise.</summary>
    public static string? PathText(PyValue path) => path switch
    {
        PyPath p => p.Path,
        PyStr s => s.Value,
        _ => null,
    };

    /// <summary>The file's contents (startup) or a deferred <c>str</c> (build time).</summary>
    public static PyValue Read(Site site, PyValue path)
    {
        if (path is PyUnknown) return path;
        if (path is PyDeferred)
        {
            return site.Deferred(ModuleEvaluator.KeysOf(path), null, "str");
        }
        var text = PathText(path);
        if (text is null) return site.Error("TypeError: expected str or os.PathLike object, not " + path.TypeName);
        var env = site.Session.Environment;
        if (env is not null)
        {
            var content = env.ReadFile(text);
            if (content is null)
            {
                site.Report(DiagnosticDescriptors.FileNotReadable, text, site.SourceText);
                return new PyUnknown("file '" + text + "' cannot be read") { Origin = site.Location };
            }
            return new PyStr(content) { Origin = site.Location };
        }
        if (site.Context.DefaultsMode) return new PyUnknown("file contents are not known at build time");
        return site.Deferred(EquatableArray<string>.Empty, null, "str");
    }

    /// <summary>Whether the file exists (startup) or a deferred <c>bool</c> (build time).</summary>
    public static PyValue Exists(Site site, PyValue path)
    {
        if (path is PyUnknown) return path;
        if (path is PyDeferred) return site.Deferred(ModuleEvaluator.KeysOf(path), null, "bool");
        var text = PathText(path);
        if (text is null) return site.Error("TypeError: expected str or os.PathLike object, not " + path.TypeName);
        var env = site.Session.Environment;
        if (env is not null) return new PyBool(env.ReadFile(text) is not null);
        if (site.Context.DefaultsMode) return new PyUnknown("file existence is not known at build time");
        return site.Deferred(EquatableArray<string>.Empty, null, "bool");
    }
}
