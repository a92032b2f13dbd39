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

/// <summary>Compiled from the CORS lines alone: what the port does for the rest is decided and logged (PartialSettingsTests).</summary>
[DjangoSettingsFile("Hosting/fragment.settings")]
internal partial class FragmentSettings;

/// <summary>Compiled from a file that sets every setting the port reads (PartialSettingsTests: nothing to decide).</summary>
[DjangoSettingsFile("Hosting/complete.settings")]
internal partial class CompleteSettings;

/// <summary>REST_FRAMEWORK and the language from a settings file (Hosting/drf-language.settings).</summary>
[DjangoSettingsFile("Hosting/drf-language.settings")]
internal partial class DrfLanguageSettings;

/// <summary>REST_FRAMEWORK with JWTStatelessUserAuthentication (Hosting/drf-stateless.settings).</summary>
[DjangoSettingsFile("Hosting/drf-stateless.settings")]
internal partial class DrfStatelessSettings;
