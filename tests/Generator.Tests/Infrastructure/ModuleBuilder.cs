using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Tests.Infrastructure;

/// <summary>
/// Builds a <see cref="SettingsModule"/> by hand for a settings text: the test says what each name
/// evaluates to, and the builder finds where it is written (name, statement and value spans), as
/// the evaluator would. This tests the emitter and the generator edge independently of the
/// language front end, through the real binder.
/// </summary>
internal sealed class ModuleBuilder
{
    private readonly SettingsSource _source;
    private readonly Dictionary<string, SettingBinding> _names = new(StringComparer.Ordinal);
    private readonly List<PyDictEntry> _jwt = new();

    /// <summary>Starts a module for one file.</summary>
    public ModuleBuilder(string path, string text) => _source = new SettingsSource(path, text);

    /// <summary>The file.</summary>
    public SettingsSource Source => _source;

    /// <summary>A module-level assignment <c>NAME = ...</c> (the last one in the file) evaluating to <paramref name="value"/>.</summary>
    public ModuleBuilder Set(string name, PyValue value)
    {
        var match = Regex.Matches(_source.Text, @"^" + Regex.Escape(name) + @"[ \t]*(\+?=)[ \t]*", RegexOptions.Multiline).Cast<Match>().LastOrDefault()
            ?? throw new ArgumentException(name + " is not assigned in the text");
        int nameStart = match.Index;
        int valueStart = match.Index + match.Length;
        int end = StatementEnd(valueStart);
        var nameLocation = _source.GetLocation(new SourceSpan(nameStart, name.Length));
        var statement = _source.GetLocation(SourceSpan.FromBounds(nameStart, end));
        var located = value with { Origin = _source.GetLocation(SourceSpan.FromBounds(valueStart, end)) };
        _names[name] = new SettingBinding(name, located, nameLocation, statement);
        return this;
    }

    /// <summary>An entry <c>"KEY": value,</c> of the SIMPLE_JWT dict.</summary>
    public ModuleBuilder SetJwt(string key, PyValue value)
    {
        var match = Regex.Match(_source.Text, "[\"']" + Regex.Escape(key) + "[\"'][ \\t]*:[ \\t]*");
        if (!match.Success) throw new ArgumentException(key + " is not in the SIMPLE_JWT dict");
        int valueStart = match.Index + match.Length;
        int end = StatementEnd(valueStart);
        if (end > valueStart && _source.Text[end - 1] == ',') end--;
        var keyValue = new PyStr(key) { Origin = _source.GetLocation(new SourceSpan(match.Index, key.Length + 2)) };
        _jwt.Add(new PyDictEntry(keyValue, value with { Origin = _source.GetLocation(SourceSpan.FromBounds(valueStart, end)) }));
        return this;
    }

    /// <summary>The module (SIMPLE_JWT included when any key was set).</summary>
    public SettingsModule Build()
    {
        var names = new Dictionary<string, SettingBinding>(_names, StringComparer.Ordinal);
        if (_jwt.Count > 0)
        {
            Set("SIMPLE_JWT", new PyDict(_jwt.ToEquatableArray()));
            names["SIMPLE_JWT"] = _names["SIMPLE_JWT"];
        }
        return new SettingsModule(names, new List<AnnotationStatement>(), new List<SkippedAssignment>(), new List<SettingsDiagnostic>());
    }

    /// <summary>Binds the module with the real binder; binder diagnostics go to <paramref name="diagnostics"/>.</summary>
    public BoundSettings Bind(List<SettingsDiagnostic>? diagnostics = null)
        => SettingsBinder.Bind(Build(), new[] { _source }, diagnostics ?? new List<SettingsDiagnostic>());

    /// <summary>A compile function for the generator seam: binds this module and emits, as SettingsCompiler does.</summary>
    public CompilationResult Compile(CompileOptions options)
    {
        var diagnostics = new List<SettingsDiagnostic>();
        var bound = Bind(diagnostics);
        return new CompilationResult(bound, diagnostics, global::DjangoSettings.Generator.Emit.SettingsEmitter.Emit(bound, options));
    }

    // The end of a statement: the first line break outside brackets and strings (trailing spaces trimmed).
    private int StatementEnd(int start)
    {
        string text = _source.Text;
        int depth = 0;
        char quote = '\0';
        int i = start;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\') { i++; continue; }
                if (c == quote) quote = '\0';
                continue;
            }
            if (c is '"' or '\'') quote = c;
            else if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') { if (depth == 0) break; depth--; }
            else if (c == '#' ) { while (i < text.Length && text[i] != '\n') i++; if (depth == 0) break; }
            else if (c == '\n' && depth == 0) break;
        }
        int end = Math.Min(i, text.Length);
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
