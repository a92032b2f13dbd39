namespace DjangoSettings.Generator.Diagnostics;

/// <summary>How serious a settings diagnostic is. Maps one to one onto Roslyn's severities.</summary>
internal enum SettingsSeverity
{
    /// <summary>Shown in the IDE, never fails a build.</summary>
    Info = 1,

    /// <summary>Probably a mistake; fails the build only under warnings-as-errors.</summary>
    Warning = 2,

    /// <summary>The setting cannot work as written; the build fails.</summary>
    Error = 3,
}
