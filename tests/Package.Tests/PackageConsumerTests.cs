using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Package.Tests;

/// <summary>
/// From `dotnet add package` to a running app: the packed package in a fresh web project. The tests
/// of this class share one consumer project and run one after the other (xunit runs a class's tests
/// sequentially); each writes the settings file it needs before building.
/// </summary>
public sealed class PackageConsumerTests : IClassFixture<ConsumerProject>
{
    private readonly ConsumerProject _project;

    public PackageConsumerTests(ConsumerProject project) => _project = project;

    [Fact]
    public void The_package_holds_the_runtime_with_docs_the_generator_the_build_files_and_the_metadata()
    {
        using var zip = ZipFile.OpenRead(_project.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/net10.0/DjangoSettings.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/DjangoSettings.Runtime.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/DjangoSettings.Generator.dll", entries);
        Assert.Contains("buildTransitive/DjangoSettings.props", entries);
        Assert.Contains("buildTransitive/DjangoSettings.targets", entries);
        Assert.Contains("README.md", entries);
        // The compiler has Roslyn already: none of its assemblies ride along.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        using var nuspecStream = zip.GetEntry("DjangoSettings.nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal("DjangoSettings", Value("id"));
        Assert.Equal(_project.PackageVersion, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("django-cors-headers", Value("description"));
        Assert.Contains("simplejwt", Value("tags"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("https://github.com/djangosettings/djangosettings", repository.Attribute("url")!.Value);
        // Only the runtime's real dependencies: the generator project is not one.
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToArray();
        Assert.DoesNotContain(dependencies, d => d.StartsWith("DjangoSettings", StringComparison.Ordinal) || d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.Contains("Microsoft.Data.Sqlite", dependencies);
    }

    [Fact]
    public async Task A_bad_origin_fails_the_build_at_the_settings_line_with_its_help_link()
    {
        await File.WriteAllTextAsync(_project.SettingsFile, """
            # The front end's origins, copied from settings.py with a trailing slash.
            CORS_ALLOWED_ORIGINS = [
                "http://localhost:3000/",
            ]
            """);
        var (code, output) = await _project.BuildAsync();
        Assert.NotEqual(0, code);
        // MSBuild's canonical error format, so the IDE and CI annotate the settings file itself.
        Assert.Contains(_project.SettingsFile + "(3,5): error DJS0213: Origin 'http://localhost:3000/' in CORS_ALLOWED_ORIGINS should not have path (corsheaders.E014)", output);
        // The message format is "{0}": the compiler appends the descriptor's helpLinkUri itself, so this
        // is the packed analyzer's help link, the one an IDE opens from the error list.
        Assert.Contains("should not have path (corsheaders.E014); remove the trailing '/': browsers never send one (https://github.com/djangosettings/djangosettings/blob/main/docs/diagnostics/DJS0213.md)", output);
        Assert.True(File.Exists(Path.Combine(SharedDirectory.RepositoryRoot, "docs", "diagnostics", "DJS0213.md")));
    }

    [Fact]
    public async Task A_good_file_builds_and_answers_preflights_and_editing_only_the_file_changes_the_answers()
    {
        await File.WriteAllTextAsync(_project.SettingsFile, """
            CORS_ALLOWED_ORIGINS = ["http://localhost:3000"]
            """);
        var (code, output) = await _project.BuildAsync();
        Assert.True(code == 0, output);
        await using (var app = await _project.StartAsync())
        {
            var allowed = await PreflightAsync(app, "http://localhost:3000");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal("http://localhost:3000", Header(allowed, "Access-Control-Allow-Origin"));
            Assert.Equal("accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with", Header(allowed, "Access-Control-Allow-Headers"));
            Assert.Equal("86400", Header(allowed, "Access-Control-Max-Age"));
            Assert.Null(Header(allowed, "Access-Control-Allow-Credentials"));
            var refused = await PreflightAsync(app, "http://localhost:5173");
            Assert.Null(Header(refused, "Access-Control-Allow-Origin"));
            Assert.Contains("Django settings compiled from cors.settings are in force", app.Output);
        }

        // Only the settings file changes; Program.cs is what the user wrote.
        await File.WriteAllTextAsync(_project.SettingsFile, """
            CORS_ALLOWED_ORIGINS = ["http://localhost:5173"]
            CORS_ALLOW_CREDENTIALS = True
            CORS_PREFLIGHT_MAX_AGE = 600
            """);
        (code, output) = await _project.BuildAsync();
        Assert.True(code == 0, output);
        Assert.Equal(ConsumerProject.ProgramText, await File.ReadAllTextAsync(Path.Combine(_project.Directory, "Program.cs")));
        await using (var app = await _project.StartAsync())
        {
            var nowRefused = await PreflightAsync(app, "http://localhost:3000");
            Assert.Null(Header(nowRefused, "Access-Control-Allow-Origin"));
            var nowAllowed = await PreflightAsync(app, "http://localhost:5173");
            Assert.Equal("http://localhost:5173", Header(nowAllowed, "Access-Control-Allow-Origin"));
            Assert.Equal("true", Header(nowAllowed, "Access-Control-Allow-Credentials"));
            Assert.Equal("600", Header(nowAllowed, "Access-Control-Max-Age"));
        }
    }

    [Fact]
    public async Task A_hundred_thousand_origins_build_and_answer()
    {
        // Issue 16.4: white-label platforms list thousands of customer domains. The compiler used
        // to need 23 GB for this file; ASP.NET Core's analyzers then spent minutes on its literals.
        var text = new System.Text.StringBuilder("CORS_ALLOWED_ORIGINS = [\n");
        for (int i = 0; i < 100_000; i++) text.Append("    \"https://customer").Append(i).Append(".example-platform.com\",\n");
        await File.WriteAllTextAsync(_project.SettingsFile, text.Append("]\n").ToString());
        var (code, output) = await _project.BuildAsync();
        Assert.True(code == 0, output);
        await using var app = await _project.StartAsync();
        foreach (var origin in new[] { "https://customer0.example-platform.com", "https://customer99999.example-platform.com" })
        {
            Assert.Equal(origin, Header(await PreflightAsync(app, origin), "Access-Control-Allow-Origin"));
        }
        Assert.Null(Header(await PreflightAsync(app, "https://customer100000.example-platform.com"), "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_declared_class_over_split_settings_builds_and_a_misspelled_DjangoSettingsFile_is_DJS0800()
    {
        string folder = Path.Combine(_project.Directory, "settings");
        string program = Path.Combine(_project.Directory, "Program.cs");
        string declaration = Path.Combine(_project.Directory, "ProductionSettings.cs");
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "base.py"), "CORS_ALLOWED_ORIGINS = [\"http://localhost:3000\"]\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "production.py"), "from .base import *\nCORS_ALLOW_CREDENTIALS = True\n");
            await File.WriteAllTextAsync(declaration, """
                [DjangoSettings.DjangoSettingsFile("settings/production.py")]
                internal partial class ProductionSettings;
                """);
            await File.WriteAllTextAsync(program, """
                var builder = WebApplication.CreateBuilder(args);
                builder.AddDjangoSettings<ProductionSettings>();
                var app = builder.Build();
                app.UseDjangoCors();
                app.MapGet("/api/ping/", (ProductionSettings settings) => settings.Cors.AllowedOrigins[0]);
                app.Run();
                """);
            var (code, output) = await _project.BuildAsync("-p:DjangoSettingsFile=settings/production.py");
            Assert.True(code == 0, output);
            await using (var app = await _project.StartAsync())
            {
                var allowed = await PreflightAsync(app, "http://localhost:3000");
                Assert.Equal("http://localhost:3000", Header(allowed, "Access-Control-Allow-Origin"));
                Assert.Equal("true", Header(allowed, "Access-Control-Allow-Credentials"));
                Assert.Equal("http://localhost:3000", await app.Client.GetStringAsync("/api/ping/"));
                Assert.Contains("Django settings compiled from settings/production.py are in force", app.Output);
            }

            (code, output) = await _project.BuildAsync("-p:DjangoSettingsFile=settings/prodution.py");
            Assert.NotEqual(0, code);
            Assert.Contains("error DJS0800: DjangoSettingsFile names 'settings/prodution.py', which does not exist", output);
        }
        finally
        {
            PackedPackage.TryDelete(folder);
            File.Delete(declaration);
            await File.WriteAllTextAsync(program, ConsumerProject.ProgramText);
        }
    }

    private static Task<HttpResponseMessage> PreflightAsync(RunningApp app, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/ping/");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return app.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
