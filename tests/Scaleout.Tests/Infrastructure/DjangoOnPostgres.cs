using System;
using System.Diagnostics;
using System.IO;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Scaleout.Tests.Infrastructure;

/// <summary>
/// The oracle's real Django project (auth + simplejwt's blacklist app) pointed at a PostgreSQL
/// database through a settings module that overrides the oracle's DATABASES (psycopg2 from Debian's
/// python3-psycopg2): runs <c>manage.py migrate</c> or Python against the ORM.
/// </summary>
public static class DjangoOnPostgres
{
    /// <summary>Whether python3 can import psycopg2 (and the oracle stack).</summary>
    public static bool Available { get; } = Probe();

    /// <summary>Requires the oracle stack with psycopg2.</summary>
    public static void Require() => Services.Require(
        Available && Services.DjangoOracleAvailable && Directory.Exists(SharedDirectory.Oracle),
        "the Django reference stack with python3-psycopg2 (apt-get install python3-psycopg2)");

    /// <summary><c>manage.py migrate</c> on the database.</summary>
    public static string Migrate(int port, string database) => Run(port, database, null, "manage.py", "migrate", "--no-input");

    /// <summary>Runs Python (after django.setup()) against the database; returns its stdout.</summary>
    public static string Script(int port, string database, string body) =>
        Run(port, database, "import django\ndjango.setup()\n" + body, "-c", null!);

    private static string Run(int port, string database, string? script, params string[] args)
    {
        Require();
        string settingsDir = Path.Combine(Path.GetTempPath(), "scaleout-djsettings-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(settingsDir);
        try
        {
            File.WriteAllText(Path.Combine(settingsDir, "pg_oracle_settings.py"),
                "from oracle_project.settings import *  # noqa\n" +
                "import os\n" +
                "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': os.environ['PG_NAME'], " +
                "'USER': 'postgres', 'HOST': '127.0.0.1', 'PORT': os.environ['PG_PORT']}}\n");
            var psi = new ProcessStartInfo("/usr/bin/python3")
            {
                WorkingDirectory = Path.Combine(SharedDirectory.Oracle, "djangoapp"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (script is not null) { psi.ArgumentList.Add("-c"); psi.ArgumentList.Add(script); }
            else foreach (string a in args) psi.ArgumentList.Add(a);
            psi.Environment["PYTHONPATH"] = settingsDir + ":" + psi.WorkingDirectory;
            psi.Environment["PG_NAME"] = database;
            psi.Environment["PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            psi.Environment["ORACLE_SETTINGS"] = Path.Combine(SharedDirectory.Oracle, "settings", "react.cors.settings");
            psi.Environment["DJANGO_SETTINGS_MODULE"] = "pg_oracle_settings";
            psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("Django failed: " + stderr.Result);
            return stdout.Trim();
        }
        finally
        {
            Directory.Delete(settingsDir, recursive: true);
        }
    }

    private static bool Probe()
    {
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/python3", "-c \"import psycopg2, django\"") { RedirectStandardError = true, RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            p.WaitForExit(30_000);
            return p.HasExited && p.ExitCode == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
