using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Sample.Tests;

/// <summary>
/// Issue 16.2 against the sample process: a user lookup that throws is answered by the sample's
/// own exception handler (Django's 500 page) with CORS headers, not by Kestrel's bare 500, because
/// authentication runs per endpoint inside the pipeline and not in the UseAuthentication() that
/// WebApplication adds in front of it.
/// </summary>
public sealed class SampleAuthenticationTests
{
    private const string Origin = "http://localhost:3000";

    private static readonly Dictionary<string, string?> Superuser = new()
    {
        ["DJANGO_SUPERUSER_USERNAME"] = "alice",
        // createsuperuser --noinput needs every REQUIRED_FIELDS entry (auth.User: email), as Django does.
        ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com",
        ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123",
    };

    [SkippableFact]
    public async Task A_broken_user_table_gives_djangos_500_page_with_cors_headers_and_plain_views_do_not_notice()
    {
        Services.Require(File.Exists("/usr/bin/sqlite3"), "the sqlite3 command-line shell (Debian package sqlite3)");
        await using var sample = await SampleProcess.StartAsync(Superuser, null, "--create-superuser-from-env");
        var login = await sample.Client.PostAsJsonAsync("/api/token/", new { username = "alice", password = "wonderland-123" });
        string access = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access").GetString()!;

        // Another process breaks the table the lookup reads (a failed migration, say).
        var sqlite = Process.Start(new ProcessStartInfo("/usr/bin/sqlite3", new[] { Path.Combine(sample.ContentRoot, "db.sqlite3"), "ALTER TABLE auth_user RENAME TO auth_user_gone" }))!;
        await sqlite.WaitForExitAsync();
        Assert.Equal(0, sqlite.ExitCode);

        var me = await Get(sample, "/api/me/", access);
        Assert.Equal(HttpStatusCode.InternalServerError, me.StatusCode);
        Assert.Contains("<h1>Server Error (500)</h1>", await me.Content.ReadAsStringAsync());
        Assert.Equal(Origin, me.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", me.Headers.GetValues("Access-Control-Allow-Credentials").Single());

        // A plain view and a 404 with the same header never look the user up.
        Assert.Equal(HttpStatusCode.OK, (await Get(sample, "/public/", access)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(sample, "/nope/", access)).StatusCode);
    }

    private static Task<HttpResponseMessage> Get(SampleProcess sample, string path, string bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Origin);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return sample.Client.SendAsync(request);
    }
}
