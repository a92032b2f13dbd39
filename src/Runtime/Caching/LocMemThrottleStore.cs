using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Drf;

namespace DjangoSettings.Caching;

/// <summary>
/// Throttle histories in process, as Django's LocMemCache keeps them (each process counts on its
/// own): entries expire <c>duration</c> seconds after the last allowed request, and when the cache
/// holds MAX_ENTRIES (default 300) keys, a write first evicts the least recently used third
/// (CULL_FREQUENCY 3; 0 clears everything), which also bounds memory against many clients.
/// Unlike Django's separate get and set, each check is one atomic step, so two concurrent requests
/// cannot both take the last slot.
/// </summary>
public sealed class LocMemThrottleStore : IDrfThrottleStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    // Front: most recently used (Django moves a key to the front on every get and set).
    private readonly LinkedList<Entry> _lru = new();
    private readonly DjangoCacheSettings _settings;
    private readonly int _maxEntries;
    private readonly int _cullFrequency;

    /// <summary>A store with the LocMemCache options of <paramref name="settings"/>.</summary>
    public LocMemThrottleStore(DjangoCacheSettings? settings = null)
    {
        _settings = settings ?? DjangoCacheSettings.Default;
        _maxEntries = _settings.IntOption("MAX_ENTRIES", 300);
        _cullFrequency = _settings.IntOption("CULL_FREQUENCY", 3);
    }

    /// <summary>Keys currently held (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    /// <inheritdoc />
    public ValueTask<DrfThrottleDecision> HitAsync(string key, DrfThrottleRate rate, double now, CancellationToken cancellationToken = default) =>
        new(Hit(_settings.MakeKey(key), rate, now));

    /// <inheritdoc />
    public ValueTask HitManyAsync(DrfThrottleHit[] hits, double now, DrfThrottleDecision[] decisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(decisions);
        for (int i = 0; i < hits.Length; i++) decisions[i] = Hit(_settings.MakeKey(hits[i].Key), hits[i].Rate, now);
        return ValueTask.CompletedTask;
    }

    private DrfThrottleDecision Hit(string key, DrfThrottleRate rate, double now)
    {
        lock (_lock)
        {
            // get(): an expired entry is dropped and reads as [].
            Queue<double>? history = null;
            if (_entries.TryGetValue(key, out var node))
            {
                if (node.Value.ExpiresAt <= now)
                {
                    _lru.Remove(node);
                    _entries.Remove(key);
                    node = null;
                }
                else
                {
                    history = node.Value.History;
                    _lru.Remove(node);
                    _lru.AddFirst(node);
                }
            }

            // The queue is oldest first: DRF's history[-1] is its head.
            double horizon = now - rate.DurationSeconds;
            if (history is not null)
            {
                while (history.Count > 0 && history.Peek() <= horizon) history.Dequeue();
            }
            int count = history?.Count ?? 0;
            if (count >= rate.NumRequests)
            {
                double? oldest = count > 0 ? history!.Peek() : null;
                return DrfThrottleDecision.Refuse(DrfThrottleHistory.Wait(count, oldest, rate, now));
            }

            // set(): culls first when full (even when the key exists), then the key goes to the front.
            if (_entries.Count >= _maxEntries) Cull();
            if (node is null || !_entries.ContainsKey(key))
            {
                node = _lru.AddFirst(new Entry(key, history ?? new Queue<double>()));
                _entries[key] = node;
            }
            node.Value.History.Enqueue(now);
            node.Value.ExpiresAt = now + rate.DurationSeconds;
            return DrfThrottleDecision.Allow;
        }
    }

    private void Cull()
    {
        if (_cullFrequency == 0)
        {
            _entries.Clear();
            _lru.Clear();
            return;
        }
        int count = _entries.Count / _cullFrequency;
        for (int i = 0; i < count && _lru.Last is { } last; i++)
        {
            _lru.RemoveLast();
            _entries.Remove(last.Value.Key);
        }
    }

    private sealed class Entry(string key, Queue<double> history)
    {
        public string Key { get; } = key;

        public Queue<double> History { get; } = history;

        public double ExpiresAt { get; set; }
    }
}
