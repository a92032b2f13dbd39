using System.Collections.Generic;
using System.Threading;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// Evaluate, bind, check: the one sequence the build (with no environment, or the empty one for
/// the defaults check) and application startup (with IConfiguration) both run, so they report the
/// same diagnostics for the same values.
/// </summary>
internal static class SettingsPipeline
{
    /// <summary>
    /// Runs the stages; every diagnostic is appended to <paramref name="diagnostics"/> in stage order.
    /// <paramref name="deployChecks"/> adds Django's deploy checks (the build's, for Release or DjangoDeployChecks=true).
    /// </summary>
    public static BoundSettings Run(IReadOnlyList<SettingsSource> files, ISettingsEnvironment? environment, ICollection<SettingsDiagnostic> diagnostics, CancellationToken cancellationToken = default, bool deployChecks = false)
    {
        var module = SettingsEvaluator.Evaluate(files, environment, cancellationToken);
        foreach (var d in module.Diagnostics) diagnostics.Add(d);
        var bound = SettingsBinder.Bind(module, files, diagnostics);
        SettingsChecks.Run(bound, diagnostics, deployChecks);
        return bound;
    }
}
