using System;
using System.Threading;
using System.Threading.Tasks;

namespace DjangoSettings.Stores;

/// <summary>
/// simplejwt's blacklist app: outstanding and blacklisted tokens, in Django's own tables
/// (<c>token_blacklist_outstandingtoken</c>, <c>token_blacklist_blacklistedtoken</c>) so a .NET
/// service can share the Django database during a migration.
/// </summary>
public interface ITokenBlacklistStore
{
    /// <summary>Records a token handed out (idempotent on <c>jti</c>).</summary>
    ValueTask RecordOutstandingAsync(OutstandingToken token, CancellationToken cancellationToken = default);

    /// <summary>Whether the token with this <c>jti</c> is blacklisted.</summary>
    ValueTask<bool> IsBlacklistedAsync(string jti, CancellationToken cancellationToken = default);

    /// <summary>
    /// Blacklists a token atomically: creates its outstanding row if missing (as simplejwt's
    /// <c>get_or_create</c> does), then inserts the blacklist row. Of any number of concurrent
    /// callers for one token, across processes sharing the store, exactly one gets
    /// <see cref="BlacklistOutcome.Blacklisted"/>.
    /// </summary>
    ValueTask<BlacklistOutcome> TryBlacklistAsync(OutstandingToken token, CancellationToken cancellationToken = default);

    /// <summary>Deletes outstanding (and thereby blacklisted) tokens that expired before <paramref name="now"/>; returns how many (<c>flushexpiredtokens</c>).</summary>
    ValueTask<int> FlushExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
