using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DjangoSettings.Cli;
using DjangoSettings.Cli.Commands;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "djangosettings-cli-" + Guid.NewGuid().ToString("N"));

    public CommandLineTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_prints_usage_and_succeeds(string arg)
    {
        var (code, stdout, stderr) = Run(arg);
        Assert.Equal(0, code);
        Assert.Contains("usage: djangosettings check [options] FILE...", stdout);
        Assert.Contains("emit [--namespace NS] [--class NAME] FILE", stdout);
        foreach (string option in new[] { "--env KEY=VALUE", "--env-file FILE", "--format FORMAT", "--warnaserror" }) Assert.Contains(option, stdout);
        Assert.Contains("exit codes: 0 no errors, 1 errors in the settings, 2 usage error or unreadable file", stdout);
        Assert.Empty(stderr);
    }

    [Theory]
    [InlineData("check", "--help")]
    [InlineData("emit", "-h")]
    public void A_command_with_help_prints_usage(string command, string help)
    {
        var (code, stdout, _) = Run(command, help);
        Assert.Equal(0, code);
        Assert.StartsWith("usage: djangosettings check", stdout);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var (code, stdout, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^djangosettings \d+\.\d+\.\d+\S*\r?\n$", stdout);
    }

    [Theory]
    [InlineData(new string[0], "usage:")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "check" }, "no settings file given")]
    [InlineData(new[] { "check", "--yaml", "x" }, "unknown option --yaml")]
    [InlineData(new[] { "check", "--json=1", "x" }, "option --json takes no value")]
    [InlineData(new[] { "emit", "--namespace" }, "option --namespace needs a value")]
    [InlineData(new[] { "check", "--format", "yaml", "x" }, "unknown format 'yaml' (text, json or sarif)")]
    [InlineData(new[] { "check", "--json", "--format", "sarif", "x" }, "--json is --format json; it cannot be combined with --format sarif")]
    [InlineData(new[] { "check", "--env", "=x", "x" }, "--env needs KEY=VALUE or KEY, not '=x'")]
    [InlineData(new[] { "check", "--env" }, "option --env needs a value")]
    [InlineData(new[] { "check", "--warnaserror=yes", "x" }, "option --warnaserror takes no value")]
    [InlineData(new[] { "emit", "a.py", "b.py" }, "emit takes one settings file (the modules it imports are found beside it)")]
    public void Usage_errors_exit_2_with_a_message(string[] args, string message)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public void A_missing_file_exits_2_and_names_it()
    {
        string missing = Path.Combine(_dir, "nope.settings");
        var (code, stdout, stderr) = Run("check", missing);
        Assert.Equal(2, code);
        Assert.Contains("cannot read " + missing, stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Check_prints_compiler_style_lines_and_exits_1_on_errors()
    {
        const string text = "CORS_ALLOW_CREDENTIALS = \"yes\"\nCORS_ALOWED_ORIGINS = []\n";
        string path = Write("cors.settings", text);
        var module = new ModuleBuilder(path, text)
            .Set("CORS_ALLOW_CREDENTIALS", new PyStr("yes"))
            .Set("CORS_ALOWED_ORIGINS", SampleSettings.List());

        var (code, stdout, stderr) = Run(Over(module), "check", path);

        Assert.Equal(1, code);
        Assert.Empty(stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        // As the build prints it, the help link in parentheses after the message.
        Assert.Equal(path + "(1,26): error DJS0203: CORS_ALLOW_CREDENTIALS should be a bool (corsheaders.E003): expected True or False, found str ('yes'); the string 'yes' is always true in Python: write True or False (https://github.com/djangosettings/djangosettings/blob/main/docs/diagnostics/DJS0203.md)", lines[0]);
        Assert.StartsWith(path + "(2,1): warning DJS0101: 'CORS_ALOWED_ORIGINS' is not a django-cors-headers setting", lines[1]);
        Assert.Equal("1 error, 1 warning, 0 infos", lines[2]);
    }

    [Fact]
    public void Check_exits_0_when_there_are_only_warnings()
    {
        const string text = "CORS_ALOWED_ORIGINS = []\n";
        string path = Write("cors.settings", text);
        var (code, stdout, _) = Run(Over(new ModuleBuilder(path, text).Set("CORS_ALOWED_ORIGINS", SampleSettings.List())), "check", path);
        Assert.Equal(0, code);
        Assert.Contains("warning DJS0101", stdout);
    }

    [Fact]
    public void Check_json_has_diagnostics_and_the_evaluated_settings()
    {
        const string appended = "CORS_ORIGIN_WHITELIST_X = []\n";
        string path = Write("cors.settings", SampleSettings.ReactText + appended);
        var (code, stdout, _) = Run(Over(SampleSettings.React(path, appended).Set("CORS_ORIGIN_WHITELIST_X", SampleSettings.List())), "check", "--json", path);
        Assert.Equal(0, code);

        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(new[] { "file", "imports", "diagnostics", "settings" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(path, root.GetProperty("file").GetString());
        Assert.Empty(root.GetProperty("imports").EnumerateArray());
        var diagnostic = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("DJS0101", diagnostic.GetProperty("id").GetString());
        Assert.Equal("warning", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(path, diagnostic.GetProperty("file").GetString());
        Assert.Equal(1, diagnostic.GetProperty("column").GetInt32());
        Assert.True(diagnostic.GetProperty("endLine").GetInt32() >= diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(1 + "CORS_ORIGIN_WHITELIST_X".Length, diagnostic.GetProperty("endColumn").GetInt32());
        Assert.Contains("CORS_ORIGIN_WHITELIST_X", diagnostic.GetProperty("message").GetString());
        Assert.Equal("https://github.com/djangosettings/djangosettings/blob/main/docs/diagnostics/DJS0101.md", diagnostic.GetProperty("helpLink").GetString());

        var settings = root.GetProperty("settings");
        Assert.Equal(new[] { "http://localhost:3000", "http://127.0.0.1:3000", "http://localhost:5173", "https://app.example.com" },
            settings.GetProperty("CORS_ALLOWED_ORIGINS").EnumerateArray().Select(e => e.GetString()));
        Assert.True(settings.GetProperty("CORS_ALLOW_CREDENTIALS").GetBoolean());
        Assert.Equal(600, settings.GetProperty("CORS_PREFLIGHT_MAX_AGE").GetInt32());
        var access = settings.GetProperty("SIMPLE_JWT.ACCESS_TOKEN_LIFETIME");
        Assert.Equal(900, access.GetProperty("seconds").GetInt32());
        Assert.Equal("0:15:00", access.GetProperty("text").GetString());
        Assert.Equal("7 days, 0:00:00", settings.GetProperty("SIMPLE_JWT.REFRESH_TOKEN_LIFETIME").GetProperty("text").GetString());
        Assert.Equal(new[] { "Bearer" }, settings.GetProperty("SIMPLE_JWT.AUTH_HEADER_TYPES").EnumerateArray().Select(e => e.GetString()));
        // Only settings the file sets appear.
        Assert.False(settings.TryGetProperty("CORS_ALLOW_ALL_ORIGINS", out _));
        Assert.False(settings.TryGetProperty("SIMPLE_JWT.LEEWAY", out _));
    }

    [Fact]
    public void Check_json_shows_deferred_values_with_their_keys_and_defaults()
    {
        string path = Write("cors.settings", SampleSettings.DeferredText);
        var (code, stdout, _) = Run(Over(SampleSettings.Deferred(path)), "check", "--json", path);
        Assert.Equal(0, code);

        using var doc = JsonDocument.Parse(stdout);
        var settings = doc.RootElement.GetProperty("settings");
        var origins = settings.GetProperty("CORS_ALLOWED_ORIGINS");
        Assert.StartsWith("os.environ.get(\"CORS_ALLOWED_ORIGINS\"", origins.GetProperty("deferred").GetString());
        Assert.Equal(new[] { "CORS_ALLOWED_ORIGINS" }, origins.GetProperty("keys").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "http://localhost:3000" }, origins.GetProperty("default").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("SECRET_KEY").GetProperty("default").ValueKind);
        Assert.Equal(1.5, settings.GetProperty("SIMPLE_JWT.LEEWAY").GetDouble());
        Assert.Equal("https://auth.example.com/<tenant> & \"co\"", settings.GetProperty("SIMPLE_JWT.ISSUER").GetString());
        var regex = Assert.Single(settings.GetProperty("CORS_ALLOWED_ORIGIN_REGEXES").EnumerateArray());
        Assert.Equal("^https://\\w+\\.example\\.com$", regex.GetProperty("pattern").GetString());
        Assert.True(regex.GetProperty("ignoreCase").GetBoolean());
    }

    [Fact]
    public void Each_file_is_its_own_module_and_the_exit_code_covers_all_of_them()
    {
        string good = Write("good.settings", "CORS_ALLOW_ALL_ORIGINS = True\n");
        Directory.CreateDirectory(Path.Combine(_dir, "other"));
        string bad = Write("other/bad.settings", "CORS_PREFLIGHT_MAX_AGE = -5\n");
        var seen = new List<string[]>();
        var compiler = new Compiler((files, environment) =>
        {
            seen.Add(files.Select(f => f.Path).ToArray());
            return SettingsCompiler.Check(files);
        }, (files, options) => SettingsCompiler.Compile(files, options));

        var (code, stdout, _) = Run(compiler, "check", good, bad);
        Assert.Equal(1, code);
        Assert.Equal(new[] { new[] { good }, new[] { bad } }, seen);
        Assert.Contains(bad + "(1,26): error DJS0204", stdout);
        Assert.EndsWith("1 error, 0 warnings, 0 infos", stdout.TrimEnd());

        (code, stdout, _) = Run("check", "--format", "json", good, bad);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(new[] { good, bad }, doc.RootElement.EnumerateArray().Select(f => f.GetProperty("file").GetString()));
        Assert.True(doc.RootElement[0].GetProperty("settings").GetProperty("CORS_ALLOW_ALL_ORIGINS").GetBoolean());
    }

    [Fact]
    public void Warnaserror_fails_on_warnings_and_prints_them_as_errors()
    {
        string path = Write("cors.settings", "CORS_ALOWED_ORIGINS = []\n");
        var (code, stdout, _) = Run("check", "--warnaserror", path);
        Assert.Equal(1, code);
        Assert.StartsWith(path + "(1,1): error DJS0101: ", stdout);
        Assert.Contains("1 error, 0 warnings, 0 infos", stdout);
    }

    [Fact]
    public void Emit_prints_the_generated_class_with_the_requested_names()
    {
        string path = Write("cors.settings", "CORS_ALLOW_ALL_ORIGINS = True\n");

        var (code, stdout, _) = Run("emit", path);
        Assert.Equal(0, code);
        Assert.Contains("namespace DjangoSettings.Generated", stdout);
        Assert.Contains("internal sealed partial class DjangoProjectSettings", stdout);

        (code, stdout, _) = Run("emit", "--namespace=My.App", "--class", "Frontend", path);
        Assert.Equal(0, code);
        Assert.Contains("namespace My.App", stdout);
        Assert.Contains("internal sealed partial class Frontend", stdout);
    }

    [Fact]
    public void Emit_writes_diagnostics_to_stderr_and_exits_1_on_errors()
    {
        const string text = "CORS_PREFLIGHT_MAX_AGE = -5\n";
        string path = Write("cors.settings", text);
        var (code, stdout, stderr) = Run(Over(new ModuleBuilder(path, text).Set("CORS_PREFLIGHT_MAX_AGE", new PyInt(-5))), "emit", path);
        Assert.Equal(1, code);
        Assert.Contains("error DJS0204", stderr);
        Assert.Contains("public int PreflightMaxAge { get; } = 86400;", stdout);
    }

    [Fact]
    public void Check_on_the_oracle_react_settings_finds_no_errors()
    {
        string path = Write("react.cors.settings", SampleSettings.ReactText);
        var (code, stdout, stderr) = Run("check", path);
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.DoesNotContain(": error ", stdout);
        Assert.Contains("0 errors", stdout);
    }

    [Fact]
    public void Check_with_the_real_compiler_reports_in_reading_order_and_exits_1()
    {
        const string text = "import os\nCORS_ALLOW_CREDENTIALS = \"yes\"\nCORS_ALOWED_ORIGINS = []\nSIMPLE_JWT = {\n    \"ACCESS_TOKEN_LIFETIME\": 300,\n}\nx = (1,\n";
        string path = Write("cors.settings", text);

        var (code, stdout, _) = Run("check", path);

        Assert.Equal(1, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith(path + "(2,26): error DJS0203: ", lines[0]);
        Assert.StartsWith(path + "(3,1): warning DJS0101: ", lines[1]);
        Assert.StartsWith(path + "(4,1): info DJS0312: ", lines[2]);
        Assert.StartsWith(path + "(5,30): error DJS0100: ", lines[3]);
        Assert.StartsWith(path + "(7,5): error DJS0004: ", lines[4]);
        Assert.Equal("3 errors, 1 warning, 1 info", lines[5]);

        (code, stdout, _) = Run("check", "--json", path);
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(new[] { "DJS0203", "DJS0101", "DJS0312", "DJS0100", "DJS0004" },
            doc.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal("yes", doc.RootElement.GetProperty("settings").GetProperty("CORS_ALLOW_CREDENTIALS").GetString());
    }

    [Fact]
    public void Check_json_with_the_real_compiler_matches_the_hand_evaluated_module()
    {
        string path = Write("cors.settings", SampleSettings.DeferredText);
        var (realCode, real, _) = Run("check", "--json", path);
        var (handCode, hand, _) = Run(Over(SampleSettings.Deferred(path)), "check", "--json", path);
        Assert.Equal(handCode, realCode);
        Assert.Equal(hand, real);
    }

    [Fact]
    public void Check_json_writes_paths_relative_to_the_settings_folder()
    {
        string path = Write("settings.py", "from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent\nDATABASES = {\"default\": {\"NAME\": BASE_DIR / \"db.sqlite3\"}}\n");
        var (_, stdout, _) = Run("check", "--json", path);
        using var doc = JsonDocument.Parse(stdout);
        // The runtime reads NAME as text and resolves it against the content root (Django's BASE_DIR).
        var name = doc.RootElement.GetProperty("settings").GetProperty("DATABASES.default.NAME");
        Assert.Equal("../db.sqlite3", name.GetString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Compiler Over(ModuleBuilder module)
        => new((_, _) => module.Compile(new CompileOptions("X", "Y")), (_, options) => module.Compile(options));

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => Run(Compiler.Default, args);

    private static (int Code, string Stdout, string Stderr) Run(Compiler compiler, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr, compiler);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
