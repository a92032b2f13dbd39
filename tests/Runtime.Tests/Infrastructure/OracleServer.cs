using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace DjangoSettings.Runtime.Tests.Infrastructure;

/// <summary>
/// The real Django + django-cors-headers + simplejwt reference server (<c>shared/oracle/serve.sh</c>),
/// started on a free loopback port for one settings file and stopped on dispose.
/// </summary>
public sealed class OracleServer : IAsyncDisposable
{
    private readonly Process _process;

    private OracleServer(Process process, Uri baseAddress, string databasePath)
    {
        _process = process;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
    }

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri BaseAddress { get; }

    /// <summary>The SQLite database the server migrated (user alice / wonderland-123 has id 1).</summary>
    public string DatabasePath { get; }

    /// <summary>Starts the server and waits for its READY line (at most 90 s).</summary>
    /// <param name="settingsFile">The settings file to serve.</param>
    /// <param name="keepDatabase">Keep the migrated database (ORACLE_KEEP=1).</param>
    /// <param name="environment">More variables for serve.sh (e.g. ORACLE_USER_MIDDLEWARE=1, or what the file reads).</param>
    public static async Task<OracleServer> StartAsync(string settingsFile, bool keepDatabase = false, System.Collections.Generic.IReadOnlyDictionary<string, string>? environment = null)
    {
        Services.RequireDjangoOracle();
        int port = FreePort();
        var psi = new ProcessStartInfo("bash", $"serve.sh \"{Path.GetFullPath(settingsFile)}\" {port}")
        {
            WorkingDirectory = SharedDirectory.Oracle,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ORACLE_RENDERERS"] = "json";
        if (keepDatabase) psi.Environment["ORACLE_KEEP"] = "1";
        if (environment is not null)
        {
            foreach (var (name, value) in environment) psi.Environment[name] = value;
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start serve.sh");
        var stderr = process.StandardError.ReadToEndAsync();
        var readLine = process.StandardOutput.ReadLineAsync();
        var finished = await Task.WhenAny(readLine, Task.Delay(TimeSpan.FromSeconds(90)));
        string? line = finished == readLine ? await readLine : null;
        if (line is null || !line.StartsWith("ORACLE READY", StringComparison.Ordinal))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new InvalidOperationException($"oracle did not start for {settingsFile}: {line} {await stderr}");
        }
        string db = "";
        foreach (var part in line.Split(' '))
        {
            if (part.StartsWith("db=", StringComparison.Ordinal)) db = part.Substring(3);
        }
        return new OracleServer(process, new Uri($"http://127.0.0.1:{port}"), db);
    }

    /// <summary>Stops serve.sh (its trap stops Django and removes the temp folder).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets serve.sh's trap clean up; Kill() would leave runserver behind.
            using (var kill = Process.Start("kill", "-TERM " + _process.Id)) { kill?.WaitForExit(); }
            var exited = _process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(10_000)) != exited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
