using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace DjangoSettings.Package.Tests;

/// <summary>
/// Docs are code (issue 15.2): the README's Quick start and "your own class" blocks and the porting
/// guide's settings.py/Program.cs blocks, taken from the Markdown by their snippet markers, built in
/// fresh <c>dotnet new web</c> projects made by the README's local-feed block from the packed
/// package, and run: management command, login, an authenticated call, preflights. One test per
/// shape of settings the docs promise: a partial <c>cors.settings</c>, a whole <c>settings.py</c>
/// beside the project, a split <c>base.py</c> + <c>production.py</c>.
/// </summary>
public sealed class DocsCompileTests : IClassFixture<PackedPackage>
{
    private const string Readme = "README.md";
    private const string PortingGuide = "docs/porting-guide.md";
    private const string Secret = "docs-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    private readonly PackedPackage _package;

    public DocsCompileTests(PackedPackage package) => _package = package;

    [Fact]
    public void Every_CSharp_and_MSBuild_block_of_the_README_and_the_porting_guide_is_marked_and_every_marked_block_is_used_here()
    {
        foreach (string document in new[] { Readme, PortingGuide })
        {
            Assert.True(DocSnippets.CountBlocks(document, "csharp", "xml") == DocSnippets.CountMarkedBlocks(document, "csharp", "xml"),
                document + " has a csharp or xml block without a <!-- snippet: NAME --> marker, so no test builds it");
        }
        // The marked blocks, in document order: a new one must be added to a test (and here).
        Assert.Equal(new[]
        {
            "sample-django-project", "sample-django-project-login", // Sample.Tests SampleDjangoProjectTests
            "quickstart-settings", "local-feed", "quickstart-program", "management-commands",
            "split-base", "split-production", "split-class", "split-program", "split-csproj",
            "command-line", // ToolInstallTests
        }, DocSnippets.Names(Readme));
        Assert.Equal(new[] { "porting-csproj", "porting-settings", "porting-program", "porting-urls" }, DocSnippets.Names(PortingGuide));
    }

    [Fact]
    public async Task The_Quick_start_builds_on_a_partial_cors_settings_creates_a_superuser_and_logs_in()
    {
        await using var project = await DocProject.CreateAsync(_package);
        await project.WriteAsync("cors.settings", DocSnippets.Get("quickstart-settings", Readme));
        await project.WriteAsync("Program.cs", DocSnippets.Get("quickstart-program", Readme));
        var (code, output) = await project.BuildAsync();
        Assert.True(code == 0, output);
        Assert.Contains("0 Warning(s)", output.Replace("  ", " "), StringComparison.Ordinal);

        // The block's first two lines as written: the secret, then createsuperuser through `dotnet run`.
        var block = DocSnippets.Get("management-commands", Readme).Split('\n');
        Assert.StartsWith("export SECRET_KEY=", block[0]);
        Assert.Contains("dotnet run -- createsuperuser --username alice --noinput", block[1]);
        var (runCode, stdout, stderr) = await project.BashAsync(block[0] + "\n" + block[1]);
        Assert.True(runCode == 0, stdout + stderr);
        Assert.Contains("Superuser created successfully.", stdout);

        // Then the server (started here on a free port instead of line 3's 8000) and the block's curl.
        Assert.StartsWith("dotnet run --urls http://127.0.0.1:8000 &", block[2]);
        string secret = Regex.Match(block[0], "^export SECRET_KEY='([^']+)'$").Groups[1].Value;
        await using var app = await project.StartAsync(new Dictionary<string, string> { ["SECRET_KEY"] = secret });
        string curl = string.Join("\n", block.Skip(3)).Replace("http://127.0.0.1:8000", app.Client.BaseAddress!.ToString().TrimEnd('/'), StringComparison.Ordinal);
        (runCode, stdout, stderr) = await project.BashAsync(curl);
        Assert.True(runCode == 0, stdout + stderr);
        using var tokens = JsonDocument.Parse(stdout);
        string access = tokens.RootElement.GetProperty("access").GetString()!;
        Assert.NotEmpty(tokens.RootElement.GetProperty("refresh").GetString()!);
        // ACCESS_TOKEN_LIFETIME = timedelta(minutes=15) in the block's settings.
        using var payload = Payload(access);
        Assert.Equal(15 * 60, payload.RootElement.GetProperty("exp").GetInt64() - payload.RootElement.GetProperty("iat").GetInt64());

        var verify = await app.Client.PostAsync("/api/token/verify/", Json(new { token = access }));
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        // UseDjangoMiddleware() with startproject's MIDDLEWARE (the file sets none): XFrameOptionsMiddleware's header.
        Assert.Equal("DENY", Header(verify, "X-Frame-Options"));
        var preflight = await PreflightAsync(app, "/api/token/", "http://localhost:3000", "POST");
        Assert.Equal("http://localhost:3000", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(preflight, "Access-Control-Allow-Credentials"));

        // The partial file's decisions, as the Quick start says, in the startup log.
        Assert.Contains("Django settings compiled from cors.settings are in force", app.Output);
        Assert.Contains("cors.settings: MIDDLEWARE is not set: app.UseDjangoMiddleware() composes Django 3.2's startproject list with corsheaders.middleware.CorsMiddleware first", app.Output);
        Assert.Contains("cors.settings: ALLOWED_HOSTS is not set: the hosts come from configuration's AllowedHosts (*)", app.Output);
        Assert.Contains("cors.settings: SECRET_KEY is not set in the file: it is read from configuration (SECRET_KEY)", app.Output);
        Assert.Contains("cors.settings: INSTALLED_APPS is not set (or cannot be known at build time): the token blacklist is on", app.Output);
        Assert.Contains("cors.settings: DATABASES is not set: users and the token blacklist are in the SQLite file " + Path.Combine(project.Directory, "db.sqlite3"), app.Output);
        Assert.True(File.Exists(Path.Combine(project.Directory, "db.sqlite3")));
    }

