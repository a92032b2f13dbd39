using System;

namespace DjangoSettings.Redis;

/// <summary>How <see cref="RedisTokenBlacklistStore"/> names and keeps its keys.</summary>
public sealed record RedisTokenStoreOptions
{
    /// <summary>Prefix of every key (several apps can share one Redis database); default <c>djangosettings:jwt:</c>.</summary>
    public string KeyPrefix { get; init; } = "djangosettings:jwt:";

    /// <summary>
    /// The shortest time a key is kept from the moment it is written, for a token written at or after
    /// its <c>exp</c> (accepted within <c>LEEWAY</c>): without it such a blacklist record would vanish at
    /// once and a second refresh of the same token could win. Default 1 hour; keep it above LEEWAY.
    /// </summary>
    public TimeSpan MinimumRetention { get; init; } = TimeSpan.FromHours(1);
}
