using System;
using System.Diagnostics;
using System.IO;

namespace DjangoSettings.Scaleout.Tests.Infrastructure;

/// <summary>Runs the server binaries' command lines (as the postgres user when we are root, as initdb demands).</summary>
internal static class ServerProcesses
{
    public const string PostgresBin = "/usr/lib/postgresql/15/bin";

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Whether PostgreSQL 15's server binaries are installed (Debian's postgresql-15).</summary>
    public static bool PostgresInstalled => File.Exists(Path.Combine(PostgresBin, "initdb")) && File.Exists(Path.Combine(PostgresBin, "pg_ctl"));

    /// <summary>Whether redis-server is on the usual path (Debian's redis-server).</summary>
    public static bool RedisInstalled => File.Exists("/usr/bin/redis-server");

    /// <summary>Runs a shell command line (as postgres when <paramref name="asPostgres"/> and we are root); throws with its output on failure.</summary>
    public static string Run(string commandLine, bool asPostgres = false, int timeoutSeconds = 60)
    {
        var psi = asPostgres && IsRoot
            ? new ProcessStartInfo("su", new[] { "postgres", "-c", commandLine })
            : new ProcessStartInfo("/bin/sh", new[] { "-c", commandLine });
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' did not finish in {timeoutSeconds} s");
        }
        if (p.ExitCode != 0) throw new InvalidOperationException($"'{commandLine}' failed ({p.ExitCode}): {stdout}{stderr.Result}");
        return stdout;
    }
}
