using System;
using System.Globalization;

namespace DjangoSettings.Stores;

/// <summary>
/// Datetimes as Django's SQLite backend stores them with <c>USE_TZ = True</c>: naive UTC text
/// <c>YYYY-MM-DD HH:MM:SS.ffffff</c>, the fraction left out when it is zero (Python's
/// <c>str(datetime)</c>), microsecond precision. Text order is time order, which
/// <c>flushexpiredtokens</c>' <c>expires_at &lt;= now</c> relies on.
/// </summary>
internal static class DjangoSqliteDateTime
{
    private static readonly string[] Formats =
    {
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    };

    public static string Format(DateTimeOffset value)
    {
        DateTime utc = value.UtcDateTime;
        // Python datetimes carry microseconds: drop the 100 ns ticks beyond them.
        utc = new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset Parse(string text)
    {
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime utc))
        {
            return new DateTimeOffset(utc, TimeSpan.Zero);
        }
        // A value written with an explicit offset (not by Django, but valid text for the column).
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset any))
        {
            return any.ToUniversalTime();
        }
        throw new FormatException($"'{text}' is not a Django SQLite datetime");
    }
}
