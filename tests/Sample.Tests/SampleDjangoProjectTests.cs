using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.Package.Tests;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Sample.Tests;

/// <summary>
/// The README's "The sample against a Django project", run as written: Django migrates the test
/// project email_uuid and creates a superuser with its own createsuperuser, `dotnet run
/// -p:SampleDjangoProject=...` builds and starts the sample on that project's settings, user model and
/// database, the user logs in by e-mail, <c>/api/me/</c> answers 200 with the key Django gave the
/// user, and Django's JWTAuthentication accepts the access token. Only the database path (a
/// temporary file instead of the project folder) and the port (a free one instead of 8000) differ.
/// </summary>
[Collection(SampleBuildsCollection.Name)]
public sealed class SampleDjangoProjectTests
{
    private const string Readme = "README.md";

    [SkippableFact]
    public async Task The_README_commands_run_the_sample_on_a_django_project_and_django_accepts_its_token()
    {
        Services.RequireDjangoOracle();
        string root = SharedDirectory.RepositoryRoot;
        string work = Directory.CreateTempSubdirectory("sample-django-project-").FullName;
        Process? server = null;
        var output = new StringBuilder();
        try
        {
            string[] setup = DocSnippets.Get("sample-django-project", Readme).Split('\n');
            Assert.StartsWith("export DJ_DB_NAME=", setup[0]);
            string database = Path.Combine(work, "db.sqlite3");
            string export = Regex.Replace(setup[0], "DJ_DB_NAME=\"[^\"]*\"", "DJ_DB_NAME=\"" + database + "\"");
            Assert.NotEqual(setup[0], export);
            string django = string.Join("\n", setup.Skip(1).Take(setup.Length - 2));
            string run = setup[^1];
            Assert.StartsWith("dotnet run --project samples/DjangoStyle -p:SampleDjangoProject=", run);

            // Django: migrate, then createsuperuser --noinput with the user model's REQUIRED_FIELDS.
            var (code, stdout, stderr) = await BashAsync(root, export + "\n" + django);
            Assert.True(code == 0, stdout + stderr);
            Assert.Contains("Superuser created successfully.", stdout);

            // The sample, built against the project, on a free port.
            int port = OracleServer.FreePort();
            server = Start(root, export + "\nexec " + run + " -- --urls http://127.0.0.1:" + port, output);
            await WaitForAsync(server, output, "Now listening on", TimeSpan.FromMinutes(10));
            string log = Text(output);
            Assert.Contains("the Django project pins simplejwt 5.2.2 (requirements.txt(3))", log);

            string[] login = DocSnippets.Get("sample-django-project-login", Readme).Split('\n');
            string baseUrl = "http://127.0.0.1:" + port;
            string obtain = string.Join("\n", login.Take(2)).Replace("http://127.0.0.1:8000", baseUrl, StringComparison.Ordinal);
            (code, stdout, stderr) = await BashAsync(root, obtain);
            Assert.True(code == 0, stdout + stderr);
            using var tokens = JsonDocument.Parse(stdout);
            string access = tokens.RootElement.GetProperty("access").GetString()!;

            // What Django stored for ann@example.com: the UUID key /api/me/ and the token must carry.
            var user = await DjTool(database, export, "user", "--login", "ann@example.com");
            string pk = user.RootElement.GetProperty("pk").GetString()!;
            Assert.True(Guid.TryParse(pk, out _), pk);

            string me = login[2].Replace("http://127.0.0.1:8000", baseUrl, StringComparison.Ordinal).Replace("<access>", access, StringComparison.Ordinal);
            (code, stdout, stderr) = await BashAsync(root, me.Replace("curl -s ", "curl -s -w '\\n%{http_code}' ", StringComparison.Ordinal));
            Assert.True(code == 0, stdout + stderr);
            string[] answer = stdout.TrimEnd().Split('\n');
            Assert.Equal("200", answer[^1]);
            using var body = JsonDocument.Parse(answer[0]);
            Assert.Equal(pk, body.RootElement.GetProperty("id").GetString());
            Assert.Equal("ann@example.com", body.RootElement.GetProperty("username").GetString());

            // Django's JWTAuthentication, over the same database and secret, takes the token as Ann's.
            var verdict = await DjTool(database, export, "authenticate", access);
            Assert.True(verdict.RootElement.GetProperty("ok").GetBoolean(), verdict.RootElement.ToString());
            Assert.Equal(pk, verdict.RootElement.GetProperty("pk").GetString());
            Assert.Equal("ann@example.com", verdict.RootElement.GetProperty("login").GetString());
            Assert.Equal(pk, verdict.RootElement.GetProperty("claims").GetProperty("user_id").GetString());
        }
        finally
        {
            if (server is not null)
            {
                if (!server.HasExited)
                {
                    server.Kill(entireProcessTree: true);
                    await server.WaitForExitAsync();
                }
                server.Dispose();
            }
            Directory.Delete(work, recursive: true);
        }
    }

    // Debian's python3 first: the README's commands assume it (a pyenv python3 has no Django).
    private static void Environment(ProcessStartInfo psi)
    {
        psi.Environment["PATH"] = "/usr/bin:/bin:" + (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty);
        // The demo client's fixed port 3000 stays free for parallel runs.
        psi.Environment["Sample__ClientUrl"] = "none";
    }

    private static async Task<JsonDocument> DjTool(string database, string export, params string[] args)
    {
        string tool = Path.Combine(SharedDirectory.RepositoryRoot, "tests", "DjangoProjects", "djtool.py");
        string command = export + "\n/usr/bin/python3 " + Quote(tool) + " --project email_uuid " + string.Join(" ", args.Select(Quote));
        var (code, stdout, stderr) = await BashAsync(SharedDirectory.RepositoryRoot, command);
        Assert.True(code == 0, stdout + stderr + " (" + database + ")");
        return JsonDocument.Parse(stdout);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task<(int Code, string Stdout, string Stderr)> BashAsync(string directory, string script)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        psi.ArgumentList.Add("-e");
        Environment(psi);
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(script + "\n");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(5))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(script);
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static Process Start(string directory, string script, StringBuilder output)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        Environment(psi);
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static async Task WaitForAsync(Process process, StringBuilder output, string line, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Text(output).Contains(line, StringComparison.Ordinal)) return;
            if (process.HasExited) throw new InvalidOperationException("the sample exited with " + process.ExitCode + ":\n" + Text(output));
            await Task.Delay(200);
        }
        throw new TimeoutException("the sample did not start:\n" + Text(output));
    }
}
