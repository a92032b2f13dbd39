using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Binding;

/// <summary>
/// Turns a path-like value into text for settings the runtime reads as strings (DATABASES NAME).
/// A path built from <c>Path(__file__)</c> stays relative: the runtime resolves it against the
/// application's content root, which plays the role of Django's BASE_DIR.
/// </summary>
internal static class PathText
{
    /// <summary>The text of a str or path value; null for anything else.</summary>
    public static string? TryGetText(PyValue value) => value switch
    {
        PyStr s => s.Value,
        PyPath p => p.Path,
        _ => null,
    };
}
