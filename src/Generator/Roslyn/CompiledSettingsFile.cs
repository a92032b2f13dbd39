using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>What compiling one settings file produced, as an equatable value.</summary>
/// <param name="HintName">Hint name of the generated source.</param>
/// <param name="FullPath">The file's real path (diagnostics point there).</param>
/// <param name="DisplayPath">The path the compiler core saw (diagnostic locations use it).</param>
/// <param name="Source">The generated C#, or null when nothing could be generated.</param>
/// <param name="Diagnostics">The core's diagnostics.</param>
internal sealed record CompiledSettingsFile(string HintName, string FullPath, string DisplayPath, string? Source, EquatableArray<SettingsDiagnostic> Diagnostics);

/// <summary>The generated source of one file (null: nothing to add).</summary>
internal sealed record GeneratedSourceFile(string HintName, string? Source);

/// <summary>The diagnostics of one file, with the path mapping needed to report them.</summary>
internal sealed record SettingsFileDiagnostics(string FullPath, string DisplayPath, EquatableArray<SettingsDiagnostic> Diagnostics);
