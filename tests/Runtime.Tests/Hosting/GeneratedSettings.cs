namespace DjangoSettings.Runtime.Tests.Hosting;

/// <summary>Compiled by the source generator from a settings file whose values come from configuration.</summary>
[DjangoSettingsFile("Hosting/from-environment.settings")]
internal partial class EnvironmentSettings;

/// <summary>
/// Compiled from a settings file whose INSTALLED_APPS cannot be known at build time (os.listdir):
/// the build warns (DJS0112, suppressed for this project) and the application logs it at startup.
/// </summary>
[DjangoSettingsFile("Hosting/assumed-apps.settings")]
internal partial class AssumedAppsSettings;

/// <summary>REST_FRAMEWORK and the language from a settings file (Hosting/drf-language.settings).</summary>
[DjangoSettingsFile("Hosting/drf-language.settings")]
internal partial class DrfLanguageSettings;
