using DjangoSettings.Cors;
using DjangoSettings.Shared;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// The regex-free shortcut for CORS_URLS_REGEX gives exactly the translated regex's answer
/// (itself checked against Python's re.match elsewhere) on paths chosen to hit Python's corner
/// cases: "." stops at "\n", "$" matches before a final "\n", prefixes are case-sensitive.
/// </summary>
public sealed class UrlPathMatcherTests
{
    private static readonly string[] Paths =
    {
        "/", "", "/api", "/api/", "/api/items", "/API/items", "/apix/", "/other/api/",
        "/api/\n", "/api/a\n", "/api/a\nb", "\n", "\n\n", "/api/\n\n", "/api/items/\u00e9", "/ap",
    };

    [Theory]
    [InlineData("^.*$", true)]
    [InlineData(".*", true)]
    [InlineData("^.*", true)]
    [InlineData("^/api/", true)]
    [InlineData("^/api/.*$", true)]
    [InlineData("^/api/.*", true)]
    [InlineData("/api", true)]
    [InlineData("^", true)]
    [InlineData("^/api/$", false)]
    [InlineData(@"^/api/\w+$", false)]
    [InlineData("^/(api|v2)/.*$", false)]
    [InlineData("^/api.v1/", false)]
    public void Shortcut_answers_like_the_regex(string pattern, bool shortcut)
    {
        var regex = PythonRegex.CompileForMatch(pattern, out var error);
        Assert.True(regex is not null, error);
        var matcher = new UrlPathMatcher(pattern, regex!);
        Assert.Equal(shortcut, matcher.IsShortcut);
        foreach (string path in Paths)
        {
            Assert.True(regex!.IsMatch(path) == matcher.IsMatch(path), $"{pattern} on {path.Replace("\n", "\\n")}: regex {regex.IsMatch(path)}");
        }
    }
}
