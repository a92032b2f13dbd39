namespace DjangoSettings.Runtime.Tests.Hosting;

/// <summary>Compiled by the source generator from a settings file whose values come from configuration.</summary>
[DjangoSettingsFile("Hosting/from-environment.settings")]
internal partial class EnvironmentSettings;
