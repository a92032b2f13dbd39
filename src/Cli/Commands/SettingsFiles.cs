using System;
using System.Collections.Generic;
using System.IO;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Cli.Commands;

/// <summary>Reads the settings files named on the command line.</summary>
internal static class SettingsFiles
{
    /// <summary>The sources, with the paths as the user wrote them (so diagnostics echo them); throws <see cref="UsageException"/> for a missing or unreadable file.</summary>
    public static IReadOnlyList<SettingsSource> Load(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new UsageException("no settings file given");
        var sources = new List<SettingsSource>(paths.Count);
        foreach (var path in paths)
        {
            try
            {
                sources.Add(new SettingsSource(path, File.ReadAllText(path)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException("cannot read " + path + ": " + ex.Message);
            }
        }
        return sources;
    }
}
