using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Cors;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Hosting;
using DjangoSettings.Jwt;
using DjangoSettings.Settings;
using DjangoSettings.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Wires a compiled settings class into an application: resolves environment-dependent values
/// (failing fast, with the settings file's line, when they break a check), registers the settings
/// object, the CORS policy, and when SIMPLE_JWT is configured the token services and the database
/// DATABASES names.
/// </summary>
public static class DjangoSettingsHostApplicationBuilderExtensions
{
    private const string BlacklistApp = "rest_framework_simplejwt.token_blacklist";

    /// <summary>
    /// Registers everything the settings file of <typeparamref name="TSettings"/> configures: the
    /// settings object itself (inject <typeparamref name="TSettings"/>), the django-cors-headers policy
    /// (add <c>app.UseDjangoCors()</c> first in the pipeline, or let <c>app.UseDjangoMiddleware()</c> place
    /// it where MIDDLEWARE lists CorsMiddleware), MIDDLEWARE with ALLOWED_HOSTS and the SECURE_*,
    /// APPEND_SLASH, X_FRAME_OPTIONS and body-limit settings (compose them with
    /// <c>app.UseDjangoMiddleware()</c>), and, with SIMPLE_JWT or a SECRET_KEY, the token services,
    /// authentication and the database DATABASES names (map the endpoints with <c>app.MapSimpleJwt()</c>). Values the file reads from the environment are evaluated now from
    /// <see cref="IHostApplicationBuilder.Configuration"/>, with the same checks as the build.
    /// Every service is added only if not registered yet: register your own first to replace one.
    /// </summary>
    /// <typeparam name="TSettings">A class marked <c>[DjangoSettingsFile]</c>, or the generated default <c>DjangoProjectSettings</c>.</typeparam>
    /// <exception cref="SettingsValidationException">A value read from configuration fails a check.</exception>
    public static IHostApplicationBuilder AddDjangoSettings<TSettings>(this IHostApplicationBuilder builder)
        where TSettings : class, IGeneratedDjangoSettings<TSettings>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var compiled = TSettings.CompiledSettings;
        string contentRoot = builder.Environment.ContentRootPath;

        LoadedSettings? loaded = null;
        if (compiled.DeferredSources is { } sources)
        {
            // Evaluated here, at registration, so a bad environment stops the host before it listens,
            // and because DATABASES decides which store services are registered.
            loaded = SettingsLoader.Load(sources, builder.Configuration, contentRoot);
        }
        // One object per host: two hosts in one process (tests) never see each other's values.
        TSettings settings = compiled.Create(loaded?.Resolver);

