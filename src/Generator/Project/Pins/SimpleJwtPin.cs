using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator.Project.Pins;

/// <summary>
/// The simplejwt release the Django project pins, as the build resolved it, and the findings.
/// Equatable, so it caches in the incremental pipeline.
/// </summary>
/// <param name="Version">The release whose behaviour the wiring applies (<c>5.3.1</c>), or null: the runtime's default.</param>
/// <param name="Source">Where it was read, relative to the Django project (<c>requirements/base.txt(4)</c>), or null.</param>
/// <param name="Diagnostics">DJS0316 (which version and why), DJS0317 (a pin not understood), DJS0318 (files disagree).</param>
internal sealed record SimpleJwtPin(string? Version, string? Source, EquatableArray<SettingsDiagnostic> Diagnostics)
{
    /// <summary>No pin found: the runtime's default, and nothing to say.</summary>
    public static SimpleJwtPin None { get; } = new(null, null, EquatableArray<SettingsDiagnostic>.Empty);
}
