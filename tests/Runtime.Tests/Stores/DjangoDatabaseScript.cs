using System;
using System.Diagnostics;
using System.IO;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Runtime.Tests.Stores;

/// <summary>
/// Runs Python with the oracle's real Django project (auth + simplejwt's blacklist app) configured
/// on a given SQLite file, so the test can ask Django's own ORM what it makes of rows we wrote.
/// </summary>
public static class DjangoDatabaseScript
{
    /// <summary>Runs <paramref name="body"/> (Python, after django.setup()) and returns its stdout.</summary>
    public static string Run(string databasePath, string body)
    {
        Services.RequireDjangoOracle();
        string script = "import django\ndjango.setup()\n" + body;
        var psi = new ProcessStartInfo("/usr/bin/python3", new[] { "-c", script })
        {
            WorkingDirectory = Path.Combine(SharedDirectory.Oracle, "djangoapp"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ORACLE_DB"] = databasePath;
        psi.Environment["ORACLE_SETTINGS"] = Path.Combine(SharedDirectory.Oracle, "settings", "react.cors.settings");
        psi.Environment["DJANGO_SETTINGS_MODULE"] = "oracle_project.settings";
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("Django script failed: " + stderr.Result);
        return stdout.Trim();
    }
}
