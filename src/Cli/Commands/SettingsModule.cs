using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DjangoSettings.Generator.Roslyn;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Cli.Commands;

/// <summary>
/// One settings file named on the command line and the modules it imports, found as the generator
/// finds them (<see cref="SettingsPlanner.Imports"/>): a <c>.py</c> or <c>.settings</c> file in the
/// same folder whose name stem is the imported module's last part, so <c>production.py</c> doing
/// <c>from .base import *</c> reads <c>base.py</c> beside it.
/// </summary>
/// <param name="Path">The file as the user wrote it (diagnostics echo it).</param>
/// <param name="Sources">The imported modules first, dependencies before dependents, then the file itself (the main module).</param>
/// <param name="Folder">The file's folder, full path: relative file reads in the settings resolve against it.</param>
internal sealed record SettingsModule(string Path, IReadOnlyList<SettingsSource> Sources, string Folder)
{
    private static readonly string[] ModuleExtensions = { ".py", ".settings" };

    /// <summary>Reads the file and its imports; throws <see cref="UsageException"/> when the file cannot be read.</summary>
    public static SettingsModule Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (IsReadError(ex))
        {
            throw new UsageException("cannot read " + path + ": " + ex.Message);
        }
        string full = System.IO.Path.GetFullPath(path);
        string folder = System.IO.Path.GetDirectoryName(full) ?? full;
        string shownFolder = System.IO.Path.GetDirectoryName(path) ?? string.Empty;

        var main = new SettingsFileModel(full, path, text);
        var siblings = new List<SettingsFileModel>();
        foreach (string file in Directory.EnumerateFiles(folder).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!ModuleExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase))) continue;
            if (string.Equals(file, full, StringComparison.Ordinal)) continue;
            siblings.Add(new SettingsFileModel(file, System.IO.Path.Combine(shownFolder, System.IO.Path.GetFileName(file)), Read(file)));
        }

        var sources = new List<SettingsSource>();
        foreach (var import in SettingsPlanner.Imports(main, siblings))
        {
            if (import.Text is not null) sources.Add(new SettingsSource(import.DisplayPath, import.Text));
        }
        sources.Add(new SettingsSource(path, text));
        return new SettingsModule(path, sources, folder);
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (IsReadError(ex))
        {
            // An unreadable sibling is as if absent: importing it is then reported as an unknown module.
            return null;
        }
    }

    private static bool IsReadError(Exception ex) => ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;
}
