using System;

namespace DjangoSettings.Runtime.Tests.Jwt.Doubles;

/// <summary>A clock the test sets (simplejwt tests freeze time the same way).</summary>
public sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate) _now = now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }
}
