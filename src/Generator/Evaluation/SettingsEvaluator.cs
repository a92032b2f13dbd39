using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation;

/// <summary>
/// Evaluates Django settings files (a documented subset of Python, see docs/settings-language.md)
/// into values. One evaluator for both phases: without an environment (build time) environment and
/// file reads become <see cref="PyDeferred"/> values; with one (application startup) they are read
/// and the same code folds to constants.
/// </summary>
internal static class SettingsEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="files"/> as modules of one package. The last file is the main
    /// settings module; <c>from .base import *</c>, <c>from .base import X</c> and
    /// <c>from config.settings.base import *</c> resolve to the given file whose name stem is
    /// <c>base</c>. Never throws, except <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="files">The settings modules; the last one is the main module.</param>
    /// <param name="environment">Null at build time; the startup environment otherwise.</param>
    /// <param name="cancellationToken">Checked between statements and in loops.</param>
    public static SettingsModule Evaluate(IReadOnlyList<SettingsSource> files, ISettingsEnvironment? environment, CancellationToken cancellationToken = default)
    {
        if (files is null || files.Count == 0)
        {
            return new SettingsModule(new NameMap(new List<SettingBinding>()), Array.Empty<AnnotationStatement>(), Array.Empty<SkippedAssignment>(), Array.Empty<SettingsDiagnostic>());
        }
        var session = new EvaluationSession(files, environment, cancellationToken);
        var names = new List<SettingBinding>();
        try
        {
            // Parse every file so syntax errors in all of them are reported.
            for (int i = 0; i < files.Count; i++) session.GetTree(i);
            var main = session.EvaluateModule(files.Count - 1);
            if (main is not null)
            {
                foreach (var name in main.Scope.Names)
                {
                    if (!main.Scope.TryGet(name, out var binding) || binding.IsImport) continue;
                    names.Add(new SettingBinding(name, binding.Value, binding.NameLocation, binding.StatementLocation));
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in the evaluator must not take the build down: report it and keep what we have.
            var last = files[files.Count - 1];
            session.Report(SettingsDiagnostic.Create(DiagnosticDescriptors.InternalError, SourceLocation.None(last.Path), ex.GetType().Name + ": " + ex.Message));
        }
        var diagnostics = session.Diagnostics
            .OrderBy(d => d.Location.Path == files[files.Count - 1].Path ? 1 : 0)
            .ThenBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Span.Start)
            .ToList();
        return new SettingsModule(new NameMap(names), session.Annotations.ToList(), session.Skipped.ToList(), diagnostics);
    }

    /// <summary>Evaluates a single settings file.</summary>
    public static SettingsModule Evaluate(SettingsSource file, ISettingsEnvironment? environment, CancellationToken cancellationToken = default)
        => Evaluate(new[] { file }, environment, cancellationToken);

    /// <summary>A read-only dictionary that enumerates in first-assignment order.</summary>
    private sealed class NameMap : IReadOnlyDictionary<string, SettingBinding>
    {
        private readonly List<SettingBinding> _ordered;
        private readonly Dictionary<string, SettingBinding> _byName;

        public NameMap(List<SettingBinding> ordered)
        {
            _ordered = ordered;
            _byName = new Dictionary<string, SettingBinding>(StringComparer.Ordinal);
            foreach (var b in ordered) _byName[b.Name] = b;
        }

        public SettingBinding this[string key] => _byName[key];

        public IEnumerable<string> Keys => _ordered.Select(b => b.Name);

        public IEnumerable<SettingBinding> Values => _ordered;

        public int Count => _ordered.Count;

        public bool ContainsKey(string key) => _byName.ContainsKey(key);

        public bool TryGetValue(string key, out SettingBinding value) => _byName.TryGetValue(key, out value!);

        public IEnumerator<KeyValuePair<string, SettingBinding>> GetEnumerator()
            => _ordered.Select(b => new KeyValuePair<string, SettingBinding>(b.Name, b)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
