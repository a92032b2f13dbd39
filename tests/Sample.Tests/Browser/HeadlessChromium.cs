using System;
using System.IO;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace DjangoSettings.Sample.Tests.Browser;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by .ci/run) driven by Microsoft.Playwright,
/// whose node driver ships inside the NuGet package: nothing is downloaded. One browser per test
/// class; every test gets a new context (fresh cookies and cache).
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>True when Chromium is installed.</summary>
    public static bool Available => File.Exists(ExecutablePath);

    /// <summary>Skips locally, fails in CI (REQUIRE_SERVICES=1), when Chromium is missing.</summary>
    public static void Require() => Services.Require(Available, "Debian's Chromium (" + ExecutablePath + ", apt-get install chromium)");

    /// <summary>The launched browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running");

    public async Task InitializeAsync()
    {
        if (!Available) return;
        _playwright = await Playwright.CreateAsync();
        // Headless adds --headless; Playwright gives every launch a fresh empty user-data-dir.
        // The network flags keep Chromium from calling Google's services, which this sandbox refuses.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = new[]
            {
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            },
        });
    }

    /// <summary>A fresh page in a fresh context; console messages are collected into <paramref name="console"/>.</summary>
    public async Task<IPage> NewPageAsync(System.Collections.Generic.List<string> console)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 820 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { lock (console) console.Add(message.Type + ": " + message.Text); };
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
