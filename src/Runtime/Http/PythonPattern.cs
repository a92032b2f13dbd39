namespace DjangoSettings.Http;

/// <summary>A Python regular expression as a settings file compiles it: the pattern and whether <c>re.IGNORECASE</c> was given.</summary>
/// <param name="Pattern">The pattern, in Python syntax.</param>
/// <param name="IgnoreCase">Whether <c>re.I</c> / <c>re.IGNORECASE</c> was passed to <c>re.compile</c>.</param>
public sealed record PythonPattern(string Pattern, bool IgnoreCase = false);
