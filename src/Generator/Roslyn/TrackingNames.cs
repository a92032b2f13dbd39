namespace DjangoSettings.Generator.Roslyn;

/// <summary>Names of the generator's pipeline steps (<c>WithTrackingName</c>), asserted by the incremental-caching test.</summary>
internal static class TrackingNames
{
    /// <summary>Build properties reduced to <see cref="ProjectOptions"/>.</summary>
    public const string ProjectOptions = "DjangoSettings.ProjectOptions";

    /// <summary>Each additional file, read into a <see cref="SettingsFileModel"/> when it is a settings file (null otherwise).</summary>
    public const string SettingsFiles = "DjangoSettings.SettingsFiles";

    /// <summary>Only the settings files.</summary>
    public const string SelectedFiles = "DjangoSettings.SelectedFiles";

    /// <summary>Whether the project references DjangoSettings.Runtime (decides the wiring).</summary>
    public const string RuntimeReference = "DjangoSettings.RuntimeReference";

    /// <summary>Each settings file compiled (source text and diagnostics).</summary>
    public const string Compiled = "DjangoSettings.Compiled";

    /// <summary>The generated source of each file.</summary>
    public const string Source = "DjangoSettings.Source";

    /// <summary>The diagnostics of each file.</summary>
    public const string Diagnostics = "DjangoSettings.Diagnostics";
}
