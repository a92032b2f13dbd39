using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace DjangoSettings.Sample.Tests.Browser;

/// <summary>
/// The sample's demo front end in a real browser: the sample process serves the API and, on a second
/// listener, the client page; Chromium enforces CORS on every call the page makes.
/// </summary>
public sealed class DemoClientBrowserTests : IClassFixture<HeadlessChromium>
{
    /// <summary>The origins cors.settings allows on loopback (the seed's React and Vite dev servers).</summary>
    private static readonly (string Origin, int Port)[] AllowedLoopbackOrigins =
    {
        ("http://localhost:3000", 3000), ("http://127.0.0.1:3000", 3000), ("http://localhost:5173", 5173),
    };

    private static readonly Dictionary<string, string?> Superuser = new()
    {
        ["DJANGO_SUPERUSER_USERNAME"] = "alice",
        ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123", ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com",
    };

    private readonly HeadlessChromium _chromium;

    public DemoClientBrowserTests(HeadlessChromium chromium) => _chromium = chromium;

    [SkippableFact]
    public async Task From_an_allowed_origin_login_claims_me_with_authorization_refresh_and_logout_all_pass_the_browser_CORS_check()
    {
        HeadlessChromium.Require();
        // The page must really come from an origin the compiled settings allow, so the client listener
        // takes the first of their fixed ports that is free. (No Playwright routing instead: with
        // interception on, Playwright answers CORS preflights itself.)
        var (clientUrl, _) = AllowedLoopbackOrigins.FirstOrDefault(o => PortIsFree(o.Port));
        Services.Require(clientUrl is not null, "a free port among 3000 and 5173 for the demo client (allowed origins in cors.settings)");
        await using var sample = await SampleProcess.StartAsync(WithClient(clientUrl!), null, "--create-superuser-from-env");
        await WaitForClientAsync(sample, clientUrl!);
        // Both URLs are printed, as `dotnet run` shows them.
        Assert.Contains("DjangoStyle API on " + sample.BaseAddress.GetLeftPart(UriPartial.Authority), sample.Output);

        var console = new List<string>();
        var page = await _chromium.NewPageAsync(console);
        await page.GotoAsync(clientUrl + "/");
        Assert.Equal(clientUrl, await page.EvaluateAsync<string>("location.origin"));
        Assert.Equal(sample.BaseAddress.GetLeftPart(UriPartial.Authority), await page.TextContentAsync("#api"));

        await page.FillAsync("#password", "wonderland-123");
        await page.ClickAsync("#login");
        await Expect(page, "#status", "Logged in as alice");
        string claims = (await page.TextContentAsync("#claims"))!;
        Assert.Contains("\"username\": \"alice\"", claims);
        Assert.Contains("\"token_type\": \"access\"", claims);
        await Screenshot(page, "demo-logged-in.png");

        // Authorization is not CORS-safelisted: the browser preflights this GET and proceeds only
        // because the preflight answer lists authorization (the default CORS_ALLOW_HEADERS).
        await page.ClickAsync("#me");
        await Expect(page, "#status", "/api/me/ says: alice (id 1).");

        await page.ClickAsync("#refresh");
        await WaitForRowsAsync(page, 3);
        await page.ClickAsync("#logout");
        await Expect(page, "#status", "Logged out: the refresh token is blacklisted.");
        await Screenshot(page, "demo-logged-out.png");

        var rows = await RowsAsync(page);
        Assert.Equal(new[]
        {
            ("POST /api/token/", "allowed", "200"),
            ("GET /api/me/", "allowed", "200"),
            ("POST /api/token/refresh/", "allowed", "200"),
            ("POST /api/token/blacklist/", "allowed", "200"),
        }, rows);
        Assert.DoesNotContain(console, line => line.Contains("CORS", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task From_an_origin_cors_settings_does_not_list_the_browser_blocks_the_call()
    {
        HeadlessChromium.Require();
        // 127.0.0.1 on a free port: cors.settings allows 127.0.0.1:3000 only.
        string clientUrl = $"http://127.0.0.1:{OracleServer.FreePort()}";
        // Debug for DjangoSettings, as appsettings.Development.json has it for `dotnet run`: the
        // server log then says why it refused the origin.
        var environment = WithClient(clientUrl);
        environment["Logging__LogLevel__DjangoSettings"] = "Debug";
        await using var sample = await SampleProcess.StartAsync(environment, null, "--create-superuser-from-env");
        await WaitForClientAsync(sample, clientUrl);

        var console = new List<string>();
        var page = await _chromium.NewPageAsync(console);
        await page.GotoAsync(clientUrl + "/");
        await page.FillAsync("#password", "wonderland-123");
        await page.ClickAsync("#login");
        await Expect(page, "#status", "Login blocked by CORS.");
        await Screenshot(page, "demo-blocked-origin.png");

        Assert.Equal(new[] { ("POST /api/token/", "blocked", "-") }, await RowsAsync(page));
        Assert.Contains("TypeError: Failed to fetch", await page.TextContentAsync("#log tr td.body"));
        // Chromium's own explanation, in the console as a developer would see it.
        Assert.Contains(console, line => line.Contains($"from origin '{clientUrl}' has been blocked by CORS policy", StringComparison.Ordinal));
        // The server's side of the story, in its log.
        Assert.Contains($"CORS: Origin {clientUrl} refused for /api/token/", sample.Output);
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static Dictionary<string, string?> WithClient(string clientUrl) =>
        new(Superuser) { ["Sample__ClientUrl"] = clientUrl };

    private static async Task WaitForClientAsync(SampleProcess sample, string clientUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!sample.Output.Contains("Demo client (wwwroot-client) on " + clientUrl, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the demo client did not start:\n" + sample.Output);
            await Task.Delay(100);
        }
    }

    internal static async Task Expect(IPage page, string selector, string text)
    {
        try
        {
            await page.WaitForFunctionAsync("([s, t]) => (document.querySelector(s)?.textContent ?? '').includes(t)", new object[] { selector, text },
                new PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{selector} never showed '{text}'; it shows '{await page.TextContentAsync(selector)}'; log: {await page.TextContentAsync("#log")}");
        }
    }

    private static Task WaitForRowsAsync(IPage page, int count) =>
        page.WaitForFunctionAsync("n => document.querySelectorAll('#log tr').length >= n", count, new PageWaitForFunctionOptions { Timeout = 30_000 });

    private static async Task<(string Request, string Cors, string Status)[]> RowsAsync(IPage page)
    {
        var rows = await page.EvalOnSelectorAllAsync<string[][]>("#log tr", "rows => rows.map(r => [r.dataset.request, r.dataset.cors, r.dataset.status])");
        return rows.Select(r => (r[0], r[1], r[2])).ToArray();
    }

    /// <summary>
    /// Screenshots for the README: written to DJANGOSETTINGS_SCREENSHOTS when set (docs/images when
    /// refreshing them), else to a temp folder so a test run never dirties the work tree.
    /// </summary>
    internal static async Task Screenshot(IPage page, string name)
    {
        string dir = Environment.GetEnvironmentVariable("DJANGOSETTINGS_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "djangosettings-screenshots");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0);
    }
}
