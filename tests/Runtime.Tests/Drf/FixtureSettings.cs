using DjangoSettings.Drf;
using DjangoSettings.Hosting;

namespace DjangoSettings.Runtime.Tests.Drf;

// The settings files the DRF fixtures were recorded with (Fixtures/drf/NAME.settings, as users write
// them), compiled by the real generator: REST_FRAMEWORK reaches the runtime through the generated
// wiring, exactly as AddDjangoSettings() hands it over.
[DjangoSettingsFile("Fixtures/drf/perm-authenticated.settings")]
internal partial class PermAuthenticatedSettings;

[DjangoSettingsFile("Fixtures/drf/perm-admin.settings")]
internal partial class PermAdminSettings;

[DjangoSettingsFile("Fixtures/drf/perm-readonly.settings")]
internal partial class PermReadonlySettings;

[DjangoSettingsFile("Fixtures/drf/auth-basic-token.settings")]
internal partial class AuthBasicTokenSettings;

[DjangoSettingsFile("Fixtures/drf/auth-session-first.settings")]
internal partial class AuthSessionFirstSettings;

[DjangoSettingsFile("Fixtures/drf/pagination-page-number.settings")]
internal partial class PaginationPageNumberSettings;

[DjangoSettingsFile("Fixtures/drf/pagination-limit-offset.settings")]
internal partial class PaginationLimitOffsetSettings;

[DjangoSettingsFile("Fixtures/drf/throttle-anon.settings")]
internal partial class ThrottleAnonSettings;

[DjangoSettingsFile("Fixtures/drf/throttle-user.settings")]
internal partial class ThrottleUserSettings;

[DjangoSettingsFile("Fixtures/drf/throttle-scoped.settings")]
internal partial class ThrottleScopedSettings;

[DjangoSettingsFile("Fixtures/drf/throttle-combined.settings")]
internal partial class ThrottleCombinedSettings;

[DjangoSettingsFile("Fixtures/drf/view-shell.settings")]
internal partial class ViewShellSettings;

/// <summary>
/// REST_FRAMEWORK of a fixture's settings file, through the generated wiring, merged as the oracle
/// merges it (shared/oracle/djangoapp/oracle_project/settings.py: the file's keys over a base dict
/// whose only key is DEFAULT_AUTHENTICATION_CLASSES = (JWTAuthentication,)).
/// </summary>
internal static class FixtureSettings
{
    public static RestFrameworkSettings RestFramework<T>(System.Func<T, bool> setsAuthentication)
        where T : class, IGeneratedDjangoSettings<T>
    {
        var compiled = T.CompiledSettings;
        var settings = compiled.Create(null);
        // A file without REST_FRAMEWORK gets no wiring for it: the oracle's base dict over DRF's defaults.
        var drf = compiled.CreateRestFrameworkSettings?.Invoke(settings) ?? RestFrameworkSettings.Defaults;
        return setsAuthentication(settings) ? drf : drf with { DefaultAuthenticationClasses = [DrfClassNames.JwtAuthentication] };
    }

    /// <summary>The REST_FRAMEWORK Django ran Fixtures/drf/NAME.settings with.</summary>
    public static RestFrameworkSettings For(string scenario) => scenario switch
    {
        "perm-authenticated" => RestFramework<PermAuthenticatedSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "perm-admin" => RestFramework<PermAdminSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "perm-readonly" => RestFramework<PermReadonlySettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "auth-basic-token" => RestFramework<AuthBasicTokenSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "auth-session-first" => RestFramework<AuthSessionFirstSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "pagination-page-number" => RestFramework<PaginationPageNumberSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "pagination-limit-offset" => RestFramework<PaginationLimitOffsetSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "throttle-anon" => RestFramework<ThrottleAnonSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "throttle-user" => RestFramework<ThrottleUserSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "throttle-scoped" => RestFramework<ThrottleScopedSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "throttle-combined" => RestFramework<ThrottleCombinedSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        "view-shell" => RestFramework<ViewShellSettings>(s => s.RestFramework.DefaultAuthenticationClassesIsSet),
        _ => throw new System.ArgumentException("no fixture settings file for " + scenario, nameof(scenario)),
    };
}
