namespace DjangoSettings.Generator.Evaluation;

/// <summary>
/// An environment where no variable is set and no file exists: evaluating under it gives the
/// values Django would compute on a machine with nothing configured, so the defaults written in
/// the file can be checked at build time.
/// </summary>
internal sealed class UnsetEnvironment : ISettingsEnvironment
{
    /// <summary>The one instance.</summary>
    public static UnsetEnvironment Instance { get; } = new();

    private UnsetEnvironment()
    {
    }

    /// <inheritdoc />
    public string? GetVariable(string key) => null;

    /// <inheritdoc />
    public string? ReadFile(string path) => null;
}
