namespace DjangoSettings.Generator.Project.Pins;

/// <summary>
/// One mention of simplejwt in a requirements file or pyproject.toml: where it is written, the text
/// as written, and either the versions it allows or why they cannot be known.
/// </summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Line">1-based line of the requirement.</param>
/// <param name="Column">1-based column where it starts.</param>
/// <param name="Length">Its length in characters (for the diagnostic's span).</param>
/// <param name="Offset">Character offset of its start in the file.</param>
/// <param name="Text">The requirement as written (<c>djangorestframework-simplejwt[crypto]==5.3.1</c>).</param>
/// <param name="Constraint">The versions it allows, or null when <paramref name="Problem"/> says why not.</param>
/// <param name="Problem">Why the version cannot be read (a URL, an unknown operator...), or null.</param>
internal sealed record PinnedRequirement(string Path, int Line, int Column, int Length, int Offset, string Text, VersionConstraint? Constraint, string? Problem);
