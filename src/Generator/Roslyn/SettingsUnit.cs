using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>One class to generate: which settings file fills it and which files it imports.</summary>
/// <param name="Namespace">The class's namespace (empty: global).</param>
/// <param name="ClassName">The class name.</param>
/// <param name="IsDefault">The default class for DjangoSettingsFile (no class declared).</param>
/// <param name="HintName">The generated source's hint name.</param>
/// <param name="Main">The settings file (the main module).</param>
/// <param name="Imports">The settings files it imports (<c>from .base import *</c>), in the folder of <paramref name="Main"/>.</param>
/// <param name="DeployChecks">Whether Django's deploy checks run for it (DjangoDeployChecks).</param>
internal sealed record SettingsUnit(string Namespace, string ClassName, bool IsDefault, string HintName, SettingsFileModel Main, EquatableArray<SettingsFileModel> Imports, bool DeployChecks = false);

/// <summary>What the project asks for: the classes to generate, and the problems found while deciding.</summary>
internal sealed record ProjectPlan(EquatableArray<SettingsUnit> Units, EquatableArray<SettingsDiagnostic> Diagnostics);
