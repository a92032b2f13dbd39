using System;
using System.Collections;
using System.Collections.Generic;

namespace DjangoSettings.Jwt;

/// <summary>
/// The claims of a token being built, with Python dict semantics: insertion order is the JSON
/// order, and setting an existing claim replaces its value in place (simplejwt relies on both for
/// byte-identical tokens). Values: null, bool, string, integers, double, sequences and
/// nested <see cref="TokenPayload"/>/<see cref="TokenClaimsBuilder"/>.
/// </summary>
public sealed class TokenClaimsBuilder : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _items = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>An empty builder.</summary>
    public TokenClaimsBuilder()
    {
    }

    /// <summary>A builder holding a copy of <paramref name="claims"/>, in their order.</summary>
    public TokenClaimsBuilder(IEnumerable<KeyValuePair<string, object?>> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        foreach (var (k, v) in claims) Set(k, v);
    }

    /// <summary>Number of claims.</summary>
    public int Count => _items.Count;

    /// <summary>Gets or sets a claim (setting keeps an existing claim's position).</summary>
    public object? this[string name]
    {
        get => TryGetValue(name, out var v) ? v : throw new KeyNotFoundException(name);
        set => Set(name, value);
    }

    /// <summary>Adds a claim at the end, or replaces the value of an existing one in place.</summary>
    public TokenClaimsBuilder Set(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_index.TryGetValue(name, out int i))
        {
            _items[i] = new(name, value);
        }
        else
        {
            _index[name] = _items.Count;
            _items.Add(new(name, value));
        }
        return this;
    }

    /// <summary>Removes a claim; later claims move up (as <c>del payload[k]</c>).</summary>
    public bool Remove(string name)
    {
        if (!_index.TryGetValue(name, out int i)) return false;
        _items.RemoveAt(i);
        _index.Remove(name);
        for (int j = i; j < _items.Count; j++) _index[_items[j].Key] = j;
        return true;
    }

    /// <summary>Whether the claim is present.</summary>
    public bool ContainsKey(string name) => _index.ContainsKey(name);

    /// <summary>Reads a claim.</summary>
    public bool TryGetValue(string name, out object? value)
    {
        if (_index.TryGetValue(name, out int i))
        {
            value = _items[i].Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>An immutable snapshot.</summary>
    public TokenPayload ToPayload() => new(_items);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The claims as Python's compact json.dumps writes them.</summary>
    public override string ToString() => PythonJsonWriter.Serialize(this);
}
