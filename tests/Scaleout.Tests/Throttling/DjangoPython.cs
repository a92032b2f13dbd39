using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.Throttling;

/// <summary>Runs a script under Debian's python3 with Django configured for a Redis cache; one JSON document per input line.</summary>
internal static class DjangoPython
{
    public static async Task<List<JsonElement>> RunAsync(string cachesJson, string script, IEnumerable<object?> inputs)
    {
        string setup = $$"""
            import json, sys, pickle
            from django.conf import settings
            settings.configure(INSTALLED_APPS=["rest_framework"], CACHES=json.loads({{JsonSerializer.Serialize(cachesJson)}}))
            import django
            django.setup()
            from django.core.cache import cache
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(setup + "\n" + script);
        psi.StandardInputEncoding = new UTF8Encoding(false);
        using var p = Process.Start(psi)!;
        foreach (var input in inputs) await p.StandardInput.WriteLineAsync(JsonSerializer.Serialize(input));
        p.StandardInput.Close();
        string output = await p.StandardOutput.ReadToEndAsync();
        string error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, error);
        return output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    /// <summary>A long-running script answering one JSON line per line sent (the script must flush).</summary>
    public static async Task<Session> StartAsync(string cachesJson, string script)
    {
        string setup = $$"""
            import json, sys, pickle
            from django.conf import settings
            settings.configure(INSTALLED_APPS=["rest_framework"], CACHES=json.loads({{JsonSerializer.Serialize(cachesJson)}}))
            import django
            django.setup()
            from django.core.cache import cache
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(setup + "\n" + script);
        psi.StandardInputEncoding = new UTF8Encoding(false);
        var p = Process.Start(psi)!;
        await Task.Yield();
        return new Session(p);
    }

    /// <summary>A Python process spoken to line by line.</summary>
    public sealed class Session(Process process) : System.IAsyncDisposable
    {
        public async Task<JsonElement> AskAsync(object? input)
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(input));
            await process.StandardInput.FlushAsync();
            string? line = await process.StandardOutput.ReadLineAsync();
            if (line is null) Assert.Fail("python stopped: " + await process.StandardError.ReadToEndAsync());
            return JsonDocument.Parse(line!).RootElement.Clone();
        }

        public async System.Threading.Tasks.ValueTask DisposeAsync()
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000)) process.Kill();
            await Task.CompletedTask;
            process.Dispose();
        }
    }

    public static string DjangoRedisCaches(int port, int db = 0, string keyPrefix = "") =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["default"] = new Dictionary<string, object>
            {
                ["BACKEND"] = "django_redis.cache.RedisCache",
                ["LOCATION"] = $"redis://127.0.0.1:{port}/{db}",
                ["KEY_PREFIX"] = keyPrefix,
            },
        });
}
