using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Cli.Commands;

/// <summary>
/// Diagnostics in reading order: files as given on the command line, then by position. The core
/// reports by phase (syntax, binding, checks), which jumps around in a long settings.py.
/// </summary>
internal static class DiagnosticOrder
{
    /// <summary>A stable sort: diagnostics at the same place keep the core's order.</summary>
    public static IReadOnlyList<SettingsDiagnostic> Sort(IReadOnlyList<SettingsDiagnostic> diagnostics, IReadOnlyList<SettingsSource> sources)
    {
        var fileIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < sources.Count; i++)
        {
            if (!fileIndex.ContainsKey(sources[i].Path)) fileIndex[sources[i].Path] = i;
        }
        return diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => fileIndex.TryGetValue(x.d.Location.Path, out var f) ? f : int.MaxValue)
            .ThenBy(x => x.d.Location.Span.Start)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToList();
    }
}
