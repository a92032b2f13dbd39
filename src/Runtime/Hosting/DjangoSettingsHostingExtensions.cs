using System;
using System.Linq;
using DjangoSettings.Cors;
using DjangoSettings.Jwt;
using DjangoSettings.Settings;
using DjangoSettings.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DjangoSettings.Hosting;

/// <summary>
/// Wires compiled settings into an application: resolves environment-dependent values (failing
/// fast, with the settings file's line, when they break a check), registers the CORS policy, and
/// when SIMPLE_JWT is configured the token services and the database DATABASES names.
/// </summary>
public static class DjangoSettingsHostingExtensions
{
    private const string BlacklistApp = "rest_framework_simplejwt.token_blacklist";

    // At startup every value is a constant, so "written literally" cannot be told from "read from
    // the environment"; the build already reported literal secrets. Info notes stay quiet here.
    private static string[] StartupWarnings(LoadedSettings? loaded) => loaded is null
        ? Array.Empty<string>()
        : loaded.Diagnostics
            .Where(w => w.Severity == DjangoSettings.Generator.Diagnostics.SettingsSeverity.Warning && w.Id != DjangoSettings.Generator.Diagnostics.DiagnosticDescriptors.LiteralSecret.Id)
            .Select(w => w.ToString())
            .ToArray();

    /// <summary>Registers everything a compiled settings file configures. Called by generated code.</summary>
    /// <exception cref="SettingsValidationException">A value read from configuration fails a check.</exception>
    public static IHostApplicationBuilder AddCompiledDjangoSettings(this IHostApplicationBuilder builder, CompiledDjangoSettings compiled)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(compiled);
        string contentRoot = builder.Environment.ContentRootPath;

        LoadedSettings? loaded = null;
        if (compiled.DeferredSources is { } sources)
        {
            // Evaluated here, at registration, so a bad environment stops the host before it listens.
            loaded = SettingsLoader.Load(sources, new ConfigurationEnvironment(builder.Configuration, contentRoot));
            compiled.InstallResolver?.Invoke(loaded.Resolver);
        }

        var services = builder.Services;
        services.AddSingleton(new DjangoSettingsStartupReport(compiled.SourcePath, StartupWarnings(loaded)));
        services.AddHostedService<DjangoSettingsStartupLogger>();
        services.AddDjangoCors(compiled.CreateCorsPolicy());

        // Like Django with rest_framework_simplejwt installed: SIMPLE_JWT configured, or at least a
        // SECRET_KEY to sign with (a settings fragment often leaves SECRET_KEY to configuration).
        string? secret = compiled.SecretKey?.Invoke() ?? builder.Configuration["SECRET_KEY"];
        if (compiled.CreateSimpleJwtOptions is { } createJwt && (compiled.SimpleJwtConfigured || !string.IsNullOrEmpty(secret)))
        {
            var options = createJwt(secret ?? string.Empty);
            var apps = compiled.InstalledApps?.Invoke();
            if (apps is not null && !apps.Contains(BlacklistApp, StringComparer.Ordinal))
            {
                // simplejwt's blacklist machinery exists only when its app is installed.
                options = options with { BlacklistEnabled = false };
            }
            services.AddSimpleJwt(options);
            var (engine, name) = compiled.Database?.Invoke() ?? (null, null);
            DatabaseConnectionSettings? connection = compiled.DatabaseConnection?.Invoke() is var (user, password, host, port)
                ? new DatabaseConnectionSettings(user, password, host, port)
                : null;
            services.AddDjangoStores(DatabaseSelection.Select(engine, name, contentRoot, builder.Configuration, connection));
        }
        return builder;
    }
}
