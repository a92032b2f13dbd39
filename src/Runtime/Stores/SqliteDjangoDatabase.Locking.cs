using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DjangoSettings.Stores;

// How the stores run their statements without ever blocking a thread on a lock (see the remarks on
// the class): a busy database is retried after an asynchronous delay, within Timeout per operation.
public sealed partial class SqliteDjangoDatabase
{
    // SQLite's own busy-handler delays (sqliteDefaultBusyCallback), in milliseconds; the last repeats.
    private static readonly int[] BackoffMilliseconds = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };

    // One writer at a time from this object: writers queue here (asynchronously, in arrival order)
    // instead of polling SQLite against each other.
    private readonly SemaphoreSlim _writers = new(1, 1);

    /// <summary>
    /// Runs a read on a pooled connection. <paramref name="read"/> uses <see cref="SqliteStatement"/>,
    /// which throws SQLITE_BUSY at once when another connection holds the lock; the read is then run
    /// again after a delay, until <see cref="Timeout"/> is spent.
    /// </summary>
    /// <exception cref="TokenStoreUnavailableException">The database stayed locked for the whole wait.</exception>
    internal async ValueTask<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        for (int attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SqliteException busy;
            using (SqliteConnection connection = OpenConnection())
            {
                try
                {
                    return read(connection);
                }
                catch (SqliteException e) when (IsBusy(e.SqliteErrorCode))
                {
                    busy = e;
                }
            }
            await BackOffAsync(started, attempt, busy, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one <c>BEGIN IMMEDIATE</c> transaction: after the writers
    /// queued before it, once the write lock is taken (retried with delays) and committed (retried
    /// while readers finish), all within <see cref="Timeout"/>. Any exception rolls it back.
    /// </summary>
    /// <exception cref="TokenStoreUnavailableException">The queue or the lock took the whole wait; nothing was written.</exception>
    internal async ValueTask<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        if (!await _writers.WaitAsync(Remaining(started), cancellationToken).ConfigureAwait(false))
        {
            throw Unavailable("other writers of this process held the queue", null);
        }
        try
        {
            using SqliteConnection connection = OpenConnection();
            await ExecuteUntilDoneAsync(connection, "BEGIN IMMEDIATE", started, cancellationToken).ConfigureAwait(false);
            try
            {
                T result = write(connection);
                await ExecuteUntilDoneAsync(connection, "COMMIT", started, cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch
            {
                // A failed COMMIT leaves the transaction open; whatever happened, nothing is kept.
                if (raw.sqlite3_get_autocommit(connection.Handle) == 0) raw.sqlite3_exec(connection.Handle, "ROLLBACK");
                throw;
            }
        }
        catch (SqliteException e) when (IsBusy(e.SqliteErrorCode))
        {
            // Not expected with the lock held, but a busy database is never a 500.
            throw Unavailable("a statement met a lock", e);
        }
        finally
        {
            _writers.Release();
        }
    }

    private async ValueTask ExecuteUntilDoneAsync(SqliteConnection connection, string sql, long started, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            int rc = raw.sqlite3_exec(connection.Handle, sql);
            if (rc == raw.SQLITE_OK) return;
            if (!IsBusy(rc)) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            await BackOffAsync(started, attempt, null, cancellationToken).ConfigureAwait(false);
        }
    }

    // Waits before the next attempt, or throws when the next attempt would start after the wait.
    // The last delay is cut to what is left, so the last attempt runs when the wait is over.
    private async ValueTask BackOffAsync(long started, int attempt, Exception? busy, CancellationToken cancellationToken)
    {
        TimeSpan remaining = Remaining(started);
        if (remaining <= TimeSpan.Zero) throw Unavailable("the lock was not released", busy);
        TimeSpan delay = TimeSpan.FromMilliseconds(BackoffMilliseconds[Math.Min(attempt, BackoffMilliseconds.Length - 1)]);
        await Task.Delay(delay < remaining ? delay : remaining, cancellationToken).ConfigureAwait(false);
    }

    private TimeSpan Remaining(long started)
    {
        TimeSpan left = Timeout - Stopwatch.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private TokenStoreUnavailableException Unavailable(string what, Exception? inner) => new(
        $"SQLite database '{DatabasePath}' is locked by another connection: {what} within the wait of {Timeout.TotalSeconds:0.###} s (SqliteDatabaseOptions.Timeout, Django's OPTIONS timeout).",
        inner);

    private static bool IsBusy(int rc) => (rc & 0xFF) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED;
}
