using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>Decides whether an additional file may be a settings module and reads it into a <see cref="SettingsFileModel"/>.</summary>
internal static class SettingsFileReader
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    /// <summary>Reads the build properties the generator needs.</summary>
    public static ProjectOptions ReadProjectOptions(AnalyzerConfigOptions global)
    {
        global.TryGetValue("build_property.MSBuildProjectDirectory", out var directory);
        global.TryGetValue("build_property.DjangoSettingsFile", out var file);
        global.TryGetValue("build_property.RootNamespace", out var ns);
        global.TryGetValue("build_property.DjangoDeployChecks", out var deploy);
        return ProjectOptions.Create(directory, file, ns, deploy);
    }

    /// <summary>
    /// The model for <paramref name="file"/> when it is the configured DjangoSettingsFile, carries
    /// <c>DjangoSettings="true"</c> metadata, or is a <c>.py</c> or <c>.settings</c> file (a class may
    /// name it, or a settings file import it); null for every other additional file (without reading it).
    /// </summary>
    public static SettingsFileModel? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, ProjectOptions project, CancellationToken cancellationToken)
    {
        if (!IsCandidate(file.Path, provider.GetOptions(file), project)) return null;
        string display = ProjectPaths.Relative(project.ProjectDirectory, file.Path);
        string? text;
        try
        {
            text = file.GetText(cancellationToken)?.ToString();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            text = null;
        }
        return new SettingsFileModel(file.Path, display, text);
    }

    private static bool IsCandidate(string path, AnalyzerConfigOptions options, ProjectOptions project)
    {
        if (options.TryGetValue(MetadataPrefix + "DjangoSettings", out var flag) && string.Equals(flag.Trim(), "true", StringComparison.OrdinalIgnoreCase)) return true;
        if (project.Names(project.SettingsFile, path)) return true;
        return path.EndsWith(".py", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".settings", StringComparison.OrdinalIgnoreCase);
    }
}
