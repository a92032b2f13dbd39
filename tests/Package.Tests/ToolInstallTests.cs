using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Generator.Tests.Cli.Sarif;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Package.Tests;

/// <summary>
/// The djangosettings tool as a Django repository uses it (docs/cli.md): installed from a local feed,
/// then <c>check</c> with <c>--env</c>, <c>--env-file</c> and <c>--format sarif</c> on a split
/// settings package (DjangoRepo/config/settings: startproject's settings split into base.py and
/// production.py), the pre-commit hook run by pre-commit, and the CI workflow's commands. The tests
/// of this class share the installed tool and run one after the other.
/// </summary>
public sealed class ToolInstallTests : IClassFixture<PackedTool>
{
    private const string Production = "config/settings/production.py";
    private const string ProductionEnv = "deploy/production.env";
    private const string Secret = "prod-secret-0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
    private const string HelpBase = "https://github.com/djangosettings/djangosettings/blob/main/docs/diagnostics/";

    private readonly PackedTool _tool;

    public ToolInstallTests(PackedTool tool) => _tool = tool;

    private static Dictionary<string, string?> WithSecret() => new() { ["DJANGO_SECRET_KEY"] = Secret };

    [Fact]
    public void The_docs_install_block_installs_the_tool_in_the_repository_manifest_and_runs_check()
    {
        var (code, stdout, stderr) = _tool.InstallBlock;
        Assert.True(code == 0, stdout + stderr);
        // The four infos: DJS0400 on startproject's MIDDLEWARE entries the port has no request-time equivalent for.
        Assert.Contains("0 errors, 0 warnings, 4 infos", stdout);
        // The .NET 10 SDK writes the manifest at the root; earlier ones under .config/. dotnet tool reads both.
        string manifest = File.ReadAllText(new[] { Path.Combine(_tool.Repository, "dotnet-tools.json"), Path.Combine(_tool.Repository, ".config", "dotnet-tools.json") }.First(File.Exists));
        using var doc = JsonDocument.Parse(manifest);
        var entry = doc.RootElement.GetProperty("tools").GetProperty("djangosettings.tool");
        Assert.Equal(_tool.Version, entry.GetProperty("version").GetString());
        Assert.Equal(new[] { "djangosettings" }, entry.GetProperty("commands").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_installed_command_is_this_build()
    {
        var (code, stdout, _) = await _tool.RunAsync(null, "--version");
        Assert.Equal(0, code);
        string built = FileVersionInfo.GetVersionInfo(_tool.BuiltAssembly).ProductVersion!.Split('+')[0];
        Assert.Equal("djangosettings " + built, stdout.Trim());
    }

    [Fact]
    public async Task Check_with_the_production_environment_gives_the_documented_exit_codes()
    {
        // As the build: environment reads wait for startup; the file itself is clean.
        var (code, stdout, _) = await _tool.RunAsync(null, "check", Production);
        Assert.True(code == 0, stdout);

        // The production .env without the secret: startup would fail, at production.py's line 7.
        (code, stdout, _) = await _tool.RunAsync(null, "check", "--env-file", ProductionEnv, Production);
        Assert.Equal(1, code);
        Assert.Contains(Production + "(7,14): error DJS0014: environment variable 'DJANGO_SECRET_KEY' is not set and os.environ[\"DJANGO_SECRET_KEY\"] has no default (" + HelpBase + "DJS0014.md)", stdout);

        // The secret from the CI step's environment (--env KEY): clean.
        (code, stdout, _) = await _tool.RunAsync(WithSecret(), "check", "--env-file", ProductionEnv, "--env", "DJANGO_SECRET_KEY", Production);
        Assert.True(code == 0, stdout);
        Assert.Contains("0 errors", stdout);

        // A production origin with a path, given on the command line after the file: it wins, and fails.
        (code, stdout, _) = await _tool.RunAsync(WithSecret(), "check", "--env-file", ProductionEnv, "--env", "DJANGO_SECRET_KEY", "--env", "EXTRA_CORS_ORIGINS=https://admin.example.com/", Production);
        Assert.Equal(1, code);
        Assert.Contains(Production + "(16,5): error DJS0213: Origin 'https://admin.example.com/' in CORS_ALLOWED_ORIGINS should not have path (corsheaders.E014)", stdout);
        Assert.Contains("(" + HelpBase + "DJS0213.md)", stdout);

        // Usage errors exit 2 and say why on stderr.
        string stderr;
        (code, stdout, stderr) = await _tool.RunAsync(null, "check", "--env-file", "deploy/missing.env", Production);
        Assert.Equal(2, code);
        Assert.Contains("cannot read deploy/missing.env", stderr);
        (code, _, stderr) = await _tool.RunAsync(null, "check", "--format", "xml", Production);
        Assert.Equal(2, code);
        Assert.Contains("unknown format 'xml'", stderr);
    }

    [Fact]
    public async Task Sarif_from_the_installed_tool_is_valid_and_points_at_the_settings_line()
    {
        var (code, stdout, stderr) = await _tool.RunAsync(WithSecret(), "check", "--env-file", ProductionEnv, "--env", "DJANGO_SECRET_KEY", "--env", "EXTRA_CORS_ORIGINS=https://admin.example.com/", "--format", "sarif", Production);
        Assert.Equal(1, code);
        Assert.Empty(stderr);
        Assert.Empty(SarifSchema.Validate(stdout, SharedDirectory.RepositoryRoot));
        Assert.DoesNotContain(Secret, stdout);
        using var doc = JsonDocument.Parse(stdout);
        var run = doc.RootElement.GetProperty("runs")[0];
        var error = Assert.Single(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("level").GetString() == "error");
        Assert.Equal("DJS0213", error.GetProperty("ruleId").GetString());
        var physical = error.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(Production, physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(16, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(new[] { "DJANGO_ALLOWED_HOSTS", "EXTRA_CORS_ORIGINS", "DJANGO_SECRET_KEY" },
            run.GetProperty("properties").GetProperty("environmentVariables").EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableFact]
    public async Task The_documented_pre_commit_hook_passes_a_clean_package_and_fails_an_error_in_base()
    {
        bool available = File.Exists("/usr/bin/pre-commit") || File.Exists("/usr/local/bin/pre-commit");
        Services.Require(available, "pre-commit (Debian package pre-commit)");
        string repo = _tool.Repository;
        await File.WriteAllTextAsync(Path.Combine(repo, ".pre-commit-config.yaml"), DocSnippets.Get("pre-commit") + "\n");
        string preCommitHome = Path.Combine(repo, "..", "pre-commit-home");
        var env = new Dictionary<string, string?> { ["PRE_COMMIT_HOME"] = preCommitHome, ["GIT_CONFIG_NOSYSTEM"] = "1" };
        await Git(repo, "init", "-q");

        string basePy = Path.Combine(repo, "config", "settings", "base.py");
        string original = await File.ReadAllTextAsync(basePy);
        try
        {
            await Git(repo, "add", "-A");
            var (code, stdout, stderr) = await CommandRunner.RunAsync(repo, "pre-commit", new[] { "run", "--all-files" }, env);
            Assert.True(code == 0, stdout + stderr);
            Assert.Contains("Django settings (djangosettings check)", stdout);
            Assert.Contains("Passed", stdout);

            // An error in base.py, which production.py imports: the hook fails and names the line.
            await File.WriteAllTextAsync(basePy, original + "\nCORS_PREFLIGHT_MAX_AGE = -5\n");
            await Git(repo, "add", "-A");
            (code, stdout, stderr) = await CommandRunner.RunAsync(repo, "pre-commit", new[] { "run", "--all-files" }, env);
            Assert.Equal(1, code);
            Assert.Contains("Failed", stdout);
            Assert.Contains("config/settings/base.py(", stdout);
            Assert.Contains(": error DJS0204: ", stdout);
        }
        finally
        {
            await File.WriteAllTextAsync(basePy, original);
        }
    }

    [Fact]
    public async Task The_documented_workflow_commands_write_a_sarif_log_and_fail_on_an_error()
    {
        string snippet = DocSnippets.Get("github-actions");
        var commands = snippet.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- run: ", StringComparison.Ordinal)).Select(l => l["- run: ".Length..]).ToList();
        Assert.Equal(2, commands.Count);
        // The step's env: block hands the secret to the command, which takes it with --env KEY.
        Assert.Contains("DJANGO_SECRET_KEY: ${{ secrets.DJANGO_SECRET_KEY }}", snippet);
        Assert.Contains("sarif_file: djangosettings.sarif", snippet);
        string sarifFile = Path.Combine(_tool.Repository, "djangosettings.sarif");

        async Task<List<int>> RunSteps()
        {
            var codes = new List<int>();
            foreach (string command in commands)
            {
                var (code, stdout, stderr) = await CommandRunner.RunAsync(_tool.Repository, "bash", new[] { "-c", command }, WithSecret());
                codes.Add(code);
                if (code != 0 && code != 1) throw new InvalidOperationException(command + " exited " + code + ":\n" + stdout + stderr);
            }
            return codes;
        }

        Assert.Equal(new[] { 0, 0 }, await RunSteps());
        string log = await File.ReadAllTextAsync(sarifFile);
        Assert.Empty(SarifSchema.Validate(log, SharedDirectory.RepositoryRoot));
        using (var doc = JsonDocument.Parse(log))
        {
            // Only the notes on startproject's MIDDLEWARE (DJS0400: SessionMiddleware, CsrfViewMiddleware,
            // AuthenticationMiddleware, MessageMiddleware), which code scanning shows as notes.
            var clean = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(4, clean.Length);
            Assert.All(clean, r => Assert.Equal(("DJS0400", "note"), (r.GetProperty("ruleId").GetString(), r.GetProperty("level").GetString())));
        }

        string envFile = Path.Combine(_tool.Repository, ProductionEnv);
        string original = await File.ReadAllTextAsync(envFile);
        try
        {
            await File.WriteAllTextAsync(envFile, original.Replace("https://partner.example.org", "https://partner.example.org/", StringComparison.Ordinal));
            Assert.Equal(new[] { 0, 1 }, await RunSteps());
            log = await File.ReadAllTextAsync(sarifFile);
            Assert.Empty(SarifSchema.Validate(log, SharedDirectory.RepositoryRoot));
            using var doc = JsonDocument.Parse(log);
            var result = Assert.Single(doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("level").GetString() != "note");
            Assert.Equal("DJS0213", result.GetProperty("ruleId").GetString());
        }
        finally
        {
            await File.WriteAllTextAsync(envFile, original);
        }
    }

    [Fact]
    public async Task The_readme_command_line_block_runs_with_the_installed_tool()
    {
        // The README runs the tool from source (dotnet run --project src/Cli --); the arguments are
        // the same for the installed command, which is what is run here, in the Django repository.
        const string FromSource = "dotnet run --project src/Cli --";
        string block = DocSnippets.Get("command-line", "README.md").Replace("\\\n", " ", StringComparison.Ordinal);
        var commands = block.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal(4, commands.Count);
        Assert.All(commands, c => Assert.StartsWith(FromSource + " ", c));
        var outputs = new List<string>();
        foreach (string command in commands)
        {
            string installed = "'" + _tool.Command + "'" + command[FromSource.Length..];
            var (code, stdout, stderr) = await CommandRunner.RunAsync(_tool.Repository, "bash", new[] { "-c", installed }, WithSecret());
            Assert.True(code == 0, installed + "\n" + stdout + stderr);
            outputs.Add(stdout);
        }
        Assert.Contains("0 errors, 0 warnings, 4 infos", outputs[0]);
        Assert.Contains("0 errors, 0 warnings, 4 infos", outputs[1]);
        Assert.Empty(SarifSchema.Validate(await File.ReadAllTextAsync(Path.Combine(_tool.Repository, "djangosettings.sarif")), SharedDirectory.RepositoryRoot));
        Assert.Contains("internal sealed partial class DjangoProjectSettings", outputs[3]);
    }

    private static async Task Git(string repo, params string[] args)
    {
        var (code, stdout, stderr) = await CommandRunner.RunAsync(repo, "git", args);
        if (code != 0) throw new InvalidOperationException("git " + string.Join(' ', args) + " failed:\n" + stdout + stderr);
    }
}
