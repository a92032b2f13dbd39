namespace DjangoSettings.Generator.Project;

/// <summary>
/// A file of the Django project (a Python module, <c>requirements*.txt</c>, <c>pyproject.toml</c>) as
/// the build hands it over: the generator reads no file itself (RS1035), MSBuild adds them as
/// AdditionalFiles. Plain strings, so the pipeline can compare and cache them.
/// </summary>
/// <param name="Path">The full path, with forward slashes; diagnostics point at it.</param>
/// <param name="Text">The file's text.</param>
internal sealed record ProjectFile(string Path, string Text);
