using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DjangoSettings.Stores;

/// <summary>
/// <c>manage.py flushexpiredtokens</c> on a timer, for hosts without cron: every
/// <see cref="Interval"/> it deletes the outstanding (and blacklisted) tokens that have expired.
/// Running it on several instances at once is harmless (the deletes are idempotent). A store that
/// is down is logged and tried again at the next tick. Register with
/// <see cref="Microsoft.Extensions.DependencyInjection.DjangoStoresServiceCollectionExtensions.AddDjangoTokenFlushing"/>.
/// </summary>
public sealed partial class DjangoTokenFlushService : BackgroundService
{
    private readonly ITokenBlacklistStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The store to flush.</param>
    /// <param name="interval">Time between flushes (simplejwt suggests daily).</param>
    /// <param name="timeProvider">Clock and timer; the system clock when null.</param>
    /// <param name="logger">Logs each flush and failures.</param>
    public DjangoTokenFlushService(ITokenBlacklistStore store, TimeSpan interval, TimeProvider? timeProvider = null, ILogger<DjangoTokenFlushService>? logger = null)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "The flush interval must be positive.");
        _store = store ?? throw new ArgumentNullException(nameof(store));
        Interval = interval;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Time between flushes.</summary>
    public TimeSpan Interval { get; }

    /// <summary>One flush now; returns how many outstanding tokens went, or null when the store failed.</summary>
    public async Task<int?> FlushOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            int flushed = await _store.FlushExpiredAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            LogFlushed(_logger, flushed);
            return flushed;
        }
        catch (TokenStoreUnavailableException e)
        {
            LogFailed(_logger, e);
            return null;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushOnceAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "flushexpiredtokens: {Flushed} expired token(s) deleted")]
    private static partial void LogFlushed(ILogger logger, int flushed);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "flushexpiredtokens: the token store is unavailable; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
