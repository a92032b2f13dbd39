using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>Decides whether an additional file is a settings file and reads it into a <see cref="SettingsFileModel"/>.</summary>
internal static class SettingsFileReader
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    /// <summary>Reads the build properties the generator needs.</summary>
    public static ProjectOptions ReadProjectOptions(AnalyzerConfigOptions global)
    {
        global.TryGetValue("build_property.MSBuildProjectDirectory", out var directory);
        global.TryGetValue("build_property.DjangoSettingsFile", out var file);
        global.TryGetValue("build_property.RootNamespace", out var ns);
        return ProjectOptions.Create(directory, file, ns);
    }

    /// <summary>
    /// The model for <paramref name="file"/> when it is the configured DjangoSettingsFile or carries
    /// <c>DjangoSettings="true"</c> metadata; null for every other additional file (without reading it).
    /// </summary>
    public static SettingsFileModel? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, ProjectOptions project, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(file);
        if (!IsSettingsFile(file.Path, options, project)) return null;

        string display = ProjectPaths.Relative(project.ProjectDirectory, file.Path);
        string className = options.TryGetValue(MetadataPrefix + "DjangoSettingsClass", out var cls) && !string.IsNullOrWhiteSpace(cls)
            ? cls.Trim()
            : CompileOptions.ClassNameFor(file.Path);
        string? text;
        try
        {
            text = file.GetText(cancellationToken)?.ToString();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            text = null;
        }
        return new SettingsFileModel(file.Path, display, text, project.RootNamespace, className, ProjectPaths.HintName(display));
    }

    private static bool IsSettingsFile(string path, AnalyzerConfigOptions options, ProjectOptions project)
    {
        if (options.TryGetValue(MetadataPrefix + "DjangoSettings", out var flag) && string.Equals(flag.Trim(), "true", StringComparison.OrdinalIgnoreCase)) return true;
        if (project.ProjectDirectory.Length == 0)
        {
            // No project directory (a bare compiler invocation): match on the configured file name.
            return string.Equals(System.IO.Path.GetFileName(path), System.IO.Path.GetFileName(project.SettingsFile), StringComparison.OrdinalIgnoreCase);
        }
        return ProjectPaths.SameFile(path, project.SettingsFilePath);
    }
}
