namespace DjangoSettings.Generator.Binding;

/// <summary>
/// What the port does when a setting it needs, other than the CORS and SIMPLE_JWT values it
/// compiles, cannot be known at build time (a branch on <c>sys.argv</c>, apps found with
/// <c>os.listdir</c>, a secret from a helper function): the build goes on with a warning that says
/// so (DJS0112), and the application logs the same warning at startup. A CORS or SIMPLE_JWT value
/// that cannot be known has no safe assumption and stays an error.
/// </summary>
internal static class SettingAssumptions
{
    /// <summary>The assumption for a setting, or null when the setting must be known.</summary>
    public static string? For(SettingDefinition definition) => definition.Key switch
    {
        "SECRET_KEY" => "the application reads SECRET_KEY from its configuration at startup (the environment variable or appsettings key SECRET_KEY), as for a settings file that leaves it to the base settings",
        "DEBUG" => "the port assumes DEBUG = False",
        "INSTALLED_APPS" => "the port assumes rest_framework_simplejwt.token_blacklist is installed, as when the file does not set INSTALLED_APPS (the token blacklist follows SIMPLE_JWT)",
        "MIDDLEWARE" => "the port assumes the file does not set MIDDLEWARE, so CorsMiddleware's position is not checked",
        _ when definition.Key.StartsWith("DATABASES.", System.StringComparison.Ordinal) => "the port treats it as not set (ConnectionStrings:Default from configuration, when set, overrides DATABASES)",
        _ when definition.Key.StartsWith("CACHES.", System.StringComparison.Ordinal) => "the port treats it as not set (Django's default for it)",
        _ => null,
    };

    /// <summary>What the port uses when CACHES (or its 'default') cannot be known.</summary>
    public const string CacheAssumption = "the port keeps DRF's throttle histories in process (Django's default LocMemCache), as when the file does not set CACHES";

    /// <summary>What the port uses when DATABASES['default'] (or a part of it) cannot be known.</summary>
    public const string DatabaseAssumption = "the port takes the database from configuration (ConnectionStrings:Default), else Django's default db.sqlite3 in the content root, as when the file does not set DATABASES";
}
