using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Aot.Tests;

/// <summary>
/// The published native DjangoStyle binary run as a real process: Kestrel on a free loopback port, a
/// throwaway content root (db.sqlite3 lands there), configuration from environment variables.
/// </summary>
public sealed class NativeSample : IAsyncDisposable
{
    /// <summary>A secret for tests only, long enough for HS256.</summary>
    public const string TestSecretKey = "aot-tests-secret-key-0123456789-abcdefghijklmnopqr";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private NativeSample(Process process, StringBuilder output, Uri baseAddress, string contentRoot)
    {
        _process = process;
        _output = output;
        ContentRoot = contentRoot;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    /// <summary>The temp content root (removed on dispose).</summary>
    public string ContentRoot { get; }

    /// <summary>A client on the binary's address.</summary>
    public HttpClient Client { get; }

    /// <summary>Everything the process printed so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>A fresh content root folder.</summary>
    public static string NewContentRoot()
    {
        string dir = Path.Combine(Path.GetTempPath(), "djangostyle-aot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Starts the binary and waits until Kestrel listens (or fails with its output).</summary>
    public static async Task<NativeSample> StartAsync(string binary, IDictionary<string, string?> environment, params string[] args)
    {
        string root = NewContentRoot();
        var (process, output) = Launch(binary, environment, root, out int port, args);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            string text;
            lock (output) text = output.ToString();
            if (text.Contains("Now listening on", StringComparison.Ordinal)) return new NativeSample(process, output, new Uri($"http://127.0.0.1:{port}"), root);
            if (process.HasExited) throw new InvalidOperationException($"the AOT sample exited with {process.ExitCode}:\n{text}");
            await Task.Delay(50);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the AOT sample did not start:\n" + output);
    }

    /// <summary>Runs the binary to completion; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string binary, IDictionary<string, string?> environment, params string[] args)
    {
        string root = NewContentRoot();
        try
        {
            var (process, output) = Launch(binary, environment, root, out _, args);
            using (process)
            {
                var exited = process.WaitForExitAsync();
                if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(30))) != exited)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("the AOT sample did not exit:\n" + output);
                }
                process.WaitForExit();
                lock (output) return (process.ExitCode, output.ToString());
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (Process, StringBuilder) Launch(string binary, IDictionary<string, string?> environment, string contentRoot, out int port, string[] args)
    {
        port = OracleServer.FreePort();
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.ArgumentList.Add("--contentRoot");
        psi.ArgumentList.Add(contentRoot);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DJANGO_SECRET_KEY"] = TestSecretKey;
        psi.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (k, v) in environment)
        {
            if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
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

    /// <inheritdoc />
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
