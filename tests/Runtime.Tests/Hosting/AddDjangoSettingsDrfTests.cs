using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Localization;
using DjangoSettings.Runtime.Tests.Drf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Hosting;

/// <summary>
/// builder.AddDjangoSettings&lt;T&gt;() alone configures DRF views and their language from the
/// settings file: REST_FRAMEWORK's permission and pagination, LANGUAGE_CODE 'ko-kr'. The 401 body
/// is compared with the one recorded from Django for the same settings (Fixtures/drf/perm-authenticated.ko.jsonl).
/// </summary>
public sealed class AddDjangoSettingsDrfTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "djangosettings-drf-hosting-" + Guid.NewGuid().ToString("N"));

    public AddDjangoSettingsDrfTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned up by the OS.
        }
    }

    [Fact]
    public async Task Rest_framework_and_language_come_from_the_settings_file()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DJANGO_SECRET_KEY"] = "drf-permissions-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            ["DB_FILE"] = "db.sqlite3",
        });
        builder.AddDjangoSettings<DrfLanguageSettings>();
        await using var app = builder.Build();
        app.UseRouting();
        app.UseSimpleJwtAuthentication();
        OracleViews.Map(app);
        await app.StartAsync();

        var drf = app.Services.GetRequiredService<RestFrameworkSettings>();
        Assert.Equal(new[] { DrfClassNames.IsAuthenticated }, drf.DefaultPermissionClasses);
        Assert.Equal(DrfClassNames.PageNumberPagination, drf.DefaultPaginationClass);
        Assert.Equal(10, drf.PageSize);
        var language = app.Services.GetRequiredService<DjangoLanguageSettings>();
        Assert.Equal("ko-kr", language.LanguageCode);
        Assert.Equal(new[] { "ko", "en", "fr" }, language.Languages);

        var response = await app.GetTestClient().GetAsync("/api/items/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(RecordedBody("perm-authenticated.ko", "anon-get"), await response.Content.ReadAsStringAsync());
    }

    // The body Django answered, from the recording (not typed here).
    private static string RecordedBody(string fixture, string id)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "drf", fixture + ".jsonl");
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.GetProperty("id").GetString() == id) return doc.RootElement.GetProperty("body").GetString()!;
        }
        throw new InvalidOperationException(id + " is not in " + path);
    }
}
