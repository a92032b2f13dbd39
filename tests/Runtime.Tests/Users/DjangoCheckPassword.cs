using System;
using System.Diagnostics;
using System.Text.Json;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Runtime.Tests.Users;

/// <summary>Asks the real Django 3.2 (<c>django.contrib.auth.hashers.check_password</c>) about a hash.</summary>
public static class DjangoCheckPassword
{
    private const string Script = """
        import json, sys
        import django
        from django.conf import settings
        settings.configure(PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
            "django.contrib.auth.hashers.Argon2PasswordHasher",
            "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
        ])
        django.setup()
        from django.contrib.auth.hashers import check_password
        req = json.load(sys.stdin)
        print(json.dumps(check_password(req["password"], req["encoded"])))
        """;

    /// <summary>Django's verdict on <paramref name="password"/> against <paramref name="encoded"/>.</summary>
    public static bool Check(string password, string encoded)
    {
        Services.RequireDjangoOracle();
        var psi = new ProcessStartInfo("/usr/bin/python3", new[] { "-c", Script })
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        // Passed on stdin as JSON: no shell quoting of passwords with '$' or non-ASCII text.
        p.StandardInput.Write(JsonSerializer.Serialize(new { password, encoded }));
        p.StandardInput.Close();
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("python check_password failed: " + error);
        return JsonSerializer.Deserialize<bool>(output);
    }
}
