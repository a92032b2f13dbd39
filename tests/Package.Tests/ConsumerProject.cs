using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Package.Tests;

/// <summary>
/// A fresh <c>dotnet new web</c> project named App in a temp folder, with a nuget.config that adds the
/// local folder feed to the default sources, and the packed DjangoSettings package added with
/// <c>dotnet add package</c>: nothing from this repository but the .nupkg.
/// </summary>
public sealed class ConsumerProject : IAsyncLifetime
{
    private readonly PackedPackage _package = new();

    /// <summary>The project folder.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "djangosettings-consumer-" + Guid.NewGuid().ToString("N"));

    /// <summary>The settings file the package's buildTransitive targets pick up by default.</summary>
    public string SettingsFile => Path.Combine(Directory, "cors.settings");

    /// <summary>The version under test.</summary>
    public string PackageVersion => _package.Version;

    /// <summary>The packed file.</summary>
    public string PackagePath => _package.PackagePath;

    /// <summary>The Program.cs a user writes after reading the package README: no using needed.</summary>
    public const string ProgramText = """
        var builder = WebApplication.CreateBuilder(args);
        builder.AddDjangoSettings();
        var app = builder.Build();
        app.UseDjangoCors();
        app.MapGet("/api/ping/", () => "pong");
        app.Run();
        """;

    public async Task InitializeAsync()
    {
        await _package.InitializeAsync();
        System.IO.Directory.CreateDirectory(Directory);
        await Run("new", "web", "-n", "App", "-o", ".");
        // No <clear/>: the default source (the registry mirror) stays for the package's own dependencies.
        await File.WriteAllTextAsync(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="djangosettings-local" value="{_package.Feed}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(Directory, "Program.cs"), ProgramText);
        await Run("add", "package", PackedPackage.Id, "--version", _package.Version);
    }

    /// <summary><c>dotnet build</c> of the consumer (no build servers); returns exit code and output.</summary>
    public Task<(int ExitCode, string Output)> BuildAsync(params string[] extraArguments) =>
        DotnetCli.RunAsync(Directory, new[] { "build", "--disable-build-servers", "-nologo", "-v:minimal" }.Concat(extraArguments).ToArray());

    /// <summary>Starts the built app on a free loopback port and waits until Kestrel listens.</summary>
    public Task<RunningApp> StartAsync() =>
        RunningApp.StartAsync(Directory, Path.Combine(Directory, "bin", "Debug", "net10.0", "App.dll"));

    private async Task Run(params string[] args)
    {
        var (code, output) = await DotnetCli.RunAsync(Directory, args);
        if (code != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed:\n{output}");
    }

    public async Task DisposeAsync()
    {
        PackedPackage.TryDelete(Directory);
        await _package.DisposeAsync();
    }
}

/// <summary>The consumer app's process and an HttpClient on it.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    /// <summary>
    /// Starts <paramref name="dll"/> in <paramref name="directory"/> (its content root) on a free
    /// loopback port, with <paramref name="environment"/> added, and waits until Kestrel listens.
    /// </summary>
    public static async Task<RunningApp> StartAsync(string directory, string dll, IReadOnlyDictionary<string, string>? environment = null)
    {
        int port = OracleServer.FreePort();
        var startInfo = DotnetCli.StartInfo(directory, new[] { dll, "--urls", $"http://127.0.0.1:{port}" });
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) startInfo.Environment[key] = value;
        var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new RunningApp(process, output, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (app.Output.Contains("Now listening on", StringComparison.Ordinal)) return app;
            if (process.HasExited) break;
            await Task.Delay(100);
        }
        string text = app.Output;
        await app.DisposeAsync();
        throw new InvalidOperationException("the app did not start:\n" + text);
    }

    internal RunningApp(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>A client on the app's address.</summary>
    public HttpClient Client { get; }

    /// <summary>What the app printed so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
