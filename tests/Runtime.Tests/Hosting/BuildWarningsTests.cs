using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Hosting;

/// <summary>
/// A setting the build could not know and assumed (DJS0112) is logged again when the application
/// starts, with the build's text, through the generated wiring's BuildWarnings.
/// </summary>
public sealed class BuildWarningsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "djangosettings-assumed-" + Guid.NewGuid().ToString("N"));

    public BuildWarningsTests() => Directory.CreateDirectory(_folder);

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
    public async Task The_assumption_of_the_build_is_in_the_startup_log()
    {
        var logs = new CapturingProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DJANGO_SECRET_KEY"] = "a-secret-from-configuration-0123456789-abcdefghijklmnop",
            ["DB_FILE"] = "db.sqlite3",
        });
        builder.AddDjangoSettings<AssumedAppsSettings>();
        await using var app = builder.Build();
        await app.StartAsync();
        await app.StopAsync();

        var warning = Assert.Single(logs.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("DJS0112"));
        Assert.Contains("assumed-apps.settings(", warning.Text);
        Assert.Contains("warning DJS0112: INSTALLED_APPS cannot be known at build time ('os.listdir' is not evaluated); the port assumes rest_framework_simplejwt.token_blacklist is installed", warning.Text);
        Assert.Contains(logs.Messages, m => m.Text.Contains("are in force"));
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Queue { get; } = new();

        public IReadOnlyList<(LogLevel Level, string Text)> Messages => Queue.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(Queue);

        public void Dispose()
        {
        }

        private sealed class Logger : ILogger
        {
            private readonly ConcurrentQueue<(LogLevel, string)> _queue;

            public Logger(ConcurrentQueue<(LogLevel, string)> queue) => _queue = queue;

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => _queue.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
