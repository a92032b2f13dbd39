using DjangoSettings.Generator.Roslyn;
using Xunit;

namespace DjangoSettings.Generator.Tests.Generator;

public class ProjectPathsTests
{
    [Theory]
    [InlineData("/src/app", "/src/app/cors.settings", "cors.settings")]
    [InlineData("/src/app/", "/src/app/config/./cors.settings", "config/cors.settings")]
    [InlineData("/src/app", "/src/backend/proj/settings.py", "../backend/proj/settings.py")]
    [InlineData("C:\\src\\app", "C:\\src\\app\\Config\\cors.settings", "Config/cors.settings")]
    [InlineData("", "/x/cors.settings", "/x/cors.settings")]
    public void Relative_paths_use_forward_slashes(string directory, string path, string expected)
        => Assert.Equal(expected, ProjectPaths.Relative(directory, path));

    [Theory]
    [InlineData("/a/b/../c/./cors.settings", "/a/c/cors.settings")]
    [InlineData("C:\\a\\..\\b\\x", "C:/b/x")]
    [InlineData("/../x", "/x")]
    [InlineData("a/../../x", "../x")]
    public void Normalize_resolves_dots(string path, string expected)
        => Assert.Equal(expected, ProjectPaths.Normalize(path));

    [Fact]
    public void Configured_paths_match_the_additional_file_whatever_the_separators()
    {
        var options = ProjectOptions.Create("C:\\src\\app", "config\\cors.settings", "App");
        Assert.True(ProjectPaths.SameFile("C:/src/app/config/cors.settings", options.SettingsFilePath));
        Assert.Equal("cors.settings", ProjectOptions.Create("/p", "  ", null).SettingsFile);
    }

    [Fact]
    public void Hint_names_are_valid_and_distinct_for_paths_that_sanitise_alike()
    {
        string a = ProjectPaths.HintName("a/cors.settings");
        string b = ProjectPaths.HintName("a_cors.settings");
        string c = ProjectPaths.HintName("a cors.settings");
        Assert.Equal("DjangoSettings.a_cors.settings.g.cs", b);
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
        Assert.Matches("^[A-Za-z0-9_.-]+$", a);
        Assert.Matches("^[A-Za-z0-9_.-]+$", ProjectPaths.HintName("../ünï cödé/settings.py"));
    }
}
