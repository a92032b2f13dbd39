using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Binding;

/// <summary>Turns a path-like value into text for settings the runtime reads as strings (DATABASES NAME).</summary>
internal static class PathText
{
    /// <summary>The text of a str value; null for anything else.</summary>
    public static string? TryGetText(PyValue value) => value is PyStr s ? s.Value : null;
}
