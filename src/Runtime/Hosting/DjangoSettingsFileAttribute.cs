using System;

namespace DjangoSettings;

/// <summary>
/// Asks the DjangoSettings source generator to compile a Django settings file into the partial
/// class it marks, as <c>[JsonSerializable]</c> does for a <c>JsonSerializerContext</c>:
/// <code>
/// [DjangoSettingsFile("settings.py")]
/// internal partial class AppSettings;
///
/// builder.AddDjangoSettings&lt;AppSettings&gt;();
/// </code>
/// The generator fills the class with the typed settings (<c>Cors</c>, <c>SimpleJwt</c>,
/// <c>Django</c>) and implements <see cref="Hosting.IGeneratedDjangoSettings{TSelf}"/>.
/// </summary>
/// <remarks>
/// The path is relative to the project directory, like the <c>DjangoSettingsFile</c> property, and
/// the file must be one of the project's <c>AdditionalFiles</c> (the package adds
/// <c>DjangoSettingsFile</c>; add others with <c>&lt;AdditionalFiles Include="settings/*.py" /&gt;</c>).
/// <c>from .base import *</c> finds <c>base.py</c> among the AdditionalFiles in the same folder.
/// A path that names no such file is build error DJS0802. The class must be partial, not static,
/// not generic and not nested (DJS0803).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DjangoSettingsFileAttribute : Attribute
{
    /// <summary>Marks the class as compiled from <paramref name="path"/>.</summary>
    /// <param name="path">The settings file, relative to the project directory (<c>settings.py</c>, <c>config/settings/production.py</c>).</param>
    public DjangoSettingsFileAttribute(string path) => Path = path;

    /// <summary>The settings file, relative to the project directory.</summary>
    public string Path { get; }
}
