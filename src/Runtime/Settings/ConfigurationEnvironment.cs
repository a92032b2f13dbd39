using System;
using System.IO;
using DjangoSettings.Generator.Evaluation;
using Microsoft.Extensions.Configuration;

namespace DjangoSettings.Settings;

/// <summary>
/// The environment a settings file sees at application startup: variables from
/// <see cref="IConfiguration"/> (environment variables, appsettings.json, user secrets...) under the
/// same key the file reads, and files relative to the content root.
/// </summary>
internal sealed class ConfigurationEnvironment : ISettingsEnvironment
{
    private readonly IConfiguration _configuration;
    private readonly string _contentRoot;

    /// <summary>Creates the environment.</summary>
    public ConfigurationEnvironment(IConfiguration configuration, string contentRoot)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _contentRoot = contentRoot ?? throw new ArgumentNullException(nameof(contentRoot));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The environment-variables provider turns <c>A__B</c> into the key <c>A:B</c>, so a settings
    /// file reading <c>os.environ["A__B"]</c> would find nothing under its own spelling; the
    /// provider's spelling is tried second, as the variable reaches configuration through it.
    /// </remarks>
    public string? GetVariable(string key)
        => _configuration[key] ?? (key.Contains("__", StringComparison.Ordinal) ? _configuration[key.Replace("__", ":", StringComparison.Ordinal)] : null);

    /// <inheritdoc />
    public string? ReadFile(string path)
    {
        string full = Path.IsPathRooted(path) ? path : Path.Combine(_contentRoot, path);
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }
}
