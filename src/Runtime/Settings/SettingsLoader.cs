using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Settings;

/// <summary>
/// Evaluates the embedded settings files at startup with the real environment: the same
/// evaluator, binder and checks as the build, so an environment value that breaks a rule fails
/// fast with the same message and the settings file's line.
/// </summary>
public static class SettingsLoader
{
    /// <summary>Loads and checks; throws <see cref="SettingsValidationException"/> when any error is found.</summary>
    /// <param name="files">(path, text) of each settings file, the main module last.</param>
    /// <param name="environment">Where variables and files come from.</param>
    public static LoadedSettings Load(IReadOnlyList<(string Path, string Text)> files, ISettingsEnvironment environment)
    {
        if (files is null) throw new ArgumentNullException(nameof(files));
        if (environment is null) throw new ArgumentNullException(nameof(environment));
        var sources = files.Select(f => new SettingsSource(f.Path, f.Text)).ToList();
        var diagnostics = new List<SettingsDiagnostic>();
        var bound = SettingsPipeline.Run(sources, environment, diagnostics);
        var errors = diagnostics.Where(d => d.Severity == SettingsSeverity.Error).ToList();
        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return new LoadedSettings(bound, diagnostics);
    }
}
