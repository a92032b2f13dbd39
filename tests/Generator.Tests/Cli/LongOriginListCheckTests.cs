using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Cli;

/// <summary>
/// <c>check</c> on a white-label origin list (issue 16.4): 100,000 entries need no change (the
/// build and the answers scale, docs/cors.md "Long origin lists"), so the file passes silently,
/// while a broken entry deep in the list is still found at its own line. The elapsed-time bound
/// is a guard against a quadratic check, not a benchmark: it is two orders of magnitude above
/// what the check takes.
/// </summary>
public sealed class LongOriginListCheckTests : IDisposable
{
    private const int Count = 100_000;

    private readonly CliTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Settings(Func<int, string> origin)
    {
        var text = new StringBuilder("CORS_ALLOWED_ORIGINS = [\n");
        for (int i = 0; i < Count; i++) text.Append("    \"").Append(origin(i)).Append("\",\n");
        return text.Append("]\n").ToString();
    }

    [Fact]
    public void A_list_of_100000_origins_passes_check_silently()
    {
        string settings = _folder.Write("cors.settings", Settings(i => $"https://customer{i}.example-platform.com"));
        var clock = Stopwatch.StartNew();
        var (code, stdout, stderr) = CliTestFolder.Run("check", "--warnaserror", settings);
        clock.Stop();

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Empty(CliTestFolder.Lines(stdout));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"check took {clock.Elapsed}");
    }

    [Fact]
    public void A_broken_entry_deep_in_a_list_of_100000_is_reported_at_its_line()
    {
        const int broken = 73_456;
        string settings = _folder.Write("cors.settings",
            Settings(i => i == broken ? $"https://customer{i}.example-platform.com/" : $"https://customer{i}.example-platform.com"));
        var (code, stdout, _) = CliTestFolder.Run("check", settings);

        Assert.Equal(1, code);
        var line = Assert.Single(CliTestFolder.Lines(stdout));
        // Line 1 opens the list, so entry i is on line i + 2, its string at column 5.
        Assert.StartsWith($"{settings}({broken + 2},5): error DJS0213: Origin 'https://customer{broken}.example-platform.com/' in CORS_ALLOWED_ORIGINS should not have path", line);
    }
}
