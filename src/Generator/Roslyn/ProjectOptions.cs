namespace DjangoSettings.Generator.Roslyn;

/// <summary>The build properties the generator reads (all compiler-visible through DjangoSettings.props).</summary>
/// <param name="ProjectDirectory">MSBuildProjectDirectory, or empty when unknown.</param>
/// <param name="SettingsFile">DjangoSettingsFile (default <c>cors.settings</c>), as written.</param>
/// <param name="RootNamespace">RootNamespace, or empty for the global namespace.</param>
internal sealed record ProjectOptions(string ProjectDirectory, string SettingsFile, string RootNamespace)
{
    /// <summary>The settings file used when DjangoSettingsFile is not set.</summary>
    public const string DefaultSettingsFile = "cors.settings";

    /// <summary>Builds options from raw property values (null when absent).</summary>
    public static ProjectOptions Create(string? projectDirectory, string? settingsFile, string? rootNamespace)
        => new(
            (projectDirectory ?? string.Empty).Trim(),
            string.IsNullOrWhiteSpace(settingsFile) ? DefaultSettingsFile : settingsFile!.Trim(),
            (rootNamespace ?? string.Empty).Trim());

    /// <summary>The full, normalised path of the configured settings file (relative to the project directory).</summary>
    public string SettingsFilePath => ProjectPaths.Normalize(ProjectPaths.Combine(ProjectDirectory, SettingsFile));
}
