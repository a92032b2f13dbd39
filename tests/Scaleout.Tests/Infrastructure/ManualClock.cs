using System;

namespace DjangoSettings.Scaleout.Tests.Infrastructure;

/// <summary>A clock the test sets.</summary>
public sealed class ManualClock : TimeProvider
{
    /// <summary>Starts at <paramref name="now"/>.</summary>
    public ManualClock(DateTimeOffset now) => Now = now;

    /// <summary>The current time.</summary>
    public DateTimeOffset Now { get; set; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;
}
