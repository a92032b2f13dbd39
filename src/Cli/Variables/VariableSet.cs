using System;
using System.Collections.Generic;
using System.IO;
using DjangoSettings.Cli.Commands;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Settings;
using Microsoft.Extensions.Configuration;

namespace DjangoSettings.Cli.Variables;

/// <summary>
/// The environment of <c>check --env KEY=VALUE --env-file .env</c>: the variables given, applied in
/// command-line order (a later one wins), and nothing from the tool's own process unless asked for
/// with <c>--env KEY</c>. The settings see it through the runtime's own
/// <see cref="ConfigurationEnvironment"/> over an <see cref="IConfiguration"/>, as at application
/// startup: same lookup (keys are case-insensitive there), same file reads.
/// </summary>
internal sealed class VariableSet
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string?>> _ordered = new();

    /// <summary>The variables, in the order they were set (a name set twice appears twice; the last wins).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Ordered => _ordered;

    /// <summary>Sets one variable.</summary>
    public void Set(string key, string value)
    {
        _values[key] = value;
        _ordered.Add(new KeyValuePair<string, string?>(key, value));
    }

    /// <summary>A value set so far, or null.</summary>
    public string? Get(string key) => _values.TryGetValue(key, out var v) ? v : null;

    /// <summary>
    /// <c>--env KEY=VALUE</c> sets KEY; <c>--env KEY</c> copies KEY from <paramref name="processEnvironment"/>
    /// (as <c>docker run -e KEY</c> does), and sets nothing when it is not there.
    /// </summary>
    public void AddAssignment(string argument, Func<string, string?> processEnvironment)
    {
        int eq = argument.IndexOf('=');
        string key = eq < 0 ? argument : argument.Substring(0, eq);
        if (key.Length == 0) throw new UsageException("--env needs KEY=VALUE or KEY, not '" + argument + "'");
        string? value = eq < 0 ? processEnvironment(key) : argument.Substring(eq + 1);
        if (value is not null) Set(key, value);
    }

    /// <summary>
    /// Reads a <c>.env</c> file (<see cref="DotEnvFile"/>); <c>${NAME}</c> expands from what is set so
    /// far. Lines python-dotenv would skip are reported to <paramref name="warnings"/> and skipped.
    /// </summary>
    public void AddFile(string path, TextWriter warnings)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException("cannot read " + path + ": " + ex.Message);
        }
        foreach (var entry in DotEnvFile.Parse(text))
        {
            if (entry.IsError)
            {
                warnings.WriteLine(path + "(" + entry.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "): warning: this line is not KEY=VALUE as python-dotenv reads it; it is skipped");
                continue;
            }
            if (entry.Key is null || entry.Value is null) continue;
            Set(entry.Key, DotEnvFile.Expand(entry.Value, Get));
        }
    }

    /// <summary>What the settings read at <c>os.environ[...]</c>, <c>env(...)</c>, <c>config(...)</c> and <c>open(...)</c>.</summary>
    /// <param name="contentRoot">The folder relative file reads resolve against (the runtime uses the app's content root).</param>
    public ISettingsEnvironment ToEnvironment(string contentRoot)
    {
        // IConfiguration keys ignore case, so DEBUG and debug are one key there: the last one given wins.
        var last = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in _ordered) last[pair.Key] = pair.Value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(last).Build();
        return new ConfigurationEnvironment(configuration, contentRoot);
    }
}
