using Microsoft.CodeAnalysis;

namespace DjangoSettings.Generator;

/// <summary>
/// The Roslyn edge: selects the settings file from AdditionalFiles, runs the compiler core and
/// reports its diagnostics. Everything else lives in the core folders.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SettingsGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
