using System;

namespace DjangoSettings.Stores;

/// <summary>How the SQLite stores wait for the database (see <see cref="SqliteDjangoDatabase"/>).</summary>
public sealed class SqliteDatabaseOptions
{
    /// <summary>Django's default SQLite <c>timeout</c> (Python's sqlite3 module): 5 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one store operation may wait for a lock another connection holds (another process,
    /// Django itself, a backup) before it gives up with <see cref="TokenStoreUnavailableException"/>,
    /// which the endpoints answer with 503 <c>store_unavailable</c> and <c>Retry-After</c>. Django's
    /// <c>DATABASES['default']['OPTIONS']['timeout']</c>; default 5 s, as Django's. Waiting holds no
    /// thread: see <see cref="SqliteDjangoDatabase"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
