using System;
using System.IO;

namespace DjangoSettings.Runtime.Tests.Infrastructure;

/// <summary>Finds the repository root and the steering repo's <c>shared/</c> folder beside it.</summary>
public static class SharedDirectory
{
    /// <summary>The folder holding Generator.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary><c>../shared</c> next to the repository (override with DJANGOSETTINGS_SHARED).</summary>
    public static string Shared => Environment.GetEnvironmentVariable("DJANGOSETTINGS_SHARED") is { Length: > 0 } s
        ? s
        : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>The Django reference server folder.</summary>
    public static string Oracle => Path.Combine(Shared, "oracle");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
