namespace DjangoSettings.Generator.Evaluation.Values;

/// <summary>What a <see cref="PyPath"/> is relative to.</summary>
internal enum PathAnchor
{
    /// <summary>
    /// Relative to the folder that holds the settings file (<c>Path(__file__).parent</c> is <c>.</c>,
    /// the usual <c>BASE_DIR = Path(__file__).resolve().parent.parent</c> is <c>..</c>).
    /// </summary>
    SettingsDirectory,

    /// <summary>An absolute path, exactly as written (<c>Path("/etc/keys")</c>).</summary>
    Absolute,

    /// <summary>Relative to the process working directory (<c>Path("keys")</c>), as Python resolves it.</summary>
    WorkingDirectory,
}

/// <summary>
/// A <c>pathlib.Path</c> (or an <c>os.path</c> result built from <c>__file__</c>). The compiler does
/// not know where the settings file will live at run time, so paths derived from <c>__file__</c> are
/// kept relative to the settings file's folder: <see cref="Path"/> uses <c>/</c>, is normalised
/// (no <c>.</c> segments, leading <c>..</c> kept) and is <c>.</c> for the folder itself. Reading the file
/// is deferred to startup (<see cref="ISettingsEnvironment.ReadFile"/> receives <see cref="Path"/>).
/// </summary>
/// <param name="Path">The normalised path text.</param>
/// <param name="Anchor">What <paramref name="Path"/> is relative to.</param>
internal sealed record PyPath(string Path, PathAnchor Anchor) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "PosixPath";
}
