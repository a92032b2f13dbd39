using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Infrastructure;

/// <summary>
/// Gate for tests that need a real service. Locally a missing service skips the test (with the
/// reason); in CI (<c>REQUIRE_SERVICES=1</c>) it fails it, so a missing install is never a silent skip.
/// </summary>
public static class Services
{
    /// <summary>True when CI demands every service.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("REQUIRE_SERVICES") == "1";

    /// <summary>Skips (locally) or fails (CI) unless <paramref name="available"/>.</summary>
    public static void Require(bool available, string what)
    {
        if (available) return;
        if (Required) throw new InvalidOperationException($"{what} is required (REQUIRE_SERVICES=1) but not available");
        Skip.If(true, $"{what} is not available on this machine");
    }

    /// <summary>Whether Debian's python3 with Django, django-cors-headers and simplejwt is installed.</summary>
    public static bool DjangoOracleAvailable { get; } = ProbeDjango();

    /// <summary>Requires the Django reference stack and the shared oracle folder.</summary>
    public static void RequireDjangoOracle() => Require(DjangoOracleAvailable && Directory.Exists(SharedDirectory.Oracle),
        "the Django reference server (Debian python3-django, python3-django-cors-headers, python3-djangorestframework-simplejwt and ../shared/oracle)");

    private static bool ProbeDjango()
    {
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/python3", "-c \"import django, corsheaders, rest_framework_simplejwt, jwt\"")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
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
