using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Sample.Tests;

/// <summary>
/// The sample backend started for real, as `dotnet run` would run it: its own process, Kestrel on a
/// free loopback port, a throwaway content root (so db.sqlite3 lands there), and configuration from
/// environment variables.
/// </summary>
public sealed class SampleProcess : IAsyncDisposable
{
    /// <summary>A secret for tests only, long enough for HS256.</summary>
    public const string TestSecretKey = "sample-tests-secret-key-0123456789-abcdefghijklmnop";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private SampleProcess(Process process, StringBuilder output, Uri baseAddress, string contentRoot)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        ContentRoot = contentRoot;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public string ContentRoot { get; }

    public HttpClient Client { get; }

    /// <summary>Everything the process printed so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>A fresh content root folder (removed by <see cref="DisposeAsync"/>).</summary>
    public static string NewContentRoot()
    {
        string dir = Path.Combine(Path.GetTempPath(), "djangostyle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Starts the sample and waits until it listens (or fails with its output).</summary>
    public static Task<SampleProcess> StartAsync(IDictionary<string, string?>? environment = null, string? contentRoot = null, params string[] extraArgs)
        => StartAsync(Path.Combine(AppContext.BaseDirectory, "DjangoStyle.dll"), environment, contentRoot, extraArgs);

    /// <summary>Starts a given build of the sample (for example one built against another settings file).</summary>
    public static async Task<SampleProcess> StartAsync(string dll, IDictionary<string, string?>? environment, string? contentRoot, params string[] extraArgs)
    {
        var (process, output) = Launch(dll, environment, contentRoot ??= NewContentRoot(), out int port, extraArgs);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            string text;
            lock (output) text = output.ToString();
            if (text.Contains("Now listening on", StringComparison.Ordinal)) return new SampleProcess(process, output, new Uri($"http://127.0.0.1:{port}"), contentRoot);
            if (process.HasExited) throw new InvalidOperationException($"the sample exited with {process.ExitCode}:\n{text}");
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the sample did not start:\n" + output);
    }

    /// <summary>Runs the sample to completion (for start-up failures and commands); returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IDictionary<string, string?>? environment, string contentRoot, params string[] args)
    {
        var (process, output) = Launch(Path.Combine(AppContext.BaseDirectory, "DjangoStyle.dll"), environment, contentRoot, out _, args);
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the sample did not exit:\n" + output);
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }

    private static (Process, StringBuilder) Launch(string dll, IDictionary<string, string?>? environment, string contentRoot, out int port, string[] args)
    {
        port = OracleServer.FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.ArgumentList.Add("--contentRoot");
        psi.ArgumentList.Add(contentRoot);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DJANGO_SECRET_KEY"] = TestSecretKey;
        psi.Environment["Logging__LogLevel__Default"] = "Information";
        // The demo client listener (default http://localhost:3000) is off unless a test asks for it,
        // so parallel sample processes never compete for its fixed port.
        psi.Environment["Sample__ClientUrl"] = "none";
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
            }
        }
        var output = new StringBuilder();
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(ContentRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
