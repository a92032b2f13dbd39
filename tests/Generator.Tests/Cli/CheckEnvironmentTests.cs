using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace DjangoSettings.Generator.Tests.Cli;

/// <summary>
/// <c>check --env KEY=VALUE</c> and <c>--env-file</c>: the values read from the environment are
/// evaluated with exactly the given variables, through the runtime's startup path, and what breaks
/// a check is reported at the settings line.
/// </summary>
public sealed class CheckEnvironmentTests : IDisposable
{
    private const string Settings = """
        import os
        from datetime import timedelta

        SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
        CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", "http://localhost:3000").split(",")
        CORS_ALLOW_CREDENTIALS = os.environ.get("CORS_CREDENTIALS", "true").lower() == "true"
        SIMPLE_JWT = {
            "ACCESS_TOKEN_LIFETIME": timedelta(minutes=int(os.environ.get("ACCESS_MINUTES", "15"))),
        }

        """;

    private const string GoodKey = "k3y-read-from-the-environment-0123456789abcdefghij";

    private readonly CliTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Without_an_environment_the_reads_stay_deferred_as_in_the_build()
    {
        string settings = _folder.Write("settings.py", Settings);
        var (code, stdout, stderr) = CliTestFolder.Run("check", settings);
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.DoesNotContain(": error ", stdout);
    }

    [Fact]
    public void A_production_value_that_breaks_a_check_is_reported_at_the_settings_line()
    {
        string settings = _folder.Write("settings.py", Settings);
        var (code, stdout, _) = CliTestFolder.Run("check",
            "--env", "DJANGO_SECRET_KEY=" + GoodKey,
            "--env", "CORS_ALLOWED_ORIGINS=https://app.example.com,https://example.com/",
            settings);

        Assert.Equal(1, code);
        var line = Assert.Single(CliTestFolder.Lines(stdout));
        // Line 5 column 24: the os.environ.get(...) the value came from.
        Assert.Equal(settings + "(5,24): error DJS0213: Origin 'https://example.com/' in CORS_ALLOWED_ORIGINS should not have path (corsheaders.E014); remove the trailing '/': browsers never send one (https://github.com/djangosettings/djangosettings/blob/main/docs/diagnostics/DJS0213.md)", line);
    }

    [Fact]
    public void A_missing_required_variable_is_an_error_naming_it()
    {
        string settings = _folder.Write("settings.py", Settings);
        var (code, stdout, _) = CliTestFolder.Run("check", "--env", "CORS_ALLOWED_ORIGINS=https://app.example.com", settings);
        Assert.Equal(1, code);
        Assert.Contains(settings + "(4,14): error DJS0014: environment variable 'DJANGO_SECRET_KEY' is not set and os.environ[\"DJANGO_SECRET_KEY\"] has no default", stdout);
    }

    [Fact]
    public void A_value_that_does_not_convert_fails_where_it_is_read()
    {
        string settings = _folder.Write("settings.py", Settings);
        var (code, stdout, _) = CliTestFolder.Run("check", "--env", "DJANGO_SECRET_KEY=" + GoodKey, "--env", "ACCESS_MINUTES=fifteen", settings);
        Assert.Equal(1, code);
        var error = Assert.Single(CliTestFolder.Lines(stdout), l => l.Contains(": error ", StringComparison.Ordinal));
        Assert.StartsWith(settings + "(8,", error);
        Assert.Contains("fifteen", error);
    }

    [Fact]
    public void An_env_file_and_options_apply_in_order_and_the_last_wins()
    {
        string settings = _folder.Write("settings.py", Settings);
        string envFile = _folder.Write("production.env", $"""
            # production values
            export DJANGO_SECRET_KEY="{GoodKey}"
            CORS_ALLOWED_ORIGINS=https://app.example.com,https://example.com/ # the trailing slash is a mistake
            CORS_CREDENTIALS=false
            """);

        var (code, stdout, _) = CliTestFolder.Run("check", "--env-file", envFile, settings);
        Assert.Equal(1, code);
        Assert.Contains("error DJS0213: Origin 'https://example.com/'", stdout);

        // A later --env overrides the file, as a later --env-file would.
        (code, stdout, _) = CliTestFolder.Run("check", "--env-file", envFile, "--env", "CORS_ALLOWED_ORIGINS=https://app.example.com", "--format", "json", settings);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var values = doc.RootElement.GetProperty("settings");
        Assert.Equal(new[] { "https://app.example.com" }, values.GetProperty("CORS_ALLOWED_ORIGINS").EnumerateArray().Select(e => e.GetString()));
        Assert.False(values.GetProperty("CORS_ALLOW_CREDENTIALS").GetBoolean());
        Assert.Equal(900, values.GetProperty("SIMPLE_JWT.ACCESS_TOKEN_LIFETIME").GetProperty("seconds").GetInt32());
        // The secret is never printed, even when the environment gave it.
        Assert.DoesNotContain(GoodKey, stdout);
        Assert.Equal(GoodKey.Length, values.GetProperty("SECRET_KEY").GetProperty("length").GetInt32());
    }

