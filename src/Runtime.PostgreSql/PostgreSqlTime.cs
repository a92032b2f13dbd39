using System;

namespace DjangoSettings.PostgreSql;

/// <summary>
/// <c>timestamp with time zone</c> values as Npgsql exchanges them: UTC <see cref="DateTime"/>s, at
/// PostgreSQL's (and Python's) microsecond precision.
/// </summary>
internal static class PostgreSqlTime
{
    public static DateTimeOffset Truncate(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    public static DateTime ToDb(DateTimeOffset value) => new(Truncate(value).UtcTicks, DateTimeKind.Utc);

    public static DateTimeOffset FromDb(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