    [Fact]
    public async Task The_porting_guide_builds_on_settings_py_beside_the_project_and_answers_as_the_Django_urls_do()
    {
        await using var project = await DocProject.CreateAsync(_package);
        string csproj = DocSnippets.Get("porting-csproj", PortingGuide);
        string settingsPath = Regex.Match(csproj, "<DjangoSettingsFile>([^<]+)</DjangoSettingsFile>").Groups[1].Value;
        Assert.Equal("../django-backend/backend/settings.py", settingsPath);
        // The Django project where the property says it is: settings.py as the guide shows it.
        await project.WriteAsync(settingsPath, DocSnippets.Get("porting-settings", PortingGuide));
        await project.AddToProjectFileAsync(csproj);
        await project.WriteAsync("Program.cs", DocSnippets.Get("porting-program", PortingGuide) + "\n" + DocSnippets.Get("porting-urls", PortingGuide));
        var (code, output) = await project.BuildAsync();
        Assert.True(code == 0, output);

        // createsuperuser --noinput needs every REQUIRED_FIELDS entry (auth.User: email), as Django's does.
        var environment = new Dictionary<string, string?> { ["DJANGO_SECRET_KEY"] = Secret, ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123", ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com" };
        var (runCode, stdout, stderr) = await project.RunAsync(environment, "createsuperuser", "--username", "alice", "--noinput");
        Assert.True(runCode == 0, stdout + stderr);
        Assert.Contains("Superuser created successfully.", stdout);

        await using var app = await project.StartAsync(new Dictionary<string, string> { ["DJANGO_SECRET_KEY"] = Secret });
        var login = await app.Client.PostAsync("/api/token/", Json(new { username = "alice", password = "wonderland-123" }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var tokens = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        string access = tokens.RootElement.GetProperty("access").GetString()!;
        string refresh = tokens.RootElement.GetProperty("refresh").GetString()!;
        using (var payload = Payload(access))
        {
            // The UsernameClaimsProvider line: the get_token override's claim.
            Assert.Equal("alice", payload.RootElement.GetProperty("username").GetString());
            Assert.Equal(15 * 60, payload.RootElement.GetProperty("exp").GetInt64() - payload.RootElement.GetProperty("iat").GetInt64());
        }

        var me = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var meResponse = await app.Client.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, meResponse.StatusCode);
        Assert.Equal("{\"id\":1,\"username\":\"alice\"}", await meResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync("/api/me/")).StatusCode);

        // ROTATE_REFRESH_TOKENS + BLACKLIST_AFTER_ROTATION with token_blacklist in INSTALLED_APPS: a
        // rotated refresh token is refused the second time.
        var first = await app.Client.PostAsync("/api/token/refresh/", Json(new { refresh }));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await app.Client.PostAsync("/api/token/refresh/", Json(new { refresh }));
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);

        var preflight = await PreflightAsync(app, "/api/me/", "http://localhost:3000", "GET");
        Assert.Equal("http://localhost:3000", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(preflight, "Access-Control-Allow-Credentials"));

        // DATABASES NAME = BASE_DIR / "db.sqlite3" resolves against the content root, which plays
        // BASE_DIR's role (docs/porting-guide.md section 4, item 3, says so and how to share Django's file).
        Assert.True(File.Exists(Path.Combine(project.Directory, "db.sqlite3")),
            string.Join(", ", Directory.GetFiles(project.Root, "*.sqlite3", SearchOption.AllDirectories)));
        Assert.Contains("Django settings compiled from ../django-backend/backend/settings.py are in force", app.Output);
    }

    [Fact]
    public async Task Your_own_class_over_a_split_settings_package_builds_and_answers_with_both_files_values()
    {
        await using var project = await DocProject.CreateAsync(_package);
        string basePy = DocSnippets.Get("split-base", Readme);
        string productionPy = DocSnippets.Get("split-production", Readme);
        string settingsClass = DocSnippets.Get("split-class", Readme);
        string program = DocSnippets.Get("split-program", Readme);
        // Each block's first line names its file.
        await project.WriteAsync(FileNamedIn(basePy, "# "), basePy);
        await project.WriteAsync(FileNamedIn(productionPy, "# "), productionPy);
        await project.WriteAsync(FileNamedIn(settingsClass, "// "), settingsClass);
        await project.WriteAsync(FileNamedIn(program, "// "), program);
        await project.AddToProjectFileAsync(DocSnippets.Get("split-csproj", Readme));
        var (code, output) = await project.BuildAsync();
        Assert.True(code == 0, output);

        await using var app = await project.StartAsync(new Dictionary<string, string> { ["DJANGO_SECRET_KEY"] = Secret });
        Assert.Equal("[\"http://localhost:3000\",\"https://app.example.com\"]", await app.Client.GetStringAsync("/api/origins/"));
        var preflight = await PreflightAsync(app, "/api/origins/", "https://app.example.com", "GET");
        Assert.Equal("https://app.example.com", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(preflight, "Access-Control-Allow-Credentials"));
        Assert.Contains("Django settings compiled from settings/production.py are in force", app.Output);
    }

    private static string FileNamedIn(string block, string commentPrefix)
    {
        string first = block.Split('\n')[0];
        Assert.StartsWith(commentPrefix, first);
        return first[commentPrefix.Length..].Trim();
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static JsonDocument Payload(string token)
    {
        string part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(part));
    }

    private static Task<HttpResponseMessage> PreflightAsync(RunningApp app, string path, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return app.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
