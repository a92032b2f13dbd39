using System.Collections.Generic;

namespace DjangoSettings.Generator.Project.Pins;

/// <summary>
/// The djangorestframework-simplejwt releases whose behaviour the runtime's
/// <c>SimpleJwtOptions.ForSimpleJwtVersion</c> imitates: every 5.x tag of the upstream repository
/// (jazzband/djangorestframework-simplejwt, v5.0.0 2021-10-13 to v5.5.1 2025-07-21). A range in a
/// requirements file resolves to the newest of these it allows, as pip would install today; 4.x
/// tokens carry no <c>iat</c> and are not imitated. Add a release here when the runtime learns it.
/// </summary>
internal static class SimpleJwtReleases
{
    /// <summary>The distribution name as pip normalises it (PEP 503).</summary>
    public const string Distribution = "djangorestframework-simplejwt";

    /// <summary>The known releases, oldest first.</summary>
    public static IReadOnlyList<PackageVersion> Known { get; } = new[]
    {
        PackageVersion.Release(5, 0, 0),
        PackageVersion.Release(5, 1, 0),
        PackageVersion.Release(5, 2, 0),
        PackageVersion.Release(5, 2, 1),
        PackageVersion.Release(5, 2, 2),
        PackageVersion.Release(5, 3, 0),
        PackageVersion.Release(5, 3, 1),
        PackageVersion.Release(5, 4, 0),
        PackageVersion.Release(5, 5, 0),
        PackageVersion.Release(5, 5, 1),
    };

    /// <summary>"5.0.0 to 5.5.1", for messages.</summary>
    public static string Span => Known[0] + " to " + Known[Known.Count - 1];
}
