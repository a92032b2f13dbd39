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
/// cannot both take the last slot. (Keys are kept without KEY_PREFIX:VERSION: nothing outside the
/// process reads them.)
/// </summary>
internal sealed class LocMemThrottleStore : IDrfThrottleStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _maxEntries;
    private readonly int _cullFrequency;
    // A use counter instead of a linked list: Django's OrderedDict moves a key to the front on every
    // get and set, and a cull drops the least recently used; ordering by the last use's stamp gives
    // the same order while a check touches no list.
    private long _clock;

    /// <summary>A store with the LocMemCache options of <paramref name="settings"/>.</summary>
    public LocMemThrottleStore(DjangoCacheSettings? settings = null)
    {
        var s = settings ?? DjangoCacheSettings.Default;
        _maxEntries = s.IntOption("MAX_ENTRIES", 300);
        _cullFrequency = s.IntOption("CULL_FREQUENCY", 3);
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
        new(Hit(key, rate, now));

    /// <inheritdoc />
    public ValueTask HitManyAsync(DrfThrottleHit[] hits, double now, DrfThrottleDecision[] decisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(decisions);
        for (int i = 0; i < hits.Length; i++) decisions[i] = Hit(hits[i].Key, hits[i].Rate, now);
        return ValueTask.CompletedTask;
    }

    private DrfThrottleDecision Hit(string key, DrfThrottleRate rate, double now)
    {
        lock (_lock)
        {
            // get(): an expired entry is dropped and reads as [].
            if (_entries.TryGetValue(key, out var entry))
            {
                if (entry.ExpiresAt <= now)
                {
                    _entries.Remove(key);
                    entry = null;
                }
                else
                {
                    entry.Stamp = ++_clock;
                }
            }

            int count = 0;
            if (entry is not null)
            {
                entry.DropUpTo(now - rate.DurationSeconds);
                count = entry.Count;
            }
            if (count >= rate.NumRequests)
            {
                return DrfThrottleDecision.Refuse(DrfThrottleHistory.Wait(count, count > 0 ? entry!.Oldest : null, rate, now));
            }

            // set(): culls first when full (even when the key exists), then stores the key as most recent.
            if (_entries.Count >= _maxEntries)
            {
                Cull();
                if (entry is not null && !_entries.ContainsKey(key)) _entries[key] = entry;
            }
            if (entry is null)
            {
                entry = new Entry();
                _entries[key] = entry;
            }
            entry.Append(now);
            entry.ExpiresAt = now + rate.DurationSeconds;
            entry.Stamp = ++_clock;
            return DrfThrottleDecision.Allow;
        }
    }

    private void Cull()
    {
        if (_cullFrequency == 0)
        {
            _entries.Clear();
            return;
        }
        int drop = _entries.Count / _cullFrequency;
        if (drop == 0) return;
        var byUse = new List<KeyValuePair<string, Entry>>(_entries);
        byUse.Sort(static (a, b) => a.Value.Stamp.CompareTo(b.Value.Stamp));
        for (int i = 0; i < drop; i++) _entries.Remove(byUse[i].Key);
    }

    // One history: a ring of timestamps, oldest at head (DRF's history[-1]).
    private sealed class Entry
    {
        private double[] _ring = new double[4];
        private int _head;

        public int Count { get; private set; }

        public double ExpiresAt { get; set; }

        public long Stamp { get; set; }

        public double Oldest => _ring[_head];

        public void DropUpTo(double horizon)
        {
            while (Count > 0 && _ring[_head] <= horizon)
            {
                _head = (_head + 1) % _ring.Length;
                Count--;
            }
        }

        public void Append(double now)
        {
            if (Count == _ring.Length)
            {
                var grown = new double[_ring.Length * 2];
                for (int i = 0; i < Count; i++) grown[i] = _ring[(_head + i) % _ring.Length];
                _ring = grown;
                _head = 0;
            }
            _ring[(_head + Count) % _ring.Length] = now;
            Count++;
        }
    }
}
