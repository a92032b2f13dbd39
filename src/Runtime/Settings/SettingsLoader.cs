using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Text;
using Microsoft.Extensions.Configuration;

namespace DjangoSettings.Settings;

/// <summary>
/// The runtime's one door into the settings compiler: evaluates settings files at startup with the
/// real environment, through the same evaluator, binder and checks as the build, so an environment
/// value that breaks a rule fails fast with the same message and the settings file's line.
/// Generated code calls it through <c>AddDjangoSettings&lt;TSettings&gt;()</c>; tools and tests
/// call it to load a settings file without the source generator.
/// </summary>
public static class SettingsLoader
{
    /// <summary>Loads and checks; throws <see cref="SettingsValidationException"/> when any error is found.</summary>
    /// <param name="files">(path, text) of each settings file, the main module last; <c>from .base import *</c> finds the file whose name stem is <c>base</c>.</param>
    /// <param name="configuration">Where <c>os.environ[...]</c>, <c>env(...)</c> and <c>config(...)</c> read their values (environment variables, appsettings.json...).</param>
    /// <param name="contentRoot">The folder files the settings read (<c>open(BASE_DIR / "key.pem")</c>) are relative to.</param>
    /// <exception cref="SettingsValidationException">A value fails a check.</exception>
    public static LoadedSettings Load(IReadOnlyList<(string Path, string Text)> files, IConfiguration configuration, string contentRoot)
        => Load(files, new ConfigurationEnvironment(configuration, contentRoot));

    /// <summary>Loads and checks against any environment (tests use fixed dictionaries).</summary>
    internal static LoadedSettings Load(IReadOnlyList<(string Path, string Text)> files, ISettingsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(environment);
        var sources = files.Select(f => new SettingsSource(f.Path, f.Text)).ToList();
        var diagnostics = new List<SettingsDiagnostic>();
        var bound = SettingsPipeline.Run(sources, environment, diagnostics, CancellationToken.None);
        var errors = diagnostics.Where(d => d.Severity == SettingsSeverity.Error).Select(d => new SettingsMessage(d)).ToList();
        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return new LoadedSettings(bound, diagnostics);
    }
}
