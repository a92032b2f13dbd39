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
/// <param name="Project">What to read from the Django project's source (a custom AUTH_USER_MODEL), or null.</param>
/// <param name="Pin">Where to look for the simplejwt version pin (classes with the ASP.NET Core wiring), or null.</param>
internal sealed record CompiledSettingsFile(string HintName, EquatableArray<PathMapping> Paths, string? Source, EquatableArray<SettingsDiagnostic> Diagnostics, ProjectReadRequest? Project = null, SimpleJwtPinRequest? Pin = null);

/// <summary>What the project reading step needs of one compiled settings class; equatable.</summary>
/// <param name="HintName">Hint name of the user model source.</param>
/// <param name="Namespace">The settings class's namespace.</param>
/// <param name="ClassName">The settings class's name.</param>
/// <param name="SettingsPath">The main settings file's full path.</param>
/// <param name="Paths">The settings files (display and full paths) for mapping diagnostics.</param>
/// <param name="Query">What the settings ask of the project.</param>
internal sealed record ProjectReadRequest(string HintName, string Namespace, string ClassName, string SettingsPath, EquatableArray<PathMapping> Paths, DjangoSettings.Generator.Project.ProjectQuery Query);

/// <summary>What reading the project produced for one class: the user model and token claims sources and the findings.</summary>
/// <param name="HintName">Hint name of the source.</param>
/// <param name="Source">The C# that describes the user model, or null.</param>
/// <param name="Paths">Path mappings for the settings file's locations.</param>
/// <param name="Diagnostics">The findings.</param>
/// <param name="ClaimsHintName">Hint name of the token claims source.</param>
/// <param name="ClaimsSource">The C# of the claims translated from TOKEN_OBTAIN_SERIALIZER, or null.</param>
internal sealed record ProjectReadResult(string HintName, string? Source, EquatableArray<PathMapping> Paths, EquatableArray<SettingsDiagnostic> Diagnostics, string ClaimsHintName = "", string? ClaimsSource = null);

/// <summary>The generated source of one class (null: nothing to add).</summary>
internal sealed record GeneratedSourceFile(string HintName, string? Source);

/// <summary>The diagnostics of one class, with the path mapping needed to report them.</summary>
internal sealed record SettingsFileDiagnostics(EquatableArray<PathMapping> Paths, EquatableArray<SettingsDiagnostic> Diagnostics);
