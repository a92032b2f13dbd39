using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace DjangoSettings.Generator.Tests.Cli;

/// <summary>
/// A split settings package (settings/base.py + settings/production.py doing <c>from .base import *</c>):
/// the CLI finds the imported modules beside the file it is given, as the generator does.
/// </summary>
public sealed class SplitSettingsTests : IDisposable
{
    private const string Base = """
        import os

        SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
        CORS_ALLOWED_ORIGINS = ["http://localhost:3000"]
        CORS_ALOWED_METHODS = ["GET"]

        """;

    private const string Production = """
        from .base import *

        CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", "https://app.example.com").split(",")
        CORS_ALLOW_CREDENTIALS = True

        """;

    private readonly CliTestFolder _folder = new();

    public SplitSettingsTests()
    {
        _folder.Write("config/settings/__init__.py", string.Empty);
        _folder.Write("config/settings/base.py", Base);
        _folder.Write("config/settings/production.py", Production);
        // Not imported by production.py: never read as part of it.
        _folder.Write("config/settings/local.py", "from .base import *\nDEBUG = (\n");
    }

    public void Dispose() => _folder.Dispose();

    private string Path(string name) => System.IO.Path.Combine(_folder.Root, "config", "settings", name);

    [Fact]
    public void Base_is_found_beside_production_and_its_findings_point_into_it()
    {
        var (code, stdout, stderr) = CliTestFolder.Run("check", Path("production.py"));
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        var line = Assert.Single(CliTestFolder.Lines(stdout));
        Assert.StartsWith(Path("base.py") + "(5,1): warning DJS0101: 'CORS_ALOWED_METHODS'", line);
        // local.py's syntax error is not production.py's concern.
        Assert.DoesNotContain("local.py", stdout);
    }

    [Fact]
    public void Json_lists_the_imports_and_the_values_production_ends_with()
    {
        var (code, stdout, _) = CliTestFolder.Run("check", "--json", "--env", "DJANGO_SECRET_KEY=k3y-0123456789abcdefghijklmnopqrstuvwxyz0123456789", Path("production.py"));
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(new[] { Path("base.py") }, doc.RootElement.GetProperty("imports").EnumerateArray().Select(e => e.GetString()));
        var settings = doc.RootElement.GetProperty("settings");
        Assert.Equal(new[] { "https://app.example.com" }, settings.GetProperty("CORS_ALLOWED_ORIGINS").EnumerateArray().Select(e => e.GetString()));
        Assert.True(settings.GetProperty("CORS_ALLOW_CREDENTIALS").GetBoolean());
    }

    [Fact]
    public void A_production_value_is_checked_with_the_environment_through_the_import()
    {
        var (code, stdout, _) = CliTestFolder.Run("check", "--env", "CORS_ALLOWED_ORIGINS=https://app.example.com/", Path("production.py"));
        Assert.Equal(1, code);
        var errors = CliTestFolder.Lines(stdout).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        // The secret base.py reads is missing; the origin production.py reads has a path.
        Assert.Contains(errors, l => l.StartsWith(Path("base.py") + "(3,14): error DJS0014: environment variable 'DJANGO_SECRET_KEY' is not set", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith(Path("production.py") + "(3,24): error DJS0213: Origin 'https://app.example.com/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_checked_together_report_a_shared_base_once()
    {
        var (code, stdout, _) = CliTestFolder.Run("check", Path("base.py"), Path("production.py"));
        Assert.Equal(0, code);
        Assert.Single(CliTestFolder.Lines(stdout), l => l.Contains("DJS0101", StringComparison.Ordinal));
    }

    [Fact]
    public void A_relative_path_is_echoed_as_given_for_the_file_and_its_imports()
    {
        // Diagnostics echo the path as the user wrote it, so a terminal or editor can open it.
        string relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), Path("production.py"));
        var (_, stdout, _) = CliTestFolder.Run("check", relative);
        string baseShown = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(relative)!, "base.py");
        Assert.StartsWith(baseShown + "(5,1): warning DJS0101", CliTestFolder.Lines(stdout).Single());
    }

    [Fact]
    public void Emit_finds_the_imports_too()
    {
        var (code, stdout, _) = CliTestFolder.Run("emit", Path("production.py"));
        Assert.Equal(0, code);
        Assert.Contains("https://app.example.com", stdout);
        Assert.Contains("internal sealed partial class DjangoProjectSettings", stdout);
    }
}
