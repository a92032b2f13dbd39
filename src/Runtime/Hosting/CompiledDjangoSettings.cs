using System;
using System.Collections.Generic;
using DjangoSettings.Cors;
using DjangoSettings.Jwt;

namespace DjangoSettings.Hosting;

/// <summary>
/// What the source generator hands the runtime for one settings class: how to create the settings
/// object (given the values read from configuration at startup), and how to build the precompiled
/// CORS policy, the SIMPLE_JWT options and the database selection from it. Generated code creates
/// it (<see cref="IGeneratedDjangoSettings{TSelf}.CompiledSettings"/>); applications call
/// <c>builder.AddDjangoSettings&lt;TSettings&gt;()</c> instead of using it directly.
/// </summary>
/// <typeparam name="TSettings">The generated settings class.</typeparam>
public sealed class CompiledDjangoSettings<TSettings>
    where TSettings : class
{
    /// <summary>The settings file (main module), as the build saw it, for messages.</summary>
    public required string SourcePath { get; init; }

    /// <summary>
    /// (path, text) of each settings file, the main module last, when some value is read from
    /// configuration at startup; null when everything was folded at build time.
    /// </summary>
    public IReadOnlyList<(string Path, string Text)>? DeferredSources { get; init; }

    /// <summary>
    /// Creates the settings object. The argument answers the deferred members by binding key
    /// (<c>CORS_ALLOWED_ORIGINS</c>, <c>SIMPLE_JWT.SIGNING_KEY</c>) from the startup evaluation; it is
    /// null when <see cref="DeferredSources"/> is null.
    /// </summary>
    public required Func<Func<string, object?>?, TSettings> Create { get; init; }

    /// <summary>Builds the CORS policy from the settings.</summary>
    public required Func<TSettings, DjangoCorsPolicy> CreateCorsPolicy { get; init; }

    /// <summary>Builds the SIMPLE_JWT options from the settings and Django's SECRET_KEY (the default SIGNING_KEY).</summary>
    public Func<TSettings, string, SimpleJwtOptions>? CreateSimpleJwtOptions { get; init; }

    /// <summary>Whether the file sets SIMPLE_JWT (otherwise simplejwt's defaults apply when a SECRET_KEY is known).</summary>
    public bool SimpleJwtConfigured { get; init; }

    /// <summary>SECRET_KEY as the file sets it, or null (then configuration's <c>SECRET_KEY</c> is used).</summary>
    public Func<TSettings, string?>? SecretKey { get; init; }

    /// <summary>DATABASES['default'] ENGINE and NAME (NAME relative to the content root), when set.</summary>
    public Func<TSettings, (string? Engine, string? Name)>? Database { get; init; }

    /// <summary>DATABASES['default'] USER, PASSWORD, HOST and PORT (for server databases).</summary>
    public Func<TSettings, (string? User, string? Password, string? Host, string? Port)>? DatabaseConnection { get; init; }

    /// <summary>Builds REST_FRAMEWORK from the settings (every key DRF's views read here; DRF's defaults for the rest); null when the file sets no REST_FRAMEWORK.</summary>
    public Func<TSettings, DjangoSettings.Drf.RestFrameworkSettings>? CreateRestFrameworkSettings { get; init; }

    /// <summary>Builds CACHES['default'] from the settings (where DRF's throttles keep their histories); null when the file sets no CACHES.</summary>
    public Func<TSettings, DjangoSettings.Caching.DjangoCacheSettings>? CreateCacheSettings { get; init; }

    /// <summary>Builds the language settings (LANGUAGE_CODE, USE_I18N, LANGUAGES, LANGUAGE_COOKIE_NAME, INSTALLED_APPS).</summary>
    public Func<TSettings, DjangoSettings.Localization.DjangoLanguageSettings>? CreateLanguageSettings { get; init; }

    /// <summary>INSTALLED_APPS when the file sets it (decides whether the token blacklist is on), else null.</summary>
    public Func<TSettings, IReadOnlyList<string>?>? InstalledApps { get; init; }

    /// <summary>
    /// Whether the file sets MIDDLEWARE (to a value known at build time or read at startup); otherwise
    /// the port's decision for a partial file applies (startproject's list with CorsMiddleware first).
    /// </summary>
    public bool MiddlewareConfigured { get; init; }

    /// <summary>Whether the file sets ALLOWED_HOSTS; otherwise the hosts come from configuration's <c>AllowedHosts</c>.</summary>
    public bool AllowedHostsConfigured { get; init; }

    /// <summary>MIDDLEWARE and the settings its entries read, for <c>app.UseDjangoMiddleware()</c>.</summary>
    public Func<TSettings, DjangoSettings.Http.DjangoHttpSettings>? CreateHttpSettings { get; init; }

    /// <summary>
    /// The user model read from the Django project at build time (AUTH_USER_MODEL), or null for
    /// Django's <c>auth.User</c>; registered with <c>TryAddDjangoUserModel</c>, so a hand-written
    /// <c>AddDjangoUserModel</c> wins.
    /// </summary>
    public Func<DjangoSettings.Users.DjangoUserModel?>? UserModel { get; init; }

    /// <summary>
    /// The simplejwt release the Django project's requirements pin (<c>5.2.2</c>), read at build time
    /// (DJS0316), or null: the runtime's default behaviour. Applied with
    /// <see cref="SimpleJwtOptions.ForSimpleJwtVersion"/> unless the application chose a version in C#
    /// (<c>AddSimpleJwtVersion</c>) or registered its own <see cref="SimpleJwtOptions"/>.
    /// </summary>
    public string? SimpleJwtVersion { get; init; }

    /// <summary>Where <see cref="SimpleJwtVersion"/> was read (<c>requirements.txt(4)</c>), for the startup log.</summary>
    public string? SimpleJwtVersionSource { get; init; }

    /// <summary>
    /// The claims translated at build time from the Django project's <c>TOKEN_OBTAIN_SERIALIZER</c>
    /// <c>get_token</c>, or null; used by the obtain-pair endpoint unless the application registers
    /// an <see cref="DjangoSettings.Jwt.ISimpleJwtClaimsProvider"/> of its own (which wins).
    /// </summary>
    public Func<DjangoSettings.Jwt.ISimpleJwtClaimsProvider?>? TokenObtainClaims { get; init; }

    /// <summary>
    /// Warnings of the build that say what the application does instead of what the file says (a
    /// value the build could not know and assumed, DJS0112; a settings module that was not given,
    /// DJS0111; a custom serializer answered by the default one, DJS0116), logged again at startup.
    /// </summary>
    public IReadOnlyList<string>? BuildWarnings { get; init; }
}
