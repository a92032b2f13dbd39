namespace DjangoSettings.Generator.Roslyn;

/// <summary>
/// An additional file that may be a settings module (the configured DjangoSettingsFile, a file
/// marked <c>DjangoSettings="true"</c>, or any <c>.py</c>/<c>.settings</c> file), as the pipeline
/// carries it: strings only, so it is equatable and cacheable.
/// </summary>
/// <param name="FullPath">The additional file's path, where diagnostics point.</param>
/// <param name="DisplayPath">The path relative to the project, used inside the generated code (deterministic across machines).</param>
/// <param name="Text">The file's text (null when it could not be read).</param>
internal sealed record SettingsFileModel(string FullPath, string DisplayPath, string? Text);