        var services = builder.Services;
        services.TryAddSingleton(settings);
        // The user model the build read from the Django project (a C# registration wins).
        if (compiled.UserModel?.Invoke() is { } userModel) services.TryAddDjangoUserModel(userModel);
        // The claims the build translated from TOKEN_OBTAIN_SERIALIZER's get_token (an app's own provider wins).
        var claims = compiled.TokenObtainClaims?.Invoke();
        if (claims is not null) services.TryAddSingleton(new DjangoSettings.Jwt.TranslatedTokenClaims(claims));
        // The build's assumptions first, then what the startup evaluation found (the same warning once).
        // The settings file alone says a custom obtain serializer is not translated (DJS0116, at build
        // time and again when deferred values are evaluated here); when the build did translate it,
        // that note is not true of this application.
        string untranslatedSerializer = DiagnosticDescriptors.CustomTokenObtainSerializer.Id + ": TOKEN_OBTAIN_SERIALIZER ";
        var warnings = (compiled.BuildWarnings ?? Array.Empty<string>())
            .Concat(StartupWarnings(loaded))
            .Where(w => claims is null || !w.Contains(untranslatedSerializer, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToArray();
        services.AddHostedService<DjangoSettingsStartupLogger>();
        services.AddDjangoCors(compiled.CreateCorsPolicy(settings));
        // CACHES['default'] as the file sets it: where DRF's throttles keep their histories (before
        // AddDjangoRestFramework, which falls back to LocMemCache; a C# registration made earlier wins).
        if (compiled.CreateCacheSettings is { } createCache) services.TryAddSingleton(createCache(settings));
        // REST_FRAMEWORK as the file sets it (DRF's defaults for the keys it leaves out): what MapDrfView
        // endpoints and the token views run with. A file without REST_FRAMEWORK leaves DRF to the app.
        // Built once: the token options below read its authentication classes too.
        var restFramework = compiled.CreateRestFrameworkSettings?.Invoke(settings);
        if (restFramework is not null) services.AddDjangoRestFramework(restFramework);
        // The language DRF's and simplejwt's messages are sent in (and UseDjangoLocale's choices).
        if (compiled.CreateLanguageSettings is { } createLanguage) services.AddDjangoLanguage(createLanguage(settings));
        // MIDDLEWARE for app.UseDjangoMiddleware(); inert until that call composes the pipeline.
        // A file without MIDDLEWARE or ALLOWED_HOSTS gets the port's documented decision (PartialSettingsDecisions).
        if (compiled.CreateHttpSettings is { } createHttp)
        {
            services.AddDjangoHttp(PartialSettingsDecisions.ApplyHttp(createHttp(settings), compiled.MiddlewareConfigured, compiled.AllowedHostsConfigured, builder.Configuration));
        }

        // Like Django with rest_framework_simplejwt installed: SIMPLE_JWT configured, or at least a
        // SECRET_KEY to sign with (a settings fragment often leaves SECRET_KEY to configuration).
        string? fileSecret = compiled.SecretKey?.Invoke(settings);
        string? secret = fileSecret ?? builder.Configuration["SECRET_KEY"];
        var apps = compiled.InstalledApps?.Invoke(settings);
        var (engine, name) = compiled.Database?.Invoke(settings) ?? (null, null);
        bool tokenServices = compiled.CreateSimpleJwtOptions is not null && (compiled.SimpleJwtConfigured || !string.IsNullOrEmpty(secret));
        DatabaseSelection? database = null;
        if (compiled.CreateSimpleJwtOptions is { } createJwt && tokenServices)
        {
            var options = createJwt(settings, secret ?? string.Empty);
            if (FirstJwtClassIsStateless(restFramework))
            {
                // DRF tries the classes in order and the first JWT class settles every Bearer header
                // (it authenticates or raises): when that is JWTStatelessUserAuthentication, the token is the user.
                options = options with { StatelessUserAuthentication = true };
            }
            if (apps is not null && !apps.Contains(BlacklistApp, StringComparer.Ordinal))
            {
                // simplejwt's blacklist machinery exists only when its app is installed.
                options = options with { BlacklistEnabled = false };
            }
            // The simplejwt version: a C# AddSimpleJwtVersion (registered before or after this call)
            // wins over the release the build read from the Django project's requirements (DJS0316).
            SimpleJwtOptionsFactory.Validate(options);
            string? pinned = compiled.SimpleJwtVersion;
            services.AddSimpleJwt(sp => sp.GetService<SimpleJwtVersionChoice>() is { } chosen
                ? chosen.ApplyTo(options)
                : pinned is not null ? options.ForSimpleJwtVersion(pinned) : options);
            DatabaseConnectionSettings? connection = compiled.DatabaseConnection?.Invoke(settings) is var (user, password, host, port)
                ? new DatabaseConnectionSettings(user, password, host, port)
                : null;
            database = DatabaseSelection.Select(engine, name, contentRoot, builder.Configuration, connection);
            services.AddDjangoStores(database);
        }
        // What a partial file means (no SIMPLE_JWT, SECRET_KEY, INSTALLED_APPS or DATABASES) is
        // decided in one place and logged with the file, so the port's guesses are never silent.
        var httpDecisions = compiled.CreateHttpSettings is null
            ? Array.Empty<string>()
            : PartialSettingsDecisions.ForHttp(compiled.MiddlewareConfigured, compiled.AllowedHostsConfigured, builder.Configuration);
        IReadOnlyList<string> decisions = httpDecisions.Concat(PartialSettingsDecisions.For(tokenServices, compiled.SimpleJwtConfigured, fileSecret is not null, apps is not null, !string.IsNullOrEmpty(engine), database)).ToArray();
        if (tokenServices && compiled.SimpleJwtVersion is { } version)
        {
            decisions = decisions.Append("the Django project pins simplejwt " + version + " (" + compiled.SimpleJwtVersionSource
                + "): the token services behave as that release does, unless AddSimpleJwtVersion chose another in C#").ToArray();
        }
        services.AddSingleton(new DjangoSettingsStartupReport(compiled.SourcePath, warnings, decisions));
        return builder;
    }

    private static bool FirstJwtClassIsStateless(DjangoSettings.Drf.RestFrameworkSettings? drf)
    {
        foreach (var entry in drf?.DefaultAuthenticationClasses ?? [])
        {
            switch (entry)
            {
                case DjangoSettings.Drf.DrfClassNames.JwtAuthentication:
                    return false;
                case DjangoSettings.Drf.DrfClassNames.JwtStatelessUserAuthentication:
                case DjangoSettings.Drf.DrfClassNames.JwtTokenUserAuthentication:
                    return true;
            }
        }
        return false;
    }

    // At startup every value is a constant, so "written literally" cannot be told from "read from
    // the environment"; the build already reported literal secrets. Info notes stay quiet here.
    private static string[] StartupWarnings(LoadedSettings? loaded) => loaded is null
        ? Array.Empty<string>()
        : loaded.Diagnostics
            .Where(w => w.Severity == SettingsSeverity.Warning && w.Id != DiagnosticDescriptors.LiteralSecret.Id)
            .Select(w => w.ToString())
            .ToArray();
}
