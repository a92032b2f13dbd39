using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Cors.Support;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>The startup summary and the Debug explanation of each refused Origin.</summary>
public sealed class CorsLoggingTests
{
    private static async Task<string> RefusalFor(DjangoCorsSettings settings, string origin)
    {
        await using var server = await CorsTestServer.StartAsync(DjangoCorsPolicy.Create(settings), UpstreamStyleApp.Configure);
        var r = await server.SendAsync("GET", "/", new Dictionary<string, string> { ["Origin"] = origin });
        Assert.Null(r["access-control-allow-origin"]);
        return Assert.Single(server.Logs.Messages(2));
    }

    [Theory]
    [InlineData("https://app.example.com", "http://app.example.com", "scheme (http vs https)")]
    [InlineData("https://app.example.com", "https://App.Example.com", "host case")]
    [InlineData("https://app.example.com", "https://app.example.com:443", "port (443 vs no port")]
    [InlineData("http://localhost:3000", "http://localhost:3001", "port (3001 vs 3000")]
    public async Task Refused_origin_names_the_nearest_entry_and_the_difference(string configured, string origin, string reason)
    {
        string message = await RefusalFor(new() { AllowedOrigins = new[] { "https://other.test", configured } }, origin);
        Assert.Contains(origin, message, System.StringComparison.Ordinal);
        Assert.Contains("'" + configured + "'", message, System.StringComparison.Ordinal);
        Assert.Contains(reason, message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_origin_that_a_regex_would_take_without_its_trailing_slash()
    {
        string message = await RefusalFor(new() { AllowedOriginRegexes = new[] { @"^https://\w+\.example\.com$" } }, "https://a.example.com/");
        Assert.Contains("trailing slash", message, System.StringComparison.Ordinal);
        Assert.Contains(@"^https://\w+\.example\.com$", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_origin_without_a_near_entry_says_what_was_tried()
    {
        string message = await RefusalFor(new() { AllowedOrigins = new[] { "https://a.test" } }, "https://evil.example.net");
        Assert.Contains("not in CORS_ALLOWED_ORIGINS (1 entries)", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unparseable_origin_is_logged_as_such()
    {
        string message = await RefusalFor(new() { AllowAllOrigins = true }, "https://a.com]");
        Assert.Contains("urlsplit", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_logs_one_summary_of_the_compiled_policy()
    {
        var policy = DjangoCorsPolicy.Create(new() { AllowedOrigins = new[] { "https://a.test", "https://b.test" }, AllowedOriginRegexes = new[] { "^x" }, AllowCredentials = true, PreflightMaxAge = 600 });
        await using var server = await CorsTestServer.StartAsync(policy, UpstreamStyleApp.Configure);
        await server.SendAsync("GET", "/", new Dictionary<string, string>());
        await server.SendAsync("GET", "/", new Dictionary<string, string>());
        string summary = Assert.Single(server.Logs.Messages(1));
        Assert.Contains("credentials True", summary, System.StringComparison.Ordinal);
        Assert.Contains("2 origins (frozen set)", summary, System.StringComparison.Ordinal);
        Assert.Contains("1 origin regexes", summary, System.StringComparison.Ordinal);
        Assert.Contains("max age 600", summary, System.StringComparison.Ordinal);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, server.Logs.Entries.First(e => e.Message == summary).Level);
    }
}
