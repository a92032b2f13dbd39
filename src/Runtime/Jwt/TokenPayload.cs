using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DjangoSettings.Jwt;

/// <summary>
/// The claims of a decoded (or finished) token, read-only, in JSON order. Duplicate keys in the
/// JSON follow Python: the last value wins, at the first key's position. Numbers are
/// <see cref="long"/> when integral and in range, else <see cref="double"/>; objects are nested
/// <see cref="TokenPayload"/>s, arrays <c>IReadOnlyList&lt;object?&gt;</c>.
/// </summary>
public sealed class TokenPayload : IReadOnlyCollection<KeyValuePair<string, object?>>
{
    // Tokens carry a handful of claims: up to this many, a lookup scans the array (faster than
    // hashing, and no index to allocate); beyond it a dictionary is built once.
    private const int LinearLimit = 16;

    private readonly KeyValuePair<string, object?>[] _items;
    private readonly Dictionary<string, int>? _index;

    /// <summary>Snapshot of <paramref name="claims"/> (later duplicates replace earlier ones in place).</summary>
    public TokenPayload(IEnumerable<KeyValuePair<string, object?>> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var items = claims.ToArray();
        foreach (var item in items) ArgumentNullException.ThrowIfNull(item.Key, "claim name");
        (_items, _index) = Deduplicate(items, items.Length);
    }

    /// <summary>
    /// Takes <paramref name="items"/>[0..<paramref name="count"/>) as read (duplicate names
    /// allowed, resolved as the public constructor does); copies them, so the caller may reuse
    /// its buffer. Names must not be null.
    /// </summary>
    internal TokenPayload(KeyValuePair<string, object?>[] items, int count) => (_items, _index) = Deduplicate(items, count);

    // Python's dict semantics for a JSON object: a repeated key keeps its first position and its last value.
    private static (KeyValuePair<string, object?>[], Dictionary<string, int>?) Deduplicate(KeyValuePair<string, object?>[] items, int count)
    {
        var unique = new KeyValuePair<string, object?>[count];
        int n = 0;
        if (count <= LinearLimit)
        {
            for (int i = 0; i < count; i++)
            {
                int at = IndexIn(unique, n, items[i].Key);
                if (at >= 0) unique[at] = items[i];
                else unique[n++] = items[i];
            }
            if (n != count) Array.Resize(ref unique, n);
            return (unique, null);
        }

        var positions = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            if (positions.TryGetValue(items[i].Key, out int at))
            {
                unique[at] = items[i];
            }
            else
            {
                positions[items[i].Key] = n;
                unique[n++] = items[i];
            }
        }
        if (n != count) Array.Resize(ref unique, n);
        return (unique, n > LinearLimit ? positions : null);
    }

    // Names read from tokens are mostly the shared constants the lookups pass: compare references first.
    private static int IndexIn(KeyValuePair<string, object?>[] items, int count, string name)
    {
        for (int i = 0; i < count; i++)
        {
            string key = items[i].Key;
            if (ReferenceEquals(key, name) || (key.Length == name.Length && string.Equals(key, name, StringComparison.Ordinal))) return i;
        }
        return -1;
    }

    private int IndexOf(string name) => _index is null ? IndexIn(_items, _items.Length, name) : _index.TryGetValue(name, out int i) ? i : -1;

    /// <summary>Number of claims.</summary>
    public int Count => _items.Length;

    /// <summary>A claim's value; throws when absent.</summary>
    public object? this[string name] => TryGetValue(name, out var v) ? v : throw new KeyNotFoundException(name);

    /// <summary>Whether the claim is present.</summary>
    public bool ContainsKey(string name) => IndexOf(name) >= 0;

    /// <summary>Reads a claim.</summary>
    public bool TryGetValue(string name, out object? value)
    {
        int i = IndexOf(name);
        if (i >= 0)
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