    [Fact]
    public void Variable_names_match_as_configuration_keys_do_at_startup_ignoring_case()
    {
        // The runtime reads IConfiguration, whose keys ignore case; the check answers the same.
        string settings = _folder.Write("settings.py", Settings);
        var (code, stdout, _) = CliTestFolder.Run("check", "--env", "django_secret_key=" + GoodKey, settings);
        Assert.Equal(0, code);
        Assert.DoesNotContain("DJS0014", stdout);
    }

    [Fact]
    public void An_empty_env_file_means_nothing_is_set()
    {
        string settings = _folder.Write("settings.py", Settings);
        string envFile = _folder.Write("empty.env", "# nothing here\n");
        var (code, stdout, _) = CliTestFolder.Run("check", "--env-file", envFile, settings);
        Assert.Equal(1, code);
        Assert.Contains("DJS0014: environment variable 'DJANGO_SECRET_KEY' is not set", stdout);
    }

    [Fact]
    public void A_missing_env_file_is_a_usage_error()
    {
        string settings = _folder.Write("settings.py", Settings);
        string missing = Path.Combine(_folder.Root, "nope.env");
        var (code, stdout, stderr) = CliTestFolder.Run("check", "--env-file", missing, settings);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cannot read " + missing, stderr);
    }

    [Fact]
    public void A_file_the_settings_read_is_found_relative_to_the_settings_folder()
    {
        const string text = """
            from pathlib import Path
            BASE_DIR = Path(__file__).resolve().parent.parent
            SECRET_KEY = (BASE_DIR / "secret.txt").read_text().strip()

            """;
        string settings = _folder.Write("project/settings.py", text);
        var (code, stdout, _) = CliTestFolder.Run("check", "--env", "UNUSED=1", settings);
        Assert.Equal(1, code);
        Assert.Contains(settings + "(3,14): error DJS0015: file '../secret.txt' read by", stdout);

        _folder.Write("secret.txt", GoodKey + "\n");
        (code, stdout, _) = CliTestFolder.Run("check", "--env", "UNUSED=1", settings);
        Assert.Equal(0, code);
        Assert.DoesNotContain("DJS0015", stdout);
        // Read from a file at startup, not written in settings.py: not a literal secret.
        Assert.DoesNotContain("DJS0308", stdout);
    }

    [Fact]
    public void A_secret_from_the_environment_is_not_reported_as_written_in_the_file()
    {
        string settings = _folder.Write("settings.py", "import os\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\n");
        var (code, stdout, _) = CliTestFolder.Run("check", "--env", "DJANGO_SECRET_KEY=" + GoodKey, settings);
        Assert.Equal(0, code);
        Assert.DoesNotContain("DJS0308", stdout);

        // A literal is the build's finding: check without --env reports it; at startup, as the host, not.
        settings = _folder.Write("literal.py", "SECRET_KEY = \"" + GoodKey + "\"\n");
        (_, stdout, _) = CliTestFolder.Run("check", settings);
        Assert.Contains(settings + "(1,14): warning DJS0308: ", stdout);
        (_, stdout, _) = CliTestFolder.Run("check", "--env", "UNUSED=1", settings);
        Assert.DoesNotContain("DJS0308", stdout);

        // The insecure prefix is about the value, wherever it comes from.
        (_, stdout, _) = CliTestFolder.Run("check", "--env", "DJANGO_SECRET_KEY=django-insecure-" + GoodKey, _folder.Write("env.py", "import os\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\n"));
        Assert.Contains("(2,14): warning DJS0309: ", stdout);
    }
}
