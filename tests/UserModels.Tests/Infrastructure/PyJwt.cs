using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json.Nodes;

namespace DjangoSettings.UserModels.Tests.Infrastructure;

/// <summary>PyJWT with python3-cryptography (tests/DjangoProjects/pyjwt_tool.py): the library simplejwt signs and verifies with.</summary>
public static class PyJwt
{
    /// <summary>Whether Debian's python3 has PyJWT and cryptography.</summary>
    public static bool Available { get; } = Probe();

    /// <summary>Skips locally / fails in CI without them.</summary>
    public static void Require() => Runtime.Tests.Infrastructure.Services.Require(Available,
        "PyJWT with python3-cryptography (apt-get install python3-jwt python3-cryptography)");

    /// <summary>Runs a pyjwt_tool.py command.</summary>
    public static JsonNode Run(params string[] args)
    {
        Require();
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(DjangoProject.ProjectsDirectory, "pyjwt_tool.py"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("pyjwt_tool.py " + args[0] + " failed: " + stderr.Result);
        return JsonNode.Parse(stdout)!;
    }

    private static bool Probe()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("/usr/bin/python3", "-c \"import jwt, cryptography\"") { RedirectStandardError = true })!;
            p.WaitForExit(30_000);
            return p.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }
}
