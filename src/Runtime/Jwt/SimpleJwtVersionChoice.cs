using System;

namespace DjangoSettings.Jwt;

/// <summary>
/// The simplejwt release an application chose in C# (<c>builder.Services.AddSimpleJwtVersion("5.2.2")</c>):
/// it wins over the version the build read from the Django project's requirements (DJS0316), for
/// the options <c>AddDjangoSettings</c> builds from the settings file.
/// </summary>
public sealed record SimpleJwtVersionChoice
{
    /// <summary>Chooses <paramref name="version"/>.</summary>
    /// <param name="version">A 5.x release such as <c>5.2.2</c> (as <see cref="SimpleJwtOptions.ForSimpleJwtVersion"/> takes it).</param>
    /// <exception cref="ArgumentException">Not a version the runtime imitates.</exception>
    public SimpleJwtVersionChoice(string version)
    {
        // Fails now, at registration, rather than when the host starts.
        _ = SimpleJwtOptions.Defaults("version-check").ForSimpleJwtVersion(version);
        Version = version;
    }

    /// <summary>The release, as given.</summary>
    public string Version { get; }

    /// <summary><paramref name="options"/> with this release's behaviour switches.</summary>
    public SimpleJwtOptions ApplyTo(SimpleJwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ForSimpleJwtVersion(Version);
    }
}
