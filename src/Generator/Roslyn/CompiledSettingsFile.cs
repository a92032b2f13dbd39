using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>A settings file's project-relative path (what the core saw) and its real path (where diagnostics point).</summary>
internal sealed record PathMapping(string DisplayPath, string FullPath);

/// <summary>What compiling one settings class produced, as an equatable value.</summary>
/// <param name="HintName">Hint name of the generated source.</param>
/// <param name="Paths">The files compiled (imports and main module).</param>
/// <param name="Source">The generated C#, or null when nothing could be generated.</param>
/// <param name="Diagnostics">The core's diagnostics.</param>
internal sealed record CompiledSettingsFile(string HintName, EquatableArray<PathMapping> Paths, string? Source, EquatableArray<SettingsDiagnostic> Diagnostics);

/// <summary>The generated source of one class (null: nothing to add).</summary>
internal sealed record GeneratedSourceFile(string HintName, string? Source);

/// <summary>The diagnostics of one class, with the path mapping needed to report them.</summary>
internal sealed record SettingsFileDiagnostics(EquatableArray<PathMapping> Paths, EquatableArray<SettingsDiagnostic> Diagnostics);
