using System.Collections.Generic;
using System.Threading;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation;

/// <summary>Runs settings files. PLACEHOLDER: replaced by the language branch (lexer, parser, evaluator).</summary>
public static class SettingsEvaluator
{
    /// <summary>Evaluates the files (the last one is the main module); environment null means build time.</summary>
    public static SettingsModule Evaluate(IReadOnlyList<SettingsSource> files, ISettingsEnvironment? environment, CancellationToken cancellationToken = default)
        => new(new Dictionary<string, SettingBinding>(), new List<AnnotationStatement>(), new List<SkippedAssignment>(), new List<SettingsDiagnostic>());
}
