using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.UserModels.Tests.Infrastructure;

/// <summary>
/// A test Django project served by <c>manage.py runserver --noreload</c> on a free loopback port
/// (the database must be migrated already); killed with its children on dispose.
/// </summary>
public sealed class DjangoServer : IAsyncDisposable
{
    private readonly Process _process;

    private DjangoServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the server.</summary>
    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    /// <summary>Starts runserver in <paramref name="projectDirectory"/> and waits until it accepts connections (at most 60 s).</summary>
    public static DjangoServer Start(string projectDirectory, IReadOnlyDictionary<string, string> environment)
    {
        int port = OracleServer.FreePort();
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[] { "manage.py", "runserver", "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture), "--noreload" }) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        psi.Environment["PYTHONHASHSEED"] = "0";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start runserver");
        // Drain the pipes so the server never blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"runserver for {projectDirectory} exited with {process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                probe.Connect("127.0.0.1", port);
                return new DjangoServer(process, new Uri($"http://127.0.0.1:{port}"));
            }
            catch (SocketException)
            {
                System.Threading.Thread.Sleep(200);
            }
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"runserver for {projectDirectory} did not listen within 60 s");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
    }
}
