using System;
using System.Collections.Generic;
using DjangoSettings.Cors;
using DjangoSettings.Jwt;

namespace DjangoSettings.Hosting;

/// <summary>
/// What the source generator hands the runtime for one settings file: how to build the
/// precompiled CORS policy and SIMPLE_JWT options, and, when some values depend on the
/// environment, the embedded settings text to evaluate at startup. Generated code creates it;
/// applications call the generated <c>AddCorsSettings()</c> instead of using it directly.
/// </summary>
public sealed class CompiledDjangoSettings
{
    /// <summary>The settings file (main module), for messages.</summary>
    public required string SourcePath { get; init; }

    /// <summary>
    /// (path, text) of each settings file when some value is read from configuration at startup;
    /// null when everything was folded at build time.
    /// </summary>
    public IReadOnlyList<(string Path, string Text)>? DeferredSources { get; init; }

    /// <summary>Installs the resolver that answers the generated class's deferred members.</summary>
    public Action<Func<string, object?>>? InstallResolver { get; init; }

    /// <summary>Builds the CORS policy (called after deferred values are resolved).</summary>
    public required Func<DjangoCorsPolicy> CreateCorsPolicy { get; init; }

    /// <summary>Builds the SIMPLE_JWT options from Django's SECRET_KEY (the default SIGNING_KEY).</summary>
    public Func<string, SimpleJwtOptions>? CreateSimpleJwtOptions { get; init; }

    /// <summary>Whether the file sets SIMPLE_JWT (otherwise simplejwt's defaults apply when a SECRET_KEY is known).</summary>
    public bool SimpleJwtConfigured { get; init; }

    /// <summary>SECRET_KEY as the file sets it, or null (then configuration's <c>SECRET_KEY</c> is used).</summary>
    public Func<string?>? SecretKey { get; init; }

    /// <summary>DATABASES['default'] ENGINE and NAME (NAME relative to the content root), when set.</summary>
    public Func<(string? Engine, string? Name)>? Database { get; init; }

    /// <summary>DATABASES['default'] USER, PASSWORD, HOST and PORT (for server databases), when the generator provides them.</summary>
    public Func<(string? User, string? Password, string? Host, string? Port)>? DatabaseConnection { get; init; }

    /// <summary>INSTALLED_APPS when the file sets it (decides whether the token blacklist is on), else null.</summary>
    public Func<IReadOnlyList<string>?>? InstalledApps { get; init; }
}
