namespace DjangoSettings.Generator.Evaluation;

/// <summary>
/// What the evaluator may read from outside the file. At build time there is none (environment
/// reads become <see cref="Values.PyDeferred"/>); at application startup the runtime passes one
/// backed by <c>IConfiguration</c>, and the same evaluation, binding and checks run again.
/// </summary>
internal interface ISettingsEnvironment
{
    /// <summary>The value of an environment variable / configuration key, or null when absent.</summary>
    string? GetVariable(string key);

    /// <summary>The text of a file the settings read (<c>open(p).read()</c>, <c>Path.read_text()</c>), or null when absent.</summary>
    string? ReadFile(string path);
}
