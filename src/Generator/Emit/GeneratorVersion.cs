using System.Reflection;

namespace DjangoSettings.Generator.Emit;

/// <summary>The tool name and version written into <c>[GeneratedCode]</c>.</summary>
internal static class GeneratorVersion
{
    /// <summary>The tool name.</summary>
    public const string Name = "DjangoSettings.Generator";

    /// <summary>The generator assembly's version (snapshot tests scrub it).</summary>
    public static string Value { get; } = typeof(GeneratorVersion).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
}
