using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// Runs the oracle's <c>jwt_tool.py</c> (simplejwt 5.2.2's own token classes under a settings file)
/// with Debian's python. Callers gate with <see cref="Services.RequireDjangoOracle"/>.
/// </summary>
internal sealed class DjangoJwtTool(string settingsFile)
{
    public static string ToolPath => Path.Combine(SharedDirectory.Oracle, "jwt_tool.py");

    /// <summary>A temporary settings file with SECRET_KEY and the given SIMPLE_JWT entries (Python literals).</summary>
    public static string WriteSettings(string directory, IReadOnlyDictionary<string, string> simpleJwt, string secretKey = "django-insecure-interop-tests")
    {
        var sb = new StringBuilder("from datetime import timedelta\n");
        sb.Append("SECRET_KEY = ").Append(PyString(secretKey)).Append('\n');
        sb.Append("SIMPLE_JWT = {\n");
        foreach (var (k, v) in simpleJwt) sb.Append("    ").Append(PyString(k)).Append(": ").Append(v).Append(",\n");
        sb.Append("}\n");
        string path = Path.Combine(directory, "interop.settings");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>A Python string literal (PEM text included: newlines escaped).</summary>
    public static string PyString(string s) => JsonSerializer.Serialize(s);

    public async Task<JsonElement> MintAsync(string userId, string? username, long now, params string[] claims)
    {
        var args = new List<string> { "mint", "--user-id", userId, "--now", now.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (username is not null) args.AddRange(["--username", username]);
        foreach (var c in claims) args.AddRange(["--claim", c]);
        var (code, json) = await RunAsync(args);
        if (code != 0) throw new InvalidOperationException("jwt_tool mint failed: " + json);
        return json;
    }

    public async Task<JsonElement> VerifyAsync(string token, string type, long now)
    {
        var (_, json) = await RunAsync(["verify", token, "--type", type, "--now", now.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return json;
    }

    private async Task<(int Code, JsonElement Json)> RunAsync(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(ToolPath);
        psi.ArgumentList.Add("--settings");
        psi.ArgumentList.Add(settingsFile);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        string text = await stdout;
        if (text.Length == 0) throw new InvalidOperationException("jwt_tool printed nothing: " + await stderr);
        using var doc = JsonDocument.Parse(text);
        return (p.ExitCode, doc.RootElement.Clone());
    }
}
