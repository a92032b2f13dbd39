using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace DjangoSettings.Jwt;

/// <summary>
/// The claims of a decoded (or finished) token, read-only, in JSON order. Duplicate keys in the
/// JSON follow Python: the last value wins, at the first key's position. Numbers are
/// <see cref="long"/> when integral and in range, else <see cref="double"/>; objects are nested
/// <see cref="TokenPayload"/>s, arrays <c>IReadOnlyList&lt;object?&gt;</c>.
/// </summary>
public sealed class TokenPayload : IReadOnlyCollection<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _items;
    private readonly Dictionary<string, int> _index;

    /// <summary>Snapshot of <paramref name="claims"/> (later duplicates replace earlier ones in place).</summary>
    public TokenPayload(IEnumerable<KeyValuePair<string, object?>> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var list = new List<KeyValuePair<string, object?>>();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (k, v) in claims)
        {
            if (_index.TryGetValue(k, out int i))
            {
                list[i] = new(k, v);
            }
            else
            {
                _index[k] = list.Count;
                list.Add(new(k, v));
            }
        }
        _items = [.. list];
    }

    /// <summary>Number of claims.</summary>
    public int Count => _items.Length;

    /// <summary>A claim's value; throws when absent.</summary>
    public object? this[string name] => TryGetValue(name, out var v) ? v : throw new KeyNotFoundException(name);

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

    /// <summary>A string claim, or null when absent or not a string.</summary>
    public string? GetString(string name) => TryGetValue(name, out var v) ? v as string : null;

    /// <summary>
    /// A claim rendered as Django would use it for a lookup: strings as-is, integers in digits
    /// (<c>1</c> and <c>"1"</c> are the same user), null for anything else.
    /// </summary>
    public string? GetIdentifier(string name) => TryGetValue(name, out var v) ? v switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        _ => null,
    } : null;

    /// <summary>A builder holding a copy of these claims (to re-issue a token).</summary>
    public TokenClaimsBuilder ToBuilder() => new(_items);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The claims as Python's compact json.dumps writes them.</summary>
    public override string ToString() => PythonJsonWriter.Serialize(this);
}
