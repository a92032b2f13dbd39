using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Stores;

namespace DjangoSettings.Runtime.Tests.Jwt.Doubles;

/// <summary>
/// Test double for <see cref="ITokenBlacklistStore"/>: the real stores (SQLite over Django's
/// token_blacklist tables) are being built in parallel by another helper. Same contract, in memory:
/// outstanding rows unique by jti, get-or-create on blacklist, exactly one winner per token under
/// concurrency (one lock), flush deletes expired rows and their blacklist entries.
/// </summary>
public sealed class InMemoryTokenBlacklistStore : ITokenBlacklistStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OutstandingToken> _outstanding = new(StringComparer.Ordinal);
    private readonly HashSet<string> _blacklisted = new(StringComparer.Ordinal);

    public IReadOnlyList<OutstandingToken> Outstanding
    {
        get { lock (_gate) return _outstanding.Values.ToList(); }
    }

    public ValueTask RecordOutstandingAsync(OutstandingToken token, CancellationToken cancellationToken = default)
    {
        lock (_gate) _outstanding.TryAdd(token.Jti, token);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> IsBlacklistedAsync(string jti, CancellationToken cancellationToken = default)
    {
        lock (_gate) return ValueTask.FromResult(_blacklisted.Contains(jti));
    }

    public ValueTask<BlacklistOutcome> TryBlacklistAsync(OutstandingToken token, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _outstanding.TryAdd(token.Jti, token);
            return ValueTask.FromResult(_blacklisted.Add(token.Jti) ? BlacklistOutcome.Blacklisted : BlacklistOutcome.AlreadyBlacklisted);
        }
    }

    public ValueTask<int> FlushExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var expired = _outstanding.Values.Where(t => t.ExpiresAt <= now).Select(t => t.Jti).ToList();
            foreach (var jti in expired)
            {
                _outstanding.Remove(jti);
                _blacklisted.Remove(jti);
            }
            return ValueTask.FromResult(expired.Count);
        }
    }
}
