namespace DjangoSettings.Generator.Roslyn;

/// <summary>A selected settings file, as the pipeline carries it: strings only, so it is equatable and cacheable.</summary>
/// <param name="FullPath">The additional file's path, where diagnostics point.</param>
/// <param name="DisplayPath">The path relative to the project, used inside the generated code (deterministic across machines).</param>
/// <param name="Text">The file's text (null when it could not be read).</param>
/// <param name="Namespace">The namespace of the generated class.</param>
/// <param name="ClassName">The generated class name.</param>
/// <param name="HintName">The generated source's hint name.</param>
internal sealed record SettingsFileModel(string FullPath, string DisplayPath, string? Text, string Namespace, string ClassName, string HintName);
