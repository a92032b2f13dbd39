using System.Collections.Generic;
using DjangoSettings.Generator.Evaluation;

namespace DjangoSettings.Generator.Tests.Infrastructure;

/// <summary>A startup environment backed by dictionaries (variables and file contents).</summary>
public sealed class DictionaryEnvironment : ISettingsEnvironment
{
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly IReadOnlyDictionary<string, string> _files;

    public DictionaryEnvironment(IReadOnlyDictionary<string, string>? variables = null, IReadOnlyDictionary<string, string>? files = null)
    {
        _variables = variables ?? new Dictionary<string, string>();
        _files = files ?? new Dictionary<string, string>();
    }

    public static DictionaryEnvironment Empty { get; } = new();

    public List<string> ReadKeys { get; } = new();

    public string? GetVariable(string key)
    {
        ReadKeys.Add(key);
        return _variables.TryGetValue(key, out var v) ? v : null;
    }

    public string? ReadFile(string path) => _files.TryGetValue(path, out var v) ? v : null;
}
