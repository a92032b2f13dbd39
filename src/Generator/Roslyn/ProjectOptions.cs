namespace DjangoSettings.Generator.Roslyn;

/// <summary>The build properties the generator reads, as an equatable value.</summary>
/// <param name="ProjectDirectory">MSBuildProjectDirectory (empty when unknown).</param>
/// <param name="SettingsFile">DjangoSettingsFile (default <c>cors.settings</c>), as written.</param>
/// <param name="RootNamespace">RootNamespace, or empty for the global namespace.</param>
/// <param name="IsExplicit">Whether the project sets DjangoSettingsFile (then a missing file is an error, DJS0800).</param>
/// <param name="DeployChecks">DjangoDeployChecks: Django's deploy checks as DJS07NN warnings (the package's targets turn it on for Release).</param>
internal sealed record ProjectOptions(string ProjectDirectory, string SettingsFile, string RootNamespace, bool IsExplicit, bool DeployChecks = false)
{
    /// <summary>The settings file used when DjangoSettingsFile is not set.</summary>
    public const string DefaultSettingsFile = "cors.settings";

    /// <summary>Builds options from raw property values (null when absent).</summary>
    public static ProjectOptions Create(string? projectDirectory, string? settingsFile, string? rootNamespace, string? deployChecks = null)
        => new(
            (projectDirectory ?? string.Empty).Trim(),
            string.IsNullOrWhiteSpace(settingsFile) ? DefaultSettingsFile : settingsFile!.Trim(),
            (rootNamespace ?? string.Empty).Trim(),
            !string.IsNullOrWhiteSpace(settingsFile),
            string.Equals((deployChecks ?? string.Empty).Trim(), "true", System.StringComparison.OrdinalIgnoreCase));

    /// <summary>The full, normalised path of the configured settings file (relative to the project directory).</summary>
    public string SettingsFilePath => ProjectPaths.Normalize(ProjectPaths.Combine(ProjectDirectory, SettingsFile));

    /// <summary>The full, normalised path of a path written relative to the project directory.</summary>
    public string Resolve(string path) => ProjectPaths.Normalize(ProjectPaths.Combine(ProjectDirectory, path));

    /// <summary>Whether an additional file is the one <paramref name="path"/> (relative to the project) names.</summary>
    public bool Names(string path, string additionalFilePath)
        => ProjectDirectory.Length == 0
            // No project directory (a bare compiler invocation): match on the file name.
            ? string.Equals(System.IO.Path.GetFileName(additionalFilePath), System.IO.Path.GetFileName(path), System.StringComparison.OrdinalIgnoreCase)
            : ProjectPaths.SameFile(additionalFilePath, Resolve(path));
}
