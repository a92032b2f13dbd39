using System;
using System.IO;

namespace DjangoSettings.Generator.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder holding Generator.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root.</summary>
    public static string Path { get; } = Find();

    /// <summary>The test project folder (tests/Generator.Tests).</summary>
    public static string TestProject => System.IO.Path.Combine(Path, "tests", "Generator.Tests");

    /// <summary>A file under the test project's Corpus folder (copied to the output too).</summary>
    public static string Corpus(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Corpus", relative);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Generator.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
