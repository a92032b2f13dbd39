using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator;

/// <summary>What compiling settings files produced.</summary>
internal sealed class CompilationResult
{
    /// <summary>Creates a result.</summary>
    public CompilationResult(BoundSettings? settings, IReadOnlyList<SettingsDiagnostic> diagnostics, string? generatedSource)
    {
        Settings = settings;
        Diagnostics = diagnostics;
        GeneratedSource = generatedSource;
    }

    /// <summary>The bound settings (null only after an internal error).</summary>
    public BoundSettings? Settings { get; }

    /// <summary>All diagnostics: syntax and evaluation, binding, then checks.</summary>
    public IReadOnlyList<SettingsDiagnostic> Diagnostics { get; }

    /// <summary>The generated C# (null when there was nothing to emit).</summary>
    public string? GeneratedSource { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == SettingsSeverity.Error);
}
