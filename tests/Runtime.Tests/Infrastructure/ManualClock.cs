using System;

namespace DjangoSettings.Runtime.Tests.Infrastructure;

/// <summary>
/// The one clock the tests set (simplejwt's tests freeze time the same way); shared with the
/// scale-out tests, which link this folder. Thread-safe: servers read it while the test moves it.
/// </summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = now;

    /// <summary>The current time.</summary>
    public DateTimeOffset Now
    {
        get { lock (_gate) return _now; }
        set { lock (_gate) _now = value; }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Moves the clock to <paramref name="now"/>.</summary>
    public void Set(DateTimeOffset now) => Now = now;

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }
}
