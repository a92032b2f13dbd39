using System.Collections.Generic;
using DjangoSettings.Generator;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Cli.Commands;

/// <summary>One settings file checked: what was read, what the core returned, its diagnostics in reading order.</summary>
/// <param name="Module">The file and the modules it imports.</param>
/// <param name="Result">The core's result.</param>
/// <param name="Diagnostics">The result's diagnostics in reading order (warnings already raised to errors under --warnaserror).</param>
internal sealed record CheckedFile(SettingsModule Module, CompilationResult Result, IReadOnlyList<SettingsDiagnostic> Diagnostics);
